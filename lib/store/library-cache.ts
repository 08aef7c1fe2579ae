/**
 * The background's in-memory picture of the library for the popup and library pages: the saved
 * papers, every episode, the citations between them, the listens, and the paper search index.
 *
 * Why a copy in memory: a page of the papers list is sorted and filtered over all 10,000 papers
 * with their cited-in counts, and searched as the user types; reading the store for each
 * keystroke would be far too slow. The copy is built lazily on the first query, from one read
 * transaction, and kept up to date from the {@link StoreChange}s the service computes for every
 * write: {@link LibraryCache.noteChanges} only records the changed keys (synchronously, cheap);
 * the next query re-reads exactly those records before answering. A change without keys
 * (backup import, delete everything) rebuilds it all.
 *
 * The MV3 service worker may be stopped at any time, which drops the copy; the next query
 * rebuilds it from the store, so it never holds anything the store does not. The search index is
 * built from the copy only when a query first has text (the popup's first page needs none).
 */
import type { StoreChange } from '@/lib/core/result';
import { PaperSearch, type PaperDocument } from '@/lib/search/index';
import type { Store } from '@/lib/store/db';
import { episodeTitleKey } from '@/lib/core/keys';
import type { CitationRecord, EpisodeRecord, ListenRecord, PaperRecord } from '@/lib/store/schema';

/** The library as the queries read it. Treat as read-only outside this module. */
export interface LibraryState {
  /** Saved papers by key (unsaved records are left out). */
  papers: Map<string, PaperRecord>;
  /** Every episode by key. */
  episodes: Map<string, EpisodeRecord>;
  /** Every listen by episode key. */
  listens: Map<string, ListenRecord>;
  /** Paper key → keys of the episodes citing it (from the citations store). */
  citedBy: Map<string, Set<string>>;
  /** Episode key → keys of the papers it cites. */
  cites: Map<string, Set<string>>;
  /** Bumped on every change, so derived values (facets) can be cached per version. */
  version: number;
  /** The search index over the saved papers, built on first use. */
  search(): PaperSearch;
}

/** Keys waiting to be re-read, per kind; `all` asks for a rebuild. */
interface Pending {
  all: boolean;
  papers: Set<string>;
  episodes: Set<string>;
  listens: Set<string>;
}

function emptyPending(): Pending {
  return { all: false, papers: new Set(), episodes: new Set(), listens: new Set() };
}

/** The search document of a saved paper, with the titles of the episodes citing it. */
export function paperDocument(
  paper: PaperRecord,
  episodeTitles: readonly (string | null)[],
): PaperDocument {
  return {
    key: paper.key,
    title: paper.title ?? '',
    authors: paper.authors.join(' '),
    tags: paper.tags.join(' '),
    note: paper.note,
    episodes: episodeTitles.filter((t): t is string => !!t).join('\n'),
  };
}

/** The mutable state behind {@link LibraryState}. */
class State implements LibraryState {
  papers = new Map<string, PaperRecord>();
  episodes = new Map<string, EpisodeRecord>();
  listens = new Map<string, ListenRecord>();
  citedBy = new Map<string, Set<string>>();
  cites = new Map<string, Set<string>>();
  version = 0;
  private index: PaperSearch | null = null;

  constructor(readonly store: Store) {}

  search(): PaperSearch {
    this.index ??= new PaperSearch(
      [...this.papers.values()].map((p) => paperDocument(p, this.episodeTitles(p.key))),
    );
    return this.index;
  }

  /** Whether the search index has been built. */
  get indexed(): boolean {
    return this.index !== null;
  }

  /** Titles of the episodes citing paper `key`. */
  episodeTitles(key: string): (string | null)[] {
    const keys = this.citedBy.get(key);
    if (!keys) return [];
    return [...keys].map((k) => this.episodes.get(k)?.title ?? null);
  }

  /** Brings paper `key` up to date in the search index (when it is built). */
  reindex(key: string): void {
    if (!this.index) return;
    const paper = this.papers.get(key);
    if (paper) this.index.set(paperDocument(paper, this.episodeTitles(key)));
    else this.index.remove(key);
  }

  setPaper(key: string, paper: PaperRecord | undefined): void {
    if (paper && paper.savedAt !== null) this.papers.set(key, paper);
    else this.papers.delete(key);
    this.reindex(key);
  }

  /** Replaces episode `key` and the papers it cites (from its citations). */
  setEpisode(
    key: string,
    episode: EpisodeRecord | undefined,
    citations: readonly CitationRecord[],
  ): void {
    const oldTitle = this.episodes.get(key)?.title ?? null;
    if (episode) this.episodes.set(key, episode);
    else this.episodes.delete(key);
    const before = this.cites.get(key) ?? new Set<string>();
    const after = new Set(citations.map((c) => c.paperKey));
    for (const paperKey of before) {
      if (after.has(paperKey)) continue;
      const citing = this.citedBy.get(paperKey);
      citing?.delete(key);
      if (citing?.size === 0) this.citedBy.delete(paperKey);
    }
    for (const paperKey of after) {
      let citing = this.citedBy.get(paperKey);
      if (!citing) this.citedBy.set(paperKey, (citing = new Set()));
      citing.add(key);
    }
    if (after.size > 0) this.cites.set(key, after);
    else this.cites.delete(key);
    const titleChanged = (episode?.title ?? null) !== oldTitle;
    // Papers whose list of citing episode titles changed.
    const touched = titleChanged
      ? new Set([...before, ...after])
      : new Set([
          ...[...before].filter((k) => !after.has(k)),
          ...[...after].filter((k) => !before.has(k)),
        ]);
    for (const paperKey of touched) if (this.papers.has(paperKey)) this.reindex(paperKey);
  }

  setListen(key: string, listen: ListenRecord | undefined): void {
    if (listen) this.listens.set(key, listen);
    else this.listens.delete(key);
  }
}

/** Reads the whole library in one transaction. */
async function buildState(store: Store): Promise<State> {
  const tx = store.db.transaction(['papers', 'episodes', 'citations', 'listens'], 'readonly');
  // Only saved papers are shown: read them from the saved-date index.
  const [papers, episodes, citations, listens] = await Promise.all([
    tx.objectStore('papers').index('bySavedAt').getAll(),
    tx.objectStore('episodes').getAll(),
    tx.objectStore('citations').getAll(),
    tx.objectStore('listens').getAll(),
  ]);
  await tx.done;
  const state = new State(store);
  for (const paper of papers) state.papers.set(paper.key, paper);
  for (const episode of episodes) state.episodes.set(episode.key, episode);
  for (const listen of listens) state.listens.set(listen.episodeKey, listen);
  for (const c of citations) {
    let citing = state.citedBy.get(c.paperKey);
    if (!citing) state.citedBy.set(c.paperKey, (citing = new Set()));
    citing.add(c.episodeKey);
    let cited = state.cites.get(c.episodeKey);
    if (!cited) state.cites.set(c.episodeKey, (cited = new Set()));
    cited.add(c.paperKey);
  }
  return state;
}

/**
 * Re-reads the records named in `pending` and applies them to `state`. Answers the keys of
 * title-keyed episodes (`show:…`) still in the copy that an applied stem-keyed episode of the
 * same title may have absorbed (recording merges them in the store): the caller re-reads those
 * too, so the copy never keeps a merged-away episode even when a write named only the stem.
 */
async function applyPending(state: State, pending: Pending): Promise<string[]> {
  const { store } = state;
  const tx = store.db.transaction(['papers', 'episodes', 'citations', 'listens'], 'readonly');
  const paperKeys = [...pending.papers];
  const episodeKeys = [...pending.episodes];
  const listenKeys = [...pending.listens];
  const papersStore = tx.objectStore('papers');
  const episodesStore = tx.objectStore('episodes');
  const byEpisode = tx.objectStore('citations').index('byEpisodeKey');
  const listensStore = tx.objectStore('listens');
  const [papers, episodes, citations, listens] = await Promise.all([
    Promise.all(paperKeys.map((k) => papersStore.get(k))),
    Promise.all(episodeKeys.map((k) => episodesStore.get(k))),
    Promise.all(episodeKeys.map((k) => byEpisode.getAll(k))),
    Promise.all(listenKeys.map((k) => listensStore.get(k))),
  ]);
  await tx.done;
  // Episodes first: a paper's search document names the titles of the episodes citing it.
  episodeKeys.forEach((k, i) => state.setEpisode(k, episodes[i], citations[i]!));
  paperKeys.forEach((k, i) => state.setPaper(k, papers[i]));
  listenKeys.forEach((k, i) => state.setListen(k, listens[i]));
  state.version++;
  const absorbed: string[] = [];
  episodes.forEach((episode) => {
    if (!episode?.stem) return;
    const titleKey = episodeTitleKey(episode.title);
    if (titleKey && titleKey !== episode.key && state.episodes.has(titleKey))
      absorbed.push(titleKey);
  });
  return absorbed.filter((k) => !pending.episodes.has(k));
}

/** How long after the copy is built its search index is built, when prewarming (ms). */
const WARM_DELAY_MS = 100;

/** Options of a {@link LibraryCache}. */
export interface LibraryCacheOptions {
  /**
   * Build the search index shortly after the copy (default true), so the first keystroke in
   * the search field does not wait for it.
   */
  prewarm?: boolean;
}

/** The background's copy of the library (see the module comment). */
export class LibraryCache {
  private state: State | null = null;
  private pending: Pending = emptyPending();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly prewarm: boolean;
  private builds = 0;

  constructor(options: LibraryCacheOptions = {}) {
    this.prewarm = options.prewarm ?? true;
  }

  /** Records what a write changed; the next {@link read} re-reads it. Synchronous. */
  noteChanges(changes: readonly StoreChange[]): void {
    for (const change of changes) {
      if (change.keys === null) this.pending.all = true;
      else for (const key of change.keys) this.pending[change.kind].add(key);
    }
  }

  /** Drops the copy; the next {@link read} rebuilds it. */
  clear(): void {
    this.state = null;
    this.pending = emptyPending();
  }

  /**
   * The library, up to date with every write noted so far. Reads are serialised, so two
   * queries never apply the same changes at once.
   */
  read(store: Store): Promise<LibraryState> {
    const next = this.queue.then(() => this.refresh(store));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Whether the copy is built, whether its search index is, and how many times the copy was
   * built from scratch so far (for tests and benchmarks).
   */
  status(): { built: boolean; indexed: boolean; builds: number } {
    return {
      built: this.state !== null,
      indexed: this.state?.indexed ?? false,
      builds: this.builds,
    };
  }

  /**
   * Whether the next {@link read} answers from memory: the copy is built and no write since
   * asked for a rebuild (a backup import, delete everything). Then the popup's first screen
   * reads it; otherwise it reads the store (first-screen.ts).
   */
  ready(): boolean {
    return this.state !== null && !this.pending.all;
  }

  private async refresh(store: Store): Promise<LibraryState> {
    try {
      return await this.bringUpToDate(store);
    } catch (error) {
      // A failed read may have taken pending keys with it: start again from the store next time.
      this.clear();
      throw error;
    }
  }

  private async bringUpToDate(store: Store): Promise<LibraryState> {
    // Changes noted while a read runs stay pending for the next one: each read takes the
    // pending keys *before* it reads, so a write committed after that point is read again.
    for (;;) {
      let state = this.state;
      if (!state || state.store !== store || this.pending.all) {
        this.pending = emptyPending();
        this.state = null;
        state = await buildState(store);
        this.builds++;
        this.state = state;
        if (this.prewarm) this.warmLater(state);
      }
      const { papers, episodes, listens, all } = this.pending;
      if (all) continue;
      if (papers.size === 0 && episodes.size === 0 && listens.size === 0) return state;
      const pending = this.pending;
      this.pending = emptyPending();
      const absorbed = await applyPending(state, pending);
      for (const key of absorbed) {
        this.pending.episodes.add(key);
        this.pending.listens.add(key);
      }
    }
  }

  /**
   * Builds the search index of `state` soon, unless the copy was replaced by then. Not at once:
   * the page that asked usually sends a few more requests right away, which should not wait
   * behind the index; a person starts typing later than that.
   */
  private warmLater(state: State): void {
    setTimeout(() => {
      if (this.state === state) state.search();
    }, WARM_DELAY_MS);
  }
}
