/**
 * "Import the show's RSS feed", in Import / export: one button that asks the browser
 * for the optional host permission and has the background fetch and record the feed, then says
 * how many episodes were recorded ("heard N of M" below), or why nothing was imported.
 */
import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { importShowFeed } from '@/lib/catalog/client';
import { errorText } from '@/lib/i18n/errors';
import type { MessageError } from '@/lib/core/result';
import { CatalogLine } from '@/components/library/CatalogSummary';

type FeedState =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'done'; recorded: number }
  | { state: 'error'; error: MessageError };

/** See the module comment. */
export function FeedImport() {
  const tr = useT();
  const { t } = tr;
  const [feed, setFeed] = useState<FeedState>({ state: 'idle' });

  const onClick = () => {
    // First thing in the click, before any await: browsers grant an optional permission only
    // inside the user's gesture (Firefox drops it at the first await).
    const importing = importShowFeed();
    setFeed({ state: 'working' });
    void importing.then((reply) =>
      setFeed(
        reply.ok
          ? { state: 'done', recorded: reply.value.recorded }
          : { state: 'error', error: reply.error },
      ),
    );
  };

  return (
    <section class="card" id="import-feed" aria-labelledby="import-feed-heading">
      <h3 id="import-feed-heading">{t('io.feed')}</h3>
      <p class="muted">{t('io.feedHint')}</p>
      <p>
        <button
          type="button"
          data-testid="import-feed"
          disabled={feed.state === 'working'}
          onClick={onClick}
        >
          {t('io.feedButton')}
        </button>{' '}
        {feed.state === 'working' && <span role="status">{t('io.feedWorking')}</span>}
      </p>
      {feed.state === 'done' && (
        <div class="notice notice-ok" role="status" data-testid="feed-report">
          <p>{tr.count('io.feedDone', feed.recorded)}</p>
          <CatalogLine />
          <p>
            <a href="#episodes">{t('io.feedSee')}</a>
          </p>
        </div>
      )}
      {feed.state === 'error' && (
        <div
          class="notice notice-error"
          role="alert"
          data-testid="feed-error"
          data-code={feed.error.code}
        >
          <p>
            {feed.error.code === 'forbidden'
              ? t('io.feedDenied')
              : t('io.feedFailed', { message: errorText(feed.error, tr.locale) })}
          </p>
          {feed.error.code === 'forbidden' && (
            <p class="notice-hint">{errorText(feed.error, tr.locale)}</p>
          )}
        </div>
      )}
    </section>
  );
}
