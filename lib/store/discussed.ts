/**
 * From a paper back to the episodes: which episodes of the show cite the paper a page is about.
 * Citations keep the identifiers a paper's own pages carry (`ids`, index `byUrl`): the arXiv id,
 * the DOI and the OpenReview forum id, read from the cited link and the paper key. Only those
 * ids are indexed, not every address, which keeps the index small.
 */
import { normaliseTitle } from '@/lib/core/keys';
import type { SavableSource } from '@/lib/core/paper';
import type { Store } from '@/lib/store/db';
import { episodeUrl } from '@/lib/store/catalog';
import { episodePaperKeys } from '@/lib/store/library/views';
import type { CitationRecord, EpisodeRecord, ListenRecord } from '@/lib/store/schema';

/** What a paper page asks: the ids its address gives, and the title it shows. */
export interface DiscussedQuery {
  /** `arxiv:ID`, `doi:…`, `openreview:ID`. */
  ids: string[];
  /** The paper's title as the page shows it, for sources cited by title only. */
  title: string | null;
}

/** One episode citing the paper. */
export interface DiscussedEpisode {
  key: string;
  title: string | null;
  /** `YYYY-MM-DD`. */
  published: string | null;
  /** The episode's page (its own page when known), at the listener's moment while in progress. */
  url: string | null;
  state: ListenRecord['state'];
  /** Seconds; the moment while in progress. */
  position: number;
  /** When it became heard (epoch ms), while heard. */
  heardAt: number | null;
  /** The other papers the episode cites. */
  otherPapers: number;
}

/** The episodes citing a paper, oldest first, with the paper as they cite it. */
export interface Discussed {
  /** The paper's key in the library, `null` when nothing cites it. */
  paperKey: string | null;
  /** The source as the first citing episode gives it, what saving it stores. */
  source: SavableSource | null;
  saved: boolean;
  episodes: DiscussedEpisode[];
}

/**
 * The episodes citing the paper with any of `query.ids`, or cited by the title `query.title`,
 * oldest first (undated last); each once, at its first citation.
 */
export async function discussedIn(store: Store, query: DiscussedQuery): Promise<Discussed> {
  const tx = store.db.transaction(['citations', 'episodes', 'listens', 'papers'], 'readonly');
  const citations = tx.objectStore('citations');
  const titleKey = query.title ? normaliseTitle(query.title) : '';
  const found = await Promise.all([
    ...query.ids.map((id) => citations.index('byUrl').getAll(id)),
    titleKey ? citations.index('byPaperKey').getAll(`title:${titleKey}`) : Promise.resolve([]),
  ]);
  const first = new Map<string, CitationRecord>();
  for (const c of found.flat()) {
    const known = first.get(c.episodeKey);
    if (!known || c.position < known.position) first.set(c.episodeKey, c);
  }
  const cited = [...first.values()];
  const episodesStore = tx.objectStore('episodes');
  const listensStore = tx.objectStore('listens');
  const [episodes, listens] = await Promise.all([
    Promise.all(cited.map((c) => episodesStore.get(c.episodeKey))),
    Promise.all(cited.map((c) => listensStore.get(c.episodeKey))),
  ]);
  const rows = cited.map((c, i) => ({ citation: c, episode: episodes[i], listen: listens[i] }));
  rows.sort(
    (a, b) =>
      oldestFirst(a.episode, b.episode) || (a.citation.episodeKey < b.citation.episodeKey ? -1 : 1),
  );
  // An arXiv key beats a title key: it is the paper as the library would save it now.
  const main =
    rows.find((r) => r.citation.paperKey.startsWith('arxiv:')) ?? rows.find((r) => r.episode);
  const paperKey = main?.citation.paperKey ?? null;
  const paper = paperKey ? await tx.objectStore('papers').get(paperKey) : undefined;
  await tx.done;
  const snapshot = main?.episode?.sources[main.citation.position];
  return {
    paperKey,
    source: snapshot
      ? {
          title: snapshot.title,
          authors: snapshot.authors,
          year: snapshot.year,
          url: snapshot.url,
          arxivId: snapshot.arxivId,
          doi: snapshot.doi,
          pdfUrl: snapshot.pdfUrl,
        }
      : null,
    saved: !!paper && paper.savedAt !== null,
    episodes: rows.map(({ citation, episode, listen }) =>
      discussedEpisode(citation, episode, listen),
    ),
  };
}

/** One row of the answer. */
function discussedEpisode(
  citation: CitationRecord,
  episode: EpisodeRecord | undefined,
  listen: ListenRecord | undefined,
): DiscussedEpisode {
  const state = listen?.state ?? 'unheard';
  const position = Math.floor(listen?.position ?? 0);
  const page = episode ? episodeUrl(episode) : null;
  // The moment link only where the page has the episode's player (not the bare mp3).
  const atMoment =
    page && state === 'in_progress' && position > 0 && !/\.mp3(?:[?#]|$)/i.test(page)
      ? `${page.replace(/#.*$/, '')}#t=${position}`
      : page;
  return {
    key: citation.episodeKey,
    title: episode?.title ?? null,
    published: episode?.published ?? null,
    url: atMoment,
    state,
    position,
    heardAt: state === 'heard' ? (listen?.heardAt ?? null) : null,
    otherPapers: episode
      ? episodePaperKeys(episode).filter((k) => k !== citation.paperKey).length
      : 0,
  };
}

/** By published date, oldest first, undated last; then first seen first. */
function oldestFirst(a: EpisodeRecord | undefined, b: EpisodeRecord | undefined): number {
  const pa = a?.published ?? null;
  const pb = b?.published ?? null;
  if (pa !== pb) {
    if (pa === null) return 1;
    if (pb === null) return -1;
    return pa < pb ? -1 : 1;
  }
  return (a?.firstSeenAt ?? 0) - (b?.firstSeenAt ?? 0);
}
