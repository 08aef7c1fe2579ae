/**
 * The library's detail panes, read from the store in one transaction each: a paper with the
 * episodes citing it, and an episode with each of its sources and whether it is saved and read.
 */
import type { EpisodeDetail, PaperDetail } from '@/lib/store/library/types';
import type { Store } from '@/lib/store/db';
import { episodeSummary, episodeView, listenView } from '@/lib/store/library/views';
import type { EpisodeRecord, PaperRecord } from '@/lib/store/schema';

/**
 * Paper `key` (saved or not) with the episodes citing it, each once at its first position in
 * that episode's list, newest published first (undated last, then first seen, then key).
 * `null` when there is no such paper.
 */
export async function paperDetail(store: Store, key: string): Promise<PaperDetail | null> {
  const tx = store.db.transaction(['papers', 'citations', 'episodes', 'listens'], 'readonly');
  const paper = await tx.objectStore('papers').get(key);
  if (!paper) {
    await tx.done;
    return null;
  }
  const citations = await tx.objectStore('citations').index('byPaperKey').getAll(key);
  const firstPosition = new Map<string, number>();
  for (const c of citations) {
    const known = firstPosition.get(c.episodeKey);
    if (known === undefined || c.position < known) firstPosition.set(c.episodeKey, c.position);
  }
  const keys = [...firstPosition.keys()];
  const episodesStore = tx.objectStore('episodes');
  const listensStore = tx.objectStore('listens');
  const [episodes, listens] = await Promise.all([
    Promise.all(keys.map((k) => episodesStore.get(k))),
    Promise.all(keys.map((k) => listensStore.get(k))),
  ]);
  await tx.done;
  const rows = keys.map((k, i) => ({ key: k, record: episodes[i], listen: listens[i] }));
  rows.sort((a, b) => newestFirst(a.record, b.record) || (a.key < b.key ? -1 : 1));
  return {
    paper,
    episodes: rows.map((r) => ({
      episode: episodeSummary(r.key, r.record),
      listen: listenView(r.listen),
      position: firstPosition.get(r.key)!,
    })),
  };
}

/** Episodes by published date, newest first, undated last; then latest first seen. */
function newestFirst(a: EpisodeRecord | undefined, b: EpisodeRecord | undefined): number {
  const pa = a?.published ?? null;
  const pb = b?.published ?? null;
  if (pa !== pb) {
    if (pa === null) return 1;
    if (pb === null) return -1;
    return pa < pb ? 1 : -1;
  }
  return (b?.firstSeenAt ?? 0) - (a?.firstSeenAt ?? 0);
}

/**
 * Episode `key` as a log row, with each source of its list in order, whether its paper is
 * saved, and that saved paper's read state (`null` for a source that is not a saved paper).
 * `null` when there is no such episode.
 */
export async function episodeDetail(store: Store, key: string): Promise<EpisodeDetail | null> {
  const tx = store.db.transaction(['episodes', 'papers', 'listens'], 'readonly');
  const episode = await tx.objectStore('episodes').get(key);
  if (!episode) {
    await tx.done;
    return null;
  }
  const papersStore = tx.objectStore('papers');
  const paperKeys = [...new Set(episode.sources.map((s) => s.paperKey).filter((k) => k !== null))];
  const [papers, listen] = await Promise.all([
    Promise.all(paperKeys.map((k) => papersStore.get(k))),
    tx.objectStore('listens').get(key),
  ]);
  await tx.done;
  const saved = new Map<string, PaperRecord>();
  papers.forEach((p) => {
    if (p && p.savedAt !== null) saved.set(p.key, p);
  });
  return {
    view: episodeView(episode, listen, (k) => saved.get(k)),
    sources: episode.sources.map((source) => {
      const paper = source.paperKey ? saved.get(source.paperKey) : undefined;
      return { source, saved: paper !== undefined, readState: paper?.readState ?? null };
    }),
  };
}
