/**
 * The popup's "On this page": the episodes the active tab's content script found, each with its
 * sources and the same actions as on the page (save, open the PDF, heard, save all). States come
 * from the background and stay live with its change broadcast.
 */
import { useEffect, useState } from 'preact/hooks';
import { useStoreChanged } from '@/components/common/hooks';
import { useT } from '@/components/common/i18n';
import { useServices } from '@/components/common/services';
import { ZoteroButton } from '@/components/common/ZoteroButton';
import { errorText } from '@/lib/i18n/errors';
import type { MessageError } from '@/lib/core/result';
import type { PageEpisode, PageEpisodesReply } from '@/lib/page-episodes';
import { firstHttp } from '@/lib/ui/papers';

/** Episodes shown in the popup (a show's home page lists hundreds: the page has them all). */
const MAX_EPISODES = 5;
/** Sources shown per episode. */
const MAX_SOURCES = 25;

/** An episode's papers as the page shows them, for "Send to Zotero". */
function paperSources(episode: PageEpisode) {
  return episode.episode.sources
    .filter((source, i) => source.kind === 'paper' && episode.sourceKeys[i] !== null)
    .map(({ title, authors, year, url, arxivId, doi, pdfUrl }) => ({
      title,
      authors,
      year,
      url,
      arxivId,
      doi,
      pdfUrl,
    }));
}

type Found = { state: 'loading' } | { state: 'done'; reply: PageEpisodesReply | null };

/** See the module comment. `refresh` changes after "Read this page" read the tab. */
export function ThisTab(props: { refresh: number; onFound?(count: number): void }) {
  const { ask, pageEpisodes, openTab } = useServices();
  const tr = useT();
  const { t } = tr;
  const [found, setFound] = useState<Found>({ state: 'loading' });
  const [saved, setSaved] = useState<Record<string, boolean>>({});
  const [heard, setHeard] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<MessageError | null>(null);

  useEffect(() => {
    let live = true;
    void pageEpisodes().then((reply) => {
      if (!live) return;
      setFound({ state: 'done', reply });
      props.onFound?.(reply?.episodes.length ?? 0);
    });
    return () => {
      live = false;
    };
  }, [props.refresh]);

  const episodes = found.state === 'done' ? (found.reply?.episodes ?? []) : [];
  const shown = episodes.slice(0, MAX_EPISODES);
  const paperKeys = [
    ...new Set(shown.flatMap((e) => e.sourceKeys.filter((k): k is string => k !== null))),
  ];
  const episodeKeys = shown.map((e) => e.key).filter((k): k is string => k !== null);
  const signature = `${paperKeys.join('\n')}|${episodeKeys.join('\n')}`;

  const loadStates = async () => {
    if (paperKeys.length > 0) {
      const reply = await ask('savedStates', { keys: paperKeys });
      if (reply.ok) setSaved(reply.value);
      else setError(reply.error);
    }
    if (episodeKeys.length > 0) {
      const reply = await ask('listenStates', { episodeKeys });
      if (reply.ok) {
        setHeard(
          Object.fromEntries(Object.entries(reply.value).map(([k, v]) => [k, v.state === 'heard'])),
        );
      } else setError(reply.error);
    }
  };
  useEffect(() => {
    void loadStates();
  }, [signature]);
  useStoreChanged(['papers', 'listens', 'episodes'], () => void loadStates());

  if (found.state === 'loading' || shown.length === 0) return null;

  const toggleSave = async (episode: PageEpisode, index: number) => {
    const key = episode.sourceKeys[index];
    const source = episode.episode.sources[index];
    if (!key || !source) return;
    const was = saved[key] === true;
    setSaved((s) => ({ ...s, [key]: !was }));
    const reply = was
      ? await ask('unsavePaper', { key })
      : await ask('savePaper', {
          source: {
            title: source.title,
            authors: source.authors,
            year: source.year,
            url: source.url,
            arxivId: source.arxivId,
            doi: source.doi,
            pdfUrl: source.pdfUrl,
          },
          episodeKey: episode.key,
        });
    if (!reply.ok) {
      setSaved((s) => ({ ...s, [key]: was }));
      setError(reply.error);
    }
  };

  const saveAll = async (episode: PageEpisode) => {
    for (let i = 0; i < episode.sourceKeys.length; i++) {
      const key = episode.sourceKeys[i];
      if (key && !saved[key]) await toggleSave(episode, i);
    }
  };

  const toggleHeard = async (episode: PageEpisode) => {
    const key = episode.key;
    if (!key) return;
    const was = heard[key] === true;
    setHeard((h) => ({ ...h, [key]: !was }));
    const reply = await ask('setHeard', { episodeKey: key, heard: !was });
    if (!reply.ok) {
      setHeard((h) => ({ ...h, [key]: was }));
      setError(reply.error);
    }
  };

  return (
    <section class="this-tab" aria-labelledby="this-tab-heading" data-testid="this-tab">
      <h2 id="this-tab-heading" class="popup-h2">
        {t('popup.thisPage')}
      </h2>
      {error && (
        <p class="notice notice-error" role="alert">
          {t('error.store', { message: errorText(error, tr.locale) })}
        </p>
      )}
      {shown.map((episode, e) => {
        const title = episode.episode.title ?? t('untitledEpisode');
        const savable = episode.sourceKeys.filter((k) => k !== null).length;
        const savedCount = episode.sourceKeys.filter((k) => k !== null && saved[k]).length;
        const sources = episode.episode.sources.slice(0, MAX_SOURCES);
        return (
          <details
            class="tab-episode"
            open={e === 0}
            key={episode.key ?? e}
            data-testid="tab-episode"
          >
            <summary>
              <span class="line-title">{title}</span>
              <span class="muted">
                {' '}
                · {tr.count('count.sources', episode.episode.sources.length)} · {savedCount}/
                {savable} {t('saved').toLowerCase()}
              </span>
            </summary>
            <div class="tab-episode-actions">
              {episode.key && (
                <button
                  type="button"
                  data-action="heard"
                  aria-pressed={heard[episode.key] === true}
                  aria-label={t('heardName', { title })}
                  onClick={() => void toggleHeard(episode)}
                >
                  {heard[episode.key] ? '✓ ' : ''}
                  {t('heard')}
                </button>
              )}
              {savable > 0 && (
                <button
                  type="button"
                  data-action="save-all"
                  disabled={savedCount === savable}
                  aria-label={t('saveAllName', { title })}
                  onClick={() => void saveAll(episode)}
                >
                  {t('saveAll')}
                </button>
              )}
              {savable > 0 && <ZoteroButton sources={paperSources(episode)} />}
            </div>
            <ul class="tab-sources">
              {sources.map((source, i) => {
                const key = episode.sourceKeys[i];
                const name = source.title ?? source.url ?? t('untitled');
                const pdf = firstHttp([source.pdfUrl]);
                const link = firstHttp([source.url]);
                return (
                  <li key={i} class="tab-source" data-kind={source.kind}>
                    {link ? (
                      <a href={link} target="_blank" rel="noopener noreferrer" class="source-title">
                        {name}
                      </a>
                    ) : (
                      <span class="source-title">{name}</span>
                    )}
                    <span class="source-actions">
                      {pdf && (
                        <button
                          type="button"
                          data-action="open-pdf"
                          aria-label={t('pdfName', { title: name })}
                          onClick={() => openTab(pdf)}
                        >
                          {t('pdf')}
                        </button>
                      )}
                      {key && (
                        <button
                          type="button"
                          data-action="save"
                          aria-pressed={saved[key] === true}
                          aria-label={t(saved[key] ? 'unsaveName' : 'saveName', { title: name })}
                          onClick={() => void toggleSave(episode, i)}
                        >
                          {saved[key] ? `✓ ${t('saved')}` : t('save')}
                        </button>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
            {episode.episode.sources.length > sources.length && (
              <p class="muted">
                {t('popup.moreSources', { n: episode.episode.sources.length - sources.length })}
              </p>
            )}
          </details>
        );
      })}
    </section>
  );
}
