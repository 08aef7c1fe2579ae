/**
 * Sync's side of the store: reading the user's part of the library (and every key this browser
 * can turn a code back into), and merging what other browsers changed into it through the same
 * merge as a restore (lib/store/history.ts), in one transaction.
 */
import type { StoreChange } from '@/lib/core/result';
import type { Store } from '@/lib/store/db';
import { HISTORY_STORES, mergeHistoryInto } from '@/lib/store/history';
import type { History } from '@/lib/store/merge';
import type { EpisodeRecord, ListenRecord, PaperRecord, SourceSnapshot } from '@/lib/store/schema';
import { addCodes, type Codes, type LocalLibrary } from '@/lib/sync/engine';

/** The papers, listens and tombstones of the store, and the codes of every key it knows. */
export async function readLocal(store: Store): Promise<{ library: LocalLibrary; codes: Codes }> {
  const tx = store.db.transaction(['papers', 'listens', 'tombstones', 'episodes', 'citations']);
  const [papers, listens, tombstones, episodeKeys, citations] = await Promise.all([
    tx.objectStore('papers').getAll(),
    tx.objectStore('listens').getAll(),
    tx.objectStore('tombstones').getAll(),
    tx.objectStore('episodes').getAllKeys(),
    tx.objectStore('citations').getAll(),
  ]);
  await tx.done;
  const codes = addCodes(
    { episodes: new Map(), papers: new Map() },
    episodeKeys,
    citations.map((c) => c.paperKey),
  );
  return { library: { papers, listens, tombstones }, codes };
}

/** The first source snapshot of every paper key the catalog's source lists hold. */
function sourcesByPaper(episodes: readonly EpisodeRecord[]): Map<string, SourceSnapshot> {
  const out = new Map<string, SourceSnapshot>();
  for (const e of episodes) {
    for (const s of e.sources) if (s.paperKey && !out.has(s.paperKey)) out.set(s.paperKey, s);
  }
  return out;
}

/**
 * A paper another browser saved and this one never had: the synced fields, the rest from the
 * catalog's source list when it cites the paper, else from its key alone. Those come from pages,
 * so they carry no time: any page that shows the paper later fills them.
 */
function newPaper(p: Partial<PaperRecord>, source: SourceSnapshot | undefined): PaperRecord {
  const key = p.key ?? '';
  const arxivId = key.startsWith('arxiv:') ? key.slice('arxiv:'.length) : null;
  const doi = key.startsWith('doi:') ? key.slice('doi:'.length) : null;
  return {
    title: source?.title ?? null,
    authors: source ? [...source.authors] : [],
    year: source?.year ?? null,
    arxivId: source?.arxivId ?? arxivId,
    doi: source?.doi ?? doi,
    urls: source?.url ? [source.url] : arxivId ? [`https://arxiv.org/abs/${arxivId}`] : [],
    pdfUrl: source?.pdfUrl ?? (arxivId ? `https://arxiv.org/pdf/${arxivId}` : null),
    savedFrom: null,
    tags: [],
    note: '',
    ...p,
  } as PaperRecord;
}

/** Merges `history` into the store; answers the changes to tell pages about. */
export async function applyHistory(store: Store, history: History): Promise<StoreChange[]> {
  if (history.papers.length + history.listens.length + history.tombstones.length === 0) return [];
  const tx = store.db.transaction([...HISTORY_STORES], 'readwrite');
  tx.done.catch(() => {});
  const papers = await Promise.all(
    history.papers.map(async (p) =>
      (await tx.objectStore('papers').getKey(p.key)) === undefined ? p : null,
    ),
  );
  const fresh = papers.filter((p): p is PaperRecord => p !== null);
  const snapshots =
    fresh.length > 0 ? sourcesByPaper(await tx.objectStore('episodes').getAll()) : new Map();
  const listens = await Promise.all(
    history.listens.map(async (l) =>
      (await tx.objectStore('listens').getKey(l.episodeKey)) === undefined
        ? ({ duration: null, playedSeconds: 0, ...(l as Partial<ListenRecord>) } as ListenRecord)
        : l,
    ),
  );
  const counts = await mergeHistoryInto(tx, {
    ...history,
    papers: history.papers.map((p, i) => (papers[i] ? newPaper(p, snapshots.get(p.key)) : p)),
    listens,
  });
  await tx.done;
  const changed = (kind: keyof typeof counts) => counts[kind].added + counts[kind].updated > 0;
  const changes: StoreChange[] = [];
  if (changed('papers') || history.tombstones.some((t) => t.kind === 'papers')) {
    changes.push({ kind: 'papers', keys: null });
  }
  if (changed('listens') || history.tombstones.some((t) => t.kind === 'listens')) {
    changes.push({ kind: 'listens', keys: null });
  }
  return changes;
}

/**
 * Fills the page fields (title, authors, year, links) of the papers among `keys` that sync
 * brought in before any page here showed them, from the first source list now citing them.
 * Only empty fields are filled, and they carry no time, as a page's fill would not. Answers the
 * changes to tell pages about, and how many of `keys` stay untitled.
 */
export async function fillFromCatalog(
  store: Store,
  keys: readonly string[],
): Promise<{ changes: StoreChange[]; untitled: number }> {
  if (keys.length === 0) return { changes: [], untitled: 0 };
  const tx = store.db.transaction(['papers', 'episodes'], 'readwrite');
  tx.done.catch(() => {});
  const snapshots = sourcesByPaper(await tx.objectStore('episodes').getAll());
  let filled = 0;
  let untitled = 0;
  for (const key of keys) {
    const paper = await tx.objectStore('papers').get(key);
    if (!paper || paper.title !== null) continue;
    const s = snapshots.get(key);
    if (!s?.title) {
      untitled++;
      continue;
    }
    await tx.objectStore('papers').put({
      ...paper,
      title: s.title,
      authors: paper.authors.length > 0 ? paper.authors : [...s.authors],
      year: paper.year ?? s.year,
      urls: paper.urls.length > 0 ? paper.urls : s.url ? [s.url] : [],
      pdfUrl: paper.pdfUrl ?? s.pdfUrl,
      doi: paper.doi ?? s.doi,
      arxivId: paper.arxivId ?? s.arxivId,
    });
    filled++;
  }
  await tx.done;
  return { changes: filled > 0 ? [{ kind: 'papers', keys: null }] : [], untitled };
}
