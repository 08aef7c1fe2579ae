/**
 * The popup's search over saved papers: results as you type (the background searches, a page at
 * a time), the most recent saves while the field is empty. The field keeps focus; ↑/↓ move
 * through the results, Enter opens the active one, Esc clears the field.
 *
 * The first page of recent saves never waits for the background's in-memory copy of the library
 * (built from the whole store after the service worker starts): the popup asks `recentSaves`
 * before rendering (`firstRecentSaves`, passed as `firstPage`), which the background answers
 * from IndexedDB's indexes while its copy is not built, without the number of saved papers. The
 * popup never opens the store itself: the store is the background's (README, Conventions). Once those rows are painted, `warmLibrary` has
 * the background build the copy the search needs, so it is ready by the first keystroke instead
 * of delaying the first screen; when it is built, the recent saves are asked for again, now with
 * their number.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useStoreChanged, usePaged } from '@/components/common/hooks';
import { useT } from '@/components/common/i18n';
import { EmptyState, StoreError } from '@/components/common/Notice';
import { useServices, type AskFn } from '@/components/common/services';
import type { ReplyOf } from '@/lib/protocol/client';
import { VirtualList } from '@/components/common/VirtualList';
import type { PaperView } from '@/lib/store/library/types';
import { authorsLine, paperLink, paperName } from '@/lib/ui/papers';
import { moveActive } from '@/lib/ui/window';

const ROW_HEIGHT = 50;
const VISIBLE_ROWS = 6;
/** Rows per request; also the size of the first page `firstPage` must ask for. */
export const PAPERS_PAGE = 50;

/**
 * The first page of recent saves for a popup about to render, asked of the background, which
 * answers it without building its search copy (and so without their total: see `uncounted`).
 */
export function firstRecentSaves(ask: AskFn): Promise<ReplyOf<'recentSaves'>> {
  return ask('recentSaves', { limit: PAPERS_PAGE });
}

/** After the next frame is painted (a task queued from the frame's animation callback). */
function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** See the module comment. */
export function PaperSearch(props: {
  autoFocus?: boolean;
  /** `recentSaves` for {@link PAPERS_PAGE} rows, already on its way. */
  firstPage?: Promise<ReplyOf<'recentSaves'>>;
  /** Called once, after the frame that shows the first answer (rows, "nothing saved", or an error). */
  onShown?: () => void;
}) {
  const { ask, openTab, openLibrary } = useServices();
  const tr = useT();
  const { t } = tr;
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const firstPage = useRef(props.firstPage ?? null);
  // Whether the rows shown are recent saves read before the background's copy was built, which
  // come without the number of saved papers (lib/store/recent-saves.ts).
  const uncounted = useRef(false);
  const query = text.trim();
  const paged = usePaged<PaperView>(
    query,
    async (offset, limit) => {
      if (!query && offset === 0) {
        const early = limit === PAPERS_PAGE ? firstPage.current : null;
        firstPage.current = null;
        const reply = await (early ?? ask('recentSaves', { limit }));
        if (!reply.ok) return { ok: false, error: reply.error };
        const { total, rows } = reply.value;
        uncounted.current = total === null;
        return { ok: true, page: { total: total ?? rows.length, rows } };
      }
      uncounted.current = false;
      const reply = await ask('queryPapers', {
        text: query,
        sort: query ? 'relevance' : 'saved',
        direction: 'desc',
        tag: null,
        readState: null,
        year: null,
        episodeKey: null,
        offset,
        limit,
      });
      return reply.ok
        ? { ok: true, page: { total: reply.value.total, rows: reply.value.rows } }
        : { ok: false, error: reply.error };
    },
    PAPERS_PAGE,
  );
  useStoreChanged(['papers', 'episodes', 'listens'], () => paged.reload());
  const total = paged.total ?? 0;
  const answered = paged.total !== null;
  const shown = answered || paged.error !== null;
  useEffect(() => {
    if (!shown || !props.onShown) return;
    return afterPaint(props.onShown);
  }, [shown]);
  const warmed = useRef(false);
  useEffect(() => {
    if (!answered || warmed.current) return;
    return afterPaint(() => {
      warmed.current = true;
      // It answers once the copy is built: then the recent saves can be counted.
      void ask('warmLibrary', {}).then((reply) => {
        if (reply.ok && uncounted.current) paged.reload();
      });
    });
  }, [answered]);

  const open = (index: number) => {
    const view = paged.rows[index];
    if (!view) return;
    const url = paperLink(view.paper);
    if (url) openTab(url);
    else openLibrary('papers');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (
      event.key === 'ArrowDown' ||
      event.key === 'ArrowUp' ||
      event.key === 'PageDown' ||
      event.key === 'PageUp'
    ) {
      event.preventDefault();
      setActive(moveActive(event.key, active, total, VISIBLE_ROWS));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(active >= 0 ? active : 0);
    } else if (event.key === 'Escape' && text) {
      // Esc first clears the search; a second Esc closes the popup as usual.
      event.preventDefault();
      setText('');
      setActive(-1);
    }
  };

  const listId = 'popup-results';
  const heading = query ? t('popup.results') : t('popup.recentSaves');
  let body;
  if (paged.error && paged.total === null) {
    body = <StoreError error={paged.error} onRetry={paged.reload} />;
  } else if (paged.total === 0) {
    body = query ? (
      <EmptyState title={t('popup.noResults', { text: query })} />
    ) : (
      <EmptyState title={t('empty.papers')} hint={t('empty.papersHint')} testId="empty-papers" />
    );
  } else if (paged.total === null) {
    body = (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    );
  } else {
    body = (
      <VirtualList
        idPrefix={listId}
        role="listbox"
        label={heading}
        count={total}
        rowHeight={ROW_HEIGHT}
        height={Math.min(total, VISIBLE_ROWS) * ROW_HEIGHT}
        active={active}
        onActive={setActive}
        onEnter={open}
        onRange={paged.ensure}
        resetKey={query}
        testId="paper-list"
        rowAttributes={(i) =>
          paged.rows[i]
            ? {
                role: 'option',
                'data-testid': 'paper-row',
                'data-key': paged.rows[i]!.paper.key,
                class: 'paper-line',
              }
            : { role: 'option', class: 'paper-line placeholder' }
        }
        renderRow={(i) => {
          const view = paged.rows[i];
          if (!view) return <span class="line-title muted">…</span>;
          const p = view.paper;
          const meta = [authorsLine(p.authors, t('etAl')), p.year ?? '']
            .filter(Boolean)
            .join(' · ');
          return (
            <>
              {/* Element Timing reports when a row's text is first presented (the popup bench). */}
              <span class="line-title" title={p.title ?? undefined} elementtiming="paper-row">
                {paperName(p, t('untitled'))}
              </span>
              <span class="line-meta">
                <span class="meta-text">{meta}</span>
                {view.citedIn > 0 && (
                  <span class="chip">
                    {t('count.citedIn', {
                      episodes: tr.count('count.episodes', view.citedIn),
                      heard: view.citedInHeard,
                    })}
                  </span>
                )}
                {p.readState !== 'unread' && (
                  <span class={`chip read-${p.readState}`}>{t(`read.${p.readState}`)}</span>
                )}
              </span>
            </>
          );
        }}
      />
    );
  }

  return (
    <section class="popup-search" aria-labelledby="search-heading">
      <label class="search-label" for="popup-search-field">
        {t('popup.search')}
      </label>
      <input
        id="popup-search-field"
        type="search"
        role="combobox"
        list={undefined}
        aria-expanded={total > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        aria-autocomplete="list"
        placeholder={t('popup.searchPlaceholder')}
        value={text}
        autoFocus={props.autoFocus}
        onInput={(event) => {
          setText((event.currentTarget as HTMLInputElement).value);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <h2 id="search-heading" class="popup-h2">
        {heading}
        {paged.total !== null && paged.total > 0 && !uncounted.current && (
          <span class="muted"> · {paged.total}</span>
        )}
      </h2>
      <div id={listId} data-query={paged.shownKey ?? undefined}>
        {body}
      </div>
      {total > 0 && <p class="keys-hint muted">{t('popup.keysHint')}</p>}
    </section>
  );
}
