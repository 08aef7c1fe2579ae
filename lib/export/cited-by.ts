/**
 * What an export needs from the store: the papers, and for each the episodes that cite it
 * (from the citations, titled from the episode records), read in one transaction.
 */
import type { Store } from '@/lib/store/db';
import type { EpisodeRecord, PaperRecord } from '@/lib/store/schema';

/** An episode that cites a paper, as an export names it. */
export interface CitingEpisode {
  key: string;
  title: string | null;
  /** `YYYY-MM-DD`. */
  published: string | null;
}

/** A paper with the episodes that cite it, oldest episode first. */
export interface PaperWithCitations {
  paper: PaperRecord;
  citedBy: CitingEpisode[];
}

/** Which papers to export. */
export interface PaperSelection {
  /** These papers (in this order; unknown keys are left out). By default every saved paper. */
  keys?: readonly string[];
}

/** Episodes by date (undated last), then title, then key. */
function byDate(a: CitingEpisode, b: CitingEpisode): number {
  const da = a.published ?? '\uffff';
  const db = b.published ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  const ta = a.title ?? '';
  const tb = b.title ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The selected papers (every saved one, newest first, by default) with the episodes citing
 * each, read in one transaction so the picture is consistent.
 */
export async function papersWithCitations(
  store: Store,
  selection: PaperSelection = {},
): Promise<PaperWithCitations[]> {
  const tx = store.db.transaction(['papers', 'citations', 'episodes'], 'readonly');
  const papersStore = tx.objectStore('papers');
  const papers: PaperRecord[] = selection.keys
    ? (await Promise.all(selection.keys.map((key) => papersStore.get(key)))).filter(
        (p): p is PaperRecord => p !== undefined,
      )
    : (await papersStore.index('bySavedAt').getAll()).reverse();
  const citationIndex = tx.objectStore('citations').index('byPaperKey');
  const citations = await Promise.all(papers.map((p) => citationIndex.getAll(p.key)));
  const episodeKeys = [...new Set(citations.flat().map((c) => c.episodeKey))];
  const episodesStore = tx.objectStore('episodes');
  const episodes = await Promise.all(episodeKeys.map((key) => episodesStore.get(key)));
  await tx.done;
  const byKey = new Map<string, EpisodeRecord>();
  episodes.forEach((e) => {
    if (e) byKey.set(e.key, e);
  });
  return papers.map((paper, i) => {
    const keys = [...new Set(citations[i]!.map((c) => c.episodeKey))];
    const citedBy = keys
      .map((key): CitingEpisode => {
        const episode = byKey.get(key);
        return { key, title: episode?.title ?? null, published: episode?.published ?? null };
      })
      .sort(byDate);
    return { paper, citedBy };
  });
}
