/**
 * A paper's saved moment in its detail: "saved at 12:34 in {episode}", linking to the
 * episode's page at that time (`#t=754`, which the content script turns into a seek). The
 * episode comes from the paper's citing episodes when it is one of them, else from its own
 * detail; only an http(s) page becomes a link.
 */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { useServices } from '@/components/common/services';
import { isHttpUrl } from '@/lib/core/urls';
import { momentLink, savedMomentText } from '@/lib/playback/moment';
import type { SavedMoment as Moment } from '@/lib/store/schema';
import type { EpisodeSummary } from '@/lib/store/library/types';

/** See the module comment. `citing`: the paper's citing episodes, as its detail has them. */
export function SavedMoment(props: { moment: Moment; citing: readonly EpisodeSummary[] }) {
  const { ask } = useServices();
  const tr = useT();
  const { moment } = props;
  const known = props.citing.find((e) => e.key === moment.episodeKey) ?? null;
  const [fetched, setFetched] = useState<EpisodeSummary | null>(null);
  useEffect(() => {
    setFetched(null);
    if (known) return;
    let live = true;
    void ask('episodeDetail', { key: moment.episodeKey }).then((reply) => {
      if (live && reply.ok) setFetched(reply.value.view.episode);
    });
    return () => {
      live = false;
    };
  }, [moment.episodeKey, known === null]);
  const episode = known ?? fetched;
  const text = savedMomentText(
    moment.position,
    episode?.title ?? tr.t('untitledEpisode'),
    tr.locale,
  );
  const page = episode?.pageUrl && isHttpUrl(episode.pageUrl) ? episode.pageUrl : null;
  const link = page ? momentLink(page, moment.position) : null;
  return (
    <p class="saved-moment" data-testid="saved-moment">
      <span aria-hidden="true">▶ </span>
      {link ? (
        <a href={link} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        text
      )}
    </p>
  );
}
