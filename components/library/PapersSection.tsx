/**
 * Papers: the saved papers, searched, filtered (tag, read state, year, citing episode) and
 * sorted by the background a page at a time, in a windowed list. Read state is edited in the row;
 * tags and note in the detail beside it. Selected papers can be exported, sent to Zotero, or
 * deleted, with undo.
 */
import { useState } from 'preact/hooks';
import { usePaged, useStoreChanged } from '@/components/common/hooks';
import { useT } from '@/components/common/i18n';
import { EmptyState, StoreError } from '@/components/common/Notice';
import { useServices } from '@/components/common/services';
import { VirtualList } from '@/components/common/VirtualList';
import { ZoteroButton } from '@/components/common/ZoteroButton';
import type { MessageError } from '@/lib/core/result';
import type { PaperRecord } from '@/lib/store/schema';
import type { ReadState } from '@/lib/core/paper';
import { inParts } from '@/lib/ui/exports';
import { authorsLine, paperName } from '@/lib/ui/papers';
import type { PaperSort, PaperView } from '@/lib/store/library/types';
import { PaperDetail } from '@/components/library/PaperDetail';
import { ReadStateSelect } from '@/components/library/ReadStateSelect';

const ROW_HEIGHT = 60;
const PAGE = 100;
const SORTS: PaperSort[] = ['saved', 'title', 'year', 'read', 'cited', 'relevance'];

/** What was deleted last, for undo. */
interface Deleted {
  papers: PaperRecord[];
}

/** See the module comment. */
export function PapersSection(props: {
  selection: ReadonlySet<string>;
  onSelection(selection: ReadonlySet<string>): void;
  episode: { key: string; title: string } | null;
  onEpisode(episode: { key: string; title: string } | null): void;
}) {
  const { ask } = useServices();
  const tr = useT();
  const { t } = tr;
  const [text, setText] = useState('');
  const [sort, setSort] = useState<PaperSort>('saved');
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [tag, setTag] = useState<string | null>(null);
  const [readState, setReadState] = useState<ReadState | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [heard, setHeard] = useState<'heard' | 'unheard' | null>(null);
  const [facets, setFacets] = useState<{ tags: { tag: string; count: number }[]; years: number[] }>(
    { tags: [], years: [] },
  );
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const [actionError, setActionError] = useState<MessageError | null>(null);

  const query = {
    text: text.trim(),
    sort,
    direction,
    tag,
    readState,
    year,
    episodeKey: props.episode?.key ?? null,
    heard,
  };
  const queryKey = JSON.stringify(query);
  const paged = usePaged<PaperView>(
    queryKey,
    async (offset, limit) => {
      const reply = await ask('queryPapers', { ...query, offset, limit });
      if (!reply.ok) return { ok: false, error: reply.error };
      setFacets({ tags: reply.value.tags, years: reply.value.years });
      return { ok: true, page: { total: reply.value.total, rows: reply.value.rows } };
    },
    PAGE,
  );
  useStoreChanged(['papers', 'episodes', 'listens'], () => paged.reload());
  const total = paged.total ?? 0;
  const filtered =
    query.text !== '' ||
    tag !== null ||
    readState !== null ||
    year !== null ||
    heard !== null ||
    !!props.episode;

  const select = (key: string, on: boolean) => {
    const next = new Set(props.selection);
    if (on) next.add(key);
    else next.delete(key);
    props.onSelection(next);
  };
  const selectShown = () => {
    const next = new Set(props.selection);
    for (const row of paged.rows) if (row) next.add(row.paper.key);
    props.onSelection(next);
  };

  const deleteSelected = async () => {
    const keys = [...props.selection];
    const removed: PaperRecord[] = [];
    for (const part of inParts(keys, 5_000)) {
      const reply = await ask('unsavePapers', { keys: part });
      if (!reply.ok) {
        setActionError(reply.error);
        break;
      }
      removed.push(...reply.value.papers);
    }
    if (removed.length === 0) return;
    setActionError(null);
    setDeleted({ papers: removed });
    setToast(tr.count('papers.deleted', removed.length));
    props.onSelection(new Set());
    if (open && keys.includes(open)) setOpen(null);
  };
  const undo = async () => {
    if (!deleted) return;
    let restored = 0;
    for (const part of inParts(deleted.papers, 5_000)) {
      const reply = await ask('restorePapers', { papers: part });
      if (!reply.ok) {
        setActionError(reply.error);
        return;
      }
      restored += reply.value.count;
    }
    setDeleted(null);
    setToast(tr.count('papers.restored', restored));
  };

  const setRowRead = async (key: string, state: ReadState) => {
    const reply = await ask('setReadState', { key, readState: state });
    if (!reply.ok) setActionError(reply.error);
  };

  const selectValue = (value: string) => (value === '' ? null : value);

  let list;
  if (paged.error && paged.total === null) {
    list = <StoreError error={paged.error} onRetry={paged.reload} />;
  } else if (paged.total === 0) {
    list = filtered ? (
      <EmptyState title={t('empty.papersFiltered')} hint={t('empty.papersFilteredHint')} />
    ) : (
      <EmptyState title={t('empty.papers')} hint={t('empty.papersHint')} testId="empty-papers" />
    );
  } else if (paged.total === null) {
    list = (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    );
  } else {
    list = (
      <VirtualList
        idPrefix="paper"
        label={t('nav.papers')}
        count={total}
        rowHeight={ROW_HEIGHT}
        height={Math.min(total * ROW_HEIGHT, Math.max(300, (globalThis.innerHeight ?? 800) - 280))}
        active={active}
        onActive={setActive}
        onEnter={(i) => paged.rows[i] && setOpen(paged.rows[i]!.paper.key)}
        onRange={paged.ensure}
        resetKey={queryKey}
        focusRows
        testId="paper-list"
        rowAttributes={(i) => {
          const view = paged.rows[i];
          return view
            ? {
                role: 'listitem',
                'data-testid': 'paper-row',
                'data-key': view.paper.key,
                class: `paper-row${open === view.paper.key ? ' open' : ''}`,
              }
            : { role: 'listitem', class: 'paper-row placeholder' };
        }}
        renderRow={(i) => {
          const view = paged.rows[i];
          if (!view) return <span class="muted">…</span>;
          const p = view.paper;
          const title = paperName(p, t('untitled'));
          return (
            <>
              <input
                type="checkbox"
                data-testid="select-paper"
                checked={props.selection.has(p.key)}
                aria-label={t('papers.select', { title })}
                onChange={(e) => select(p.key, (e.currentTarget as HTMLInputElement).checked)}
              />
              <div class="row-main">
                <button
                  type="button"
                  class="row-title"
                  onClick={() => setOpen(p.key)}
                  title={title}
                >
                  {title}
                </button>
                <span class="line-meta">
                  <span class="meta-text">
                    {[authorsLine(p.authors, t('etAl')), p.year ?? ''].filter(Boolean).join(' · ')}
                  </span>
                  {view.citedIn > 0 && (
                    <button
                      type="button"
                      class="chip chip-button"
                      data-testid="cited-in"
                      onClick={() => setOpen(p.key)}
                    >
                      {t('count.citedIn', {
                        episodes: tr.count('count.episodes', view.citedIn),
                        heard: view.citedInHeard,
                      })}
                    </button>
                  )}
                  {p.tags.map((tagName) => (
                    <span key={tagName} class="chip tag" data-testid="tag">
                      {tagName}
                    </span>
                  ))}
                </span>
              </div>
              <ReadStateSelect
                value={p.readState}
                label={t('papers.readStateOf', { title })}
                onChange={(s) => void setRowRead(p.key, s)}
              />
            </>
          );
        }}
      />
    );
  }

  return (
    <div class="papers">
      <div class="toolbar" role="search">
        <label class="field field-grow">
          <span>{t('papers.search')}</span>
          <input
            type="search"
            value={text}
            placeholder={t('popup.searchPlaceholder')}
            onInput={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value;
              setText(value);
              if (value.trim() && sort === 'saved') setSort('relevance');
              if (!value.trim() && sort === 'relevance') setSort('saved');
            }}
          />
        </label>
        <label class="field">
          <span>{t('papers.sort')}</span>
          <select
            value={sort}
            data-testid="sort"
            onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as PaperSort)}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('papers.direction')}</span>
          <select
            value={direction}
            onChange={(e) =>
              setDirection((e.currentTarget as HTMLSelectElement).value as 'asc' | 'desc')
            }
          >
            <option value="desc">{t('direction.desc')}</option>
            <option value="asc">{t('direction.asc')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('filter.tag')}</span>
          <select
            value={tag ?? ''}
            data-testid="filter-tag"
            onChange={(e) => setTag(selectValue((e.currentTarget as HTMLSelectElement).value))}
          >
            <option value="">{t('filter.any')}</option>
            {tag !== null && !facets.tags.some((f) => f.tag === tag) && (
              <option value={tag}>{tag}</option>
            )}
            {facets.tags.map((f) => (
              <option key={f.tag} value={f.tag}>
                {f.tag} ({f.count})
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('filter.readState')}</span>
          <select
            value={readState ?? ''}
            data-testid="filter-read"
            onChange={(e) =>
              setReadState(selectValue((e.currentTarget as HTMLSelectElement).value) as ReadState)
            }
          >
            <option value="">{t('filter.any')}</option>
            <option value="unread">{t('read.unread')}</option>
            <option value="reading">{t('read.reading')}</option>
            <option value="read">{t('read.read')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('filter.heard')}</span>
          <select
            value={heard ?? ''}
            data-testid="filter-heard"
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              setHeard(v === 'heard' || v === 'unheard' ? v : null);
            }}
          >
            <option value="">{t('filter.any')}</option>
            <option value="heard">{t('filter.fromHeard')}</option>
            <option value="unheard">{t('filter.fromUnheard')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('filter.year')}</span>
          <select
            value={year === null ? '' : String(year)}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              setYear(v === '' ? null : Number(v));
            }}
          >
            <option value="">{t('filter.any')}</option>
            {year !== null && !facets.years.includes(year) && <option value={year}>{year}</option>}
            {facets.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      {props.episode && (
        <p class="filter-chip">
          <span>{t('filter.episodeOnly', { title: props.episode.title })}</span>{' '}
          <button type="button" onClick={() => props.onEpisode(null)}>
            {t('filter.clearEpisode')}
          </button>
        </p>
      )}
      <div class="selection-bar" aria-live="polite">
        <span class="muted">{paged.total !== null && tr.count('count.papers', paged.total)}</span>
        {props.selection.size > 0 && (
          <span data-testid="selected-count">
            {t('count.selected', { n: props.selection.size })}
          </span>
        )}
        <button type="button" onClick={selectShown} disabled={total === 0}>
          {t('papers.selectAll')}
        </button>
        {props.selection.size > 0 && (
          <>
            <button type="button" onClick={() => props.onSelection(new Set())}>
              {t('papers.clearSelection')}
            </button>
            <a class="button" href="#import-export">
              {t('papers.exportSelected')}
            </a>
            <button
              type="button"
              class="danger"
              data-testid="delete-selected"
              onClick={() => void deleteSelected()}
            >
              {t('papers.deleteSelected')}
            </button>
            <ZoteroButton keys={[...props.selection]} />
          </>
        )}
        {toast && (
          <span class="toast" role="status" data-testid="toast">
            {toast}{' '}
            {deleted && (
              <button type="button" data-testid="undo" onClick={() => void undo()}>
                {t('undo')}
              </button>
            )}
          </span>
        )}
      </div>
      {actionError && <StoreError error={actionError} />}
      <div class={`papers-body${open ? ' with-detail' : ''}`}>
        <div class="papers-list">{list}</div>
        {open && <PaperDetail paperKey={open} onClose={() => setOpen(null)} />}
      </div>
    </div>
  );
}
