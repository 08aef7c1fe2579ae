/**
 * The background's side of arXiv lookups: the handlers the background calls for the arXiv
 * requests (resolveTitles, linkArxiv, unlinkArxiv, arxivMetadata, arxivAccess, openArxivGrant). Order of checks for every network request:
 * the cache first (local), then the setting and the optional host permission
 * (`permissions.contains`; without both: `no-permission`, and nothing is sent), then the
 * {@link Limiter} queue. Only folded titles or an arXiv id ever leave the machine.
 */
import { browser } from 'wxt/browser';
import { problem } from '@/lib/i18n/errors';
import { parseArxivId } from '@/lib/core/ids';
import type { Outcome, StoreChange } from '@/lib/core/result';
import { readSettings } from '@/lib/settings';
import { mergeTitleIntoArxiv } from '@/lib/store/arxiv-link';
import type { Store } from '@/lib/store/db';
import type { ArxivTitleRecord } from '@/lib/store/schema';
import { parseAtom } from '@/lib/arxiv/atom';
import type { ArxivEntry } from '@/lib/store/schema';
import {
  pruneExpired,
  readPaper,
  readTitles,
  writeCorrection,
  writePapers,
  writeTitles,
  type TitleOutcome,
} from '@/lib/arxiv/cache';
import { titleCacheKey } from '@/lib/core/keys';
import { createLimiter, type FetchFailure, type Limiter } from '@/lib/arxiv/limiter';
import { bestMatch } from '@/lib/arxiv/match';
import { batches, idLookupUrl, titleSearchUrl, ARXIV_ORIGIN } from '@/lib/arxiv/query';
import {
  candidateOf,
  type ArxivAccess,
  type ArxivErrorReason,
  type ArxivMetadata,
  type ArxivStatus,
  type ArxivTitleStatus,
} from '@/lib/arxiv/status';
import { revisionSince } from '@/lib/arxiv/versions';

/** What the handlers need from the browser (tests pass fakes). */
export interface ArxivDeps {
  limiter: Limiter;
  /** Whether lookups may go out: the setting on and the host permission granted. */
  access: () => Promise<ArxivAccess>;
}

/** The optional host permission and the setting, as they stand now. Never rejects. */
export async function currentAccess(): Promise<ArxivAccess> {
  const permission = await browser.permissions
    .contains({ origins: [ARXIV_ORIGIN] })
    .catch(() => false);
  const settings = await readSettings();
  return { permission, setting: settings.arxivLookup };
}

let defaultDeps: ArxivDeps | null = null;

/** The background's one queue and the browser's access checks. */
export function arxivDeps(): ArxivDeps {
  defaultDeps ??= { limiter: createLimiter(), access: currentAccess };
  return defaultDeps;
}

function ok<T>(value: T, changes?: StoreChange[]): Outcome<T> {
  return changes?.length
    ? { result: { ok: true, value }, changes }
    : { result: { ok: true, value } };
}

/** The page's status of a cached title record. */
export function statusOf(record: ArxivTitleRecord): ArxivStatus {
  if (record.outcome === 'none' || !record.entry) return { state: 'none', manual: record.manual };
  const candidate = candidateOf(record.entry);
  if (record.outcome === 'resolved') {
    return { state: 'resolved', candidate, confidence: record.confidence, manual: record.manual };
  }
  return { state: 'weak', candidate, confidence: record.confidence };
}

function errorStatus(failure: FetchFailure | { reason: ArxivErrorReason }): ArxivStatus {
  return 'retryAt' in failure
    ? { state: 'error', reason: failure.reason, retryAt: failure.retryAt }
    : { state: 'error', reason: failure.reason };
}

/** The year of an ISO time, or `null`. */
function yearOf(time: string | null): number | null {
  const m = time ? /^(\d{4})-/.exec(time) : null;
  return m ? Number(m[1]) : null;
}

/**
 * Points the paper saved (or cited) under the title at the arXiv entry; returns the store
 * changes to broadcast.
 */
async function adopt(store: Store, key: string, entry: ArxivEntry): Promise<StoreChange[]> {
  const candidate = candidateOf(entry);
  const linked = await mergeTitleIntoArxiv(store, key, {
    arxivId: entry.arxivId,
    pdfUrl: candidate.pdfUrl,
    title: entry.title,
    authors: entry.authors,
    year: yearOf(entry.published),
  });
  const changes: StoreChange[] = [];
  if (linked.mergedTitle) changes.push({ kind: 'papers', keys: [key, `arxiv:${entry.arxivId}`] });
  if (linked.episodes.length > 0) changes.push({ kind: 'episodes', keys: linked.episodes });
  return changes;
}

/** A title-only source as the page sends it. */
export interface TitleQuery {
  title: string;
  authors: string[];
}

/**
 * The arXiv status of each source, in order. Cached answers (and the user's corrections) come
 * from the cache; with `cacheOnly`, the rest are `pending` and nothing is sent. Otherwise, when
 * the setting and the permission allow it, the rest are looked up in batches through the queue;
 * a strong match moves the title's paper under its arXiv id.
 */
export async function resolveTitles(
  store: Store,
  data: { sources: TitleQuery[]; cacheOnly: boolean },
  deps: ArxivDeps = arxivDeps(),
): Promise<Outcome<ArxivTitleStatus[]>> {
  const keys = data.sources.map((s) => titleCacheKey(s.title));
  const cached = await readTitles(
    store,
    keys.filter((k): k is string => k !== null),
  );
  const found = new Map<string, ArxivStatus>();
  for (const [key, record] of cached) found.set(key, statusOf(record));
  const missing = new Map<string, TitleQuery>();
  data.sources.forEach((s, i) => {
    const key = keys[i];
    if (key && !found.has(key) && !missing.has(key)) missing.set(key, s);
  });
  const changes: StoreChange[] = [];
  // A title resolved earlier whose paper is still under its title (the move failed, or the paper
  // was saved after the answer was cached) moves now: adopting is idempotent.
  const resolved = [...cached].filter(
    ([, record]) => record.outcome === 'resolved' && record.entry !== null,
  );
  if (resolved.length > 0) {
    const tx = store.db.transaction('papers', 'readonly');
    const present = await Promise.all(resolved.map(([key]) => tx.store.getKey(key)));
    await tx.done;
    for (const [i, [key, record]] of resolved.entries()) {
      if (present[i] !== undefined) changes.push(...(await adopt(store, key, record.entry!)));
    }
  }
  if (missing.size > 0 && data.cacheOnly) {
    for (const key of missing.keys()) found.set(key, { state: 'pending' });
  } else if (missing.size > 0) {
    const access = await deps.access();
    if (!access.permission || !access.setting) {
      for (const key of missing.keys()) found.set(key, errorStatus({ reason: 'no-permission' }));
    } else {
      for (const batch of batches([...missing.entries()])) {
        const statuses = await lookUpBatch(store, batch, deps.limiter, changes);
        for (const [key, status] of statuses) found.set(key, status);
      }
      await pruneExpired(store, 200);
    }
  }
  const value = keys.map((key) => ({
    key,
    status: key
      ? (found.get(key) ?? { state: 'pending' as const })
      : { state: 'none' as const, manual: false },
  }));
  return ok(value, changes);
}

/** Looks up one batch of titles in one request; caches and adopts what it concludes. */
async function lookUpBatch(
  store: Store,
  batch: [string, TitleQuery][],
  limiter: Limiter,
  changes: StoreChange[],
): Promise<Map<string, ArxivStatus>> {
  const out = new Map<string, ArxivStatus>();
  const url = titleSearchUrl(batch.map(([, q]) => q.title));
  if (!url) {
    for (const [key] of batch) out.set(key, { state: 'none', manual: false });
    return out;
  }
  const answer = await limiter.fetchText(url);
  if (!answer.ok) {
    for (const [key] of batch) out.set(key, errorStatus(answer));
    return out;
  }
  const parsed = parseAtom(answer.text);
  if (!parsed.ok) {
    console.warn(
      `Citecast: arXiv's answer was refused (${parsed.error.kind}): ${parsed.error.message}`,
    );
    for (const [key] of batch) out.set(key, { state: 'error', reason: 'bad-answer' });
    return out;
  }
  const outcomes: TitleOutcome[] = batch.map(([key, query]) => {
    const best = bestMatch(query, parsed.feed.entries);
    if (!best || best.level === 'none')
      return { key, outcome: 'none', confidence: best?.score ?? 0, entry: null };
    return {
      key,
      outcome: best.level === 'strong' ? 'resolved' : 'weak',
      confidence: best.score,
      entry: best.candidate,
    };
  });
  const stored = await writeTitles(store, outcomes);
  await writePapers(
    store,
    outcomes.flatMap((o) => (o.entry ? [o.entry] : [])),
  );
  for (const record of stored) {
    out.set(record.key, statusOf(record));
    if (record.outcome === 'resolved' && record.entry) {
      changes.push(...(await adopt(store, record.key, record.entry)));
    }
  }
  return out;
}

/** The entry for `arxivId`: cached, else asked of arXiv when allowed. */
async function entryFor(
  store: Store,
  arxivId: string,
  deps: ArxivDeps,
): Promise<{ ok: true; entry: ArxivEntry } | { ok: false; status: ArxivStatus }> {
  const cached = await readPaper(store, arxivId);
  if (cached) return { ok: true, entry: cached };
  const access = await deps.access();
  if (!access.permission || !access.setting) {
    return { ok: false, status: errorStatus({ reason: 'no-permission' }) };
  }
  const url = idLookupUrl(arxivId);
  if (!url) return { ok: false, status: { state: 'error', reason: 'bad-answer' } };
  const answer = await deps.limiter.fetchText(url);
  if (!answer.ok) return { ok: false, status: errorStatus(answer) };
  const parsed = parseAtom(answer.text);
  const entry = parsed.ok ? parsed.feed.entries.find((e) => e.arxivId === arxivId) : undefined;
  if (!entry) return { ok: false, status: { state: 'error', reason: 'bad-answer' } };
  await writePapers(store, [entry]);
  return { ok: true, entry };
}

/**
 * The user links a title to an arXiv paper (the offered candidate, or any id): a correction that
 * never expires; the title's paper moves under the arXiv id.
 */
export async function linkArxiv(
  store: Store,
  data: { title: string; arxivId: string },
  deps: ArxivDeps = arxivDeps(),
): Promise<Outcome<ArxivStatus>> {
  const key = titleCacheKey(data.title);
  const ref = parseArxivId(data.arxivId);
  if (!key || !ref) {
    return { result: { ok: false, error: problem('invalid', 'arxiv.cannotLink') } };
  }
  const offered = (await readTitles(store, [key])).get(key);
  let entry: ArxivEntry | null = offered?.entry?.arxivId === ref.id ? offered.entry : null;
  entry ??= await readPaper(store, ref.id);
  if (!entry) {
    const fetched = await entryFor(store, ref.id, deps);
    // Without metadata the link still holds: the id alone gives the PDF.
    entry = fetched.ok
      ? fetched.entry
      : {
          arxivId: ref.id,
          version: null,
          title: data.title,
          summary: '',
          authors: [],
          published: null,
          updated: null,
          pdfUrl: `https://arxiv.org/pdf/${ref.id}`,
          absUrl: `https://arxiv.org/abs/${ref.id}`,
          doi: null,
          journalRef: null,
          primaryCategory: null,
        };
  }
  const record = await writeCorrection(store, key, entry);
  const changes = await adopt(store, key, entry);
  return ok(statusOf(record), changes);
}

/**
 * The user says a title is not the paper found (or not on arXiv at all): a correction that never
 * expires, and no lookup asks about that title again. A paper already merged stays where it is.
 */
export async function unlinkArxiv(
  store: Store,
  data: { title: string },
): Promise<Outcome<ArxivStatus>> {
  const key = titleCacheKey(data.title);
  if (!key) {
    return { result: { ok: false, error: problem('invalid', 'arxiv.noWords') } };
  }
  return ok(statusOf(await writeCorrection(store, key, null)));
}

/**
 * An arXiv paper's metadata (title, authors, abstract, latest version and its dates) and whether
 * it was revised since the episode (`episodeDate`, citing `citedVersion`). From the cache, else
 * from arXiv when allowed; a failure is answered as the status it would show.
 */
export async function arxivMetadata(
  store: Store,
  data: { arxivId: string; episodeDate: string | null; citedVersion: number | null },
  deps: ArxivDeps = arxivDeps(),
): Promise<Outcome<{ ok: true; metadata: ArxivMetadata } | { ok: false; status: ArxivStatus }>> {
  const ref = parseArxivId(data.arxivId);
  if (!ref) {
    return { result: { ok: false, error: problem('invalid', 'arxiv.notAnId') } };
  }
  const found = await entryFor(store, ref.id, deps);
  if (!found.ok) return ok({ ok: false, status: found.status });
  const revision = revisionSince(found.entry, data.episodeDate, data.citedVersion ?? ref.version);
  return ok({ ok: true, metadata: { entry: found.entry, revision } });
}

/** Whether lookups may run now. */
export async function arxivAccess(deps: ArxivDeps = arxivDeps()): Promise<Outcome<ArxivAccess>> {
  return ok(await deps.access());
}

/** The extension page that asks for the optional permission. */
export const GRANT_PAGE = '/arxiv-grant.html';

/**
 * Opens the small window that asks for the permission. The request itself needs a click in an
 * extension page (content scripts cannot call `permissions.request`), in Chromium and Firefox.
 */
export async function openArxivGrant(): Promise<Outcome<{ opened: true }>> {
  const url = browser.runtime.getURL(GRANT_PAGE);
  try {
    await browser.windows.create({ url, type: 'popup', width: 520, height: 560 });
  } catch {
    // No windows API (Firefox for Android): a tab does the same.
    await browser.tabs.create({ url });
  }
  return ok({ opened: true as const });
}
