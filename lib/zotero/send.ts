/**
 * "Send to Zotero", in the background: papers (saved ones by key, a page's unsaved sources as
 * the page shows them) become Zotero items in the collection selected in Zotero, each with the
 * episodes that cite it. Citecast remembers what it sent and when, so that sending a paper again
 * asks first; where the user turned on Zotero's local API and the "In Zotero" marks, it also asks
 * when Zotero already holds the paper.
 *
 * Nothing is sent before the user granted the optional permission for Zotero's port; the PDF
 * file is fetched from arXiv and uploaded only when the user turned on "PDFs into Zotero"
 * (`zoteroPdfs`) and allowed arxiv.org, which paper pages may hold for their own reasons.
 */
import { browser } from 'wxt/browser';
import { papersWithCitations, type PaperWithCitations } from '@/lib/export/cited-by';
import { fail, type ErrorKey } from '@/lib/i18n/errors';
import { localeFor } from '@/lib/i18n/translate';
import { success, type Result } from '@/lib/core/result';
import { readSettings } from '@/lib/settings';
import type { Store } from '@/lib/store/db';
import { normaliseDoi, normaliseTitle, paperKey } from '@/lib/core/keys';
import type { SavableSource } from '@/lib/core/paper';
import { sourceAsPaper } from '@/lib/store/papers';
import {
  localItems,
  saveAttachment,
  saveItems,
  selectedCollection,
  ZOTERO_PERMISSION,
  type Fetch,
  type LocalApiItem,
  type ZoteroProblem,
} from '@/lib/zotero/client';
import { zoteroItem } from '@/lib/zotero/item';

/** Where Citecast remembers what it sent to Zotero: paper key → when (epoch ms). */
export const ZOTERO_SENT_KEY = 'citecast.zoteroSent';

/** The host permission that lets Citecast fetch arXiv's PDFs to upload them into Zotero. */
export const ARXIV_PDF_PERMISSION = 'https://arxiv.org/*';

/** The largest PDF Citecast uploads (arXiv caps submissions far below this). */
const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** How long a reading of the local API stands for "is it in Zotero?" before it is read again. */
const LOCAL_ITEMS_TTL_MS = 60_000;

/** What to send: saved papers by key, and sources of a page that may not be saved. */
export interface SendRequest {
  keys: readonly string[];
  sources: readonly SavableSource[];
  /** The user confirmed sending papers that were sent before or are in Zotero already. */
  resend: boolean;
}

/** A paper that was sent before, or that Zotero already holds: the user confirms first. */
export interface AlreadySent {
  key: string;
  title: string | null;
  /** When Citecast sent it (epoch ms), or `null` when only Zotero's library has it. */
  sentAt: number | null;
  inZotero: boolean;
}

/** What a send did, or what it needs first. */
export type SendReply =
  | { status: 'sent'; count: number; collection: string; pdfs: number }
  | { status: 'confirm'; already: AlreadySent[] }
  /** The optional permission is missing: an extension page must ask the user for it. */
  | { status: 'permission' };

/** Whether the whole "In Zotero" matching can run, and which keys Zotero holds. */
export type MarksReply =
  | { status: 'off' }
  /** The user opted in, but Zotero's local API is off (Zotero's settings turn it on). */
  | { status: 'local-api-off' }
  | { status: 'on'; inZotero: string[] };

/** What the background needs from the browser and the network (tests give their own). */
export interface ZoteroEnvironment {
  fetch: Fetch;
  hasPermission(origin: string): Promise<boolean>;
  readSent(): Promise<Record<string, number>>;
  writeSent(sent: Record<string, number>): Promise<void>;
}

/** The browser's own: `fetch`, `permissions` and `storage.local`. */
export const BROWSER_ENVIRONMENT: ZoteroEnvironment = {
  fetch: (...args) => fetch(...args),
  async hasPermission(origin) {
    return browser.permissions.contains({ origins: [origin] }).catch(() => false);
  },
  async readSent() {
    const stored = (await browser.storage.local.get(ZOTERO_SENT_KEY))[ZOTERO_SENT_KEY];
    return typeof stored === 'object' && stored !== null ? (stored as Record<string, number>) : {};
  },
  async writeSent(sent) {
    await browser.storage.local.set({ [ZOTERO_SENT_KEY]: sent });
  },
};

/** The error of a Zotero problem, in the user's language on the page that shows it. */
function problemResult<T>(problem: ZoteroProblem): Result<T> {
  const keys: Record<ZoteroProblem['kind'], ErrorKey> = {
    'not-running': 'zotero.notRunning',
    busy: 'zotero.busy',
    refused: 'zotero.refused',
  };
  const detail = problem.kind === 'not-running' ? '' : problem.detail;
  return fail(problem.kind === 'refused' ? 'invalid' : 'unavailable', keys[problem.kind], {
    detail,
  });
}

/** The papers to send, from the store where it knows them, else as the page shows them. */
async function papersToSend(store: Store, request: SendRequest): Promise<PaperWithCitations[]> {
  const fromSources = new Map<string, SavableSource>();
  for (const source of request.sources) {
    const key = paperKey(source);
    if (key && !fromSources.has(key)) fromSources.set(key, source);
  }
  const keys = [...new Set([...request.keys, ...fromSources.keys()])];
  const known = await papersWithCitations(store, { keys });
  const byKey = new Map(known.map((entry) => [entry.paper.key, entry]));
  const entries: PaperWithCitations[] = [];
  for (const key of keys) {
    const entry = byKey.get(key);
    if (entry) {
      entries.push(entry);
      continue;
    }
    const source = fromSources.get(key);
    const paper = source ? sourceAsPaper(source, store.now()) : null;
    if (paper) entries.push({ paper, citedBy: [] });
  }
  return entries;
}

let localCache: { at: number; keys: Set<string> } | null = null;

/** Forgets the local API's last reading (tests; and after a send, which changed Zotero). */
export function forgetZoteroItems(): void {
  localCache = null;
}

/** Every key a Zotero item could have in Citecast: by arXiv id, DOI and title. */
function keysOfItem(item: LocalApiItem): string[] {
  const { data } = item;
  const arxiv =
    /arxiv[:\s]*([0-9]{4}\.[0-9]{4,5}|[a-z-]+(?:\.[a-z]{2})?\/[0-9]{7})/i.exec(
      [data.archiveID, data.extra, data.url].filter(Boolean).join(' '),
    )?.[1] ??
    /arxiv\.org\/(?:abs|pdf)\/([^\s?#]+?)(?:v\d+)?(?:\.pdf)?(?:[?#\s]|$)/i.exec(
      data.url ?? '',
    )?.[1];
  const keys: string[] = [];
  const fromArxiv = arxiv ? paperKey({ arxivId: arxiv }) : null;
  if (fromArxiv) keys.push(fromArxiv);
  const doi = data.DOI ? normaliseDoi(data.DOI) : null;
  if (doi) keys.push(`doi:${doi}`);
  const title = data.title ? normaliseTitle(data.title) : '';
  if (title) keys.push(`title:${title}`);
  return keys;
}

/**
 * The keys of every paper Zotero's library holds, read from the local API at most once a
 * minute; `null` when the local API is off.
 */
async function zoteroKeys(
  env: ZoteroEnvironment,
  now: number,
): Promise<Set<string> | null | ZoteroProblem> {
  if (localCache && now - localCache.at < LOCAL_ITEMS_TTL_MS) return localCache.keys;
  const answer = await localItems(env.fetch);
  if (!answer.ok) return answer.problem;
  if (answer.value === null) return null;
  const keys = new Set(answer.value.flatMap(keysOfItem));
  localCache = { at: now, keys };
  return keys;
}

/** The keys a paper is known by (its own, and its title's, so a title cited once matches). */
function keysOfPaper(entry: PaperWithCitations): string[] {
  const title = entry.paper.title ? normaliseTitle(entry.paper.title) : '';
  return title ? [entry.paper.key, `title:${title}`] : [entry.paper.key];
}

/** A PDF's bytes from arXiv, or `null` when it cannot be had (never throws). */
async function fetchPdf(env: ZoteroEnvironment, url: string): Promise<ArrayBuffer | null> {
  try {
    const response = await env.fetch(url, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) return null;
    const length = Number(response.headers.get('Content-Length') ?? 0);
    if (length > MAX_PDF_BYTES) return null;
    const bytes = await response.arrayBuffer();
    return bytes.byteLength > MAX_PDF_BYTES ? null : bytes;
  } catch {
    return null;
  }
}

/** Whether `url` is an arXiv PDF, the one kind of file Citecast fetches for Zotero. */
function isArxivPdf(url: string | null): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      parsed.hostname === 'arxiv.org' &&
      parsed.pathname.startsWith('/pdf/')
    );
  } catch {
    return false;
  }
}

/** Sends papers to Zotero; see the module comment. Never throws. */
export async function sendToZotero(
  store: Store,
  request: SendRequest,
  env: ZoteroEnvironment = BROWSER_ENVIRONMENT,
): Promise<Result<SendReply>> {
  if (!(await env.hasPermission(ZOTERO_PERMISSION))) return success({ status: 'permission' });
  const entries = await papersToSend(store, request);
  if (entries.length === 0) return fail('invalid', 'zotero.nothingToSend');
  const [sent, settings] = await Promise.all([env.readSent(), readSettings()]);
  if (!request.resend) {
    let inZotero: Set<string> | null = null;
    // The permission was checked above: the user's opt-in decides.
    if (settings.zoteroMarks) {
      const keys = await zoteroKeys(env, store.now());
      if (keys instanceof Set) inZotero = keys;
    }
    const already = entries
      .map((entry): AlreadySent | null => {
        const held = inZotero !== null && keysOfPaper(entry).some((k) => inZotero!.has(k));
        const sentAt = sent[entry.paper.key] ?? null;
        if (sentAt === null && !held) return null;
        return { key: entry.paper.key, title: entry.paper.title, sentAt, inZotero: held };
      })
      .filter((a): a is AlreadySent => a !== null);
    if (already.length > 0) return success({ status: 'confirm', already });
  }
  const collection = await selectedCollection(env.fetch);
  if (!collection.ok) return problemResult(collection.problem);
  const uploadPdfs =
    collection.value.filesEditable &&
    settings.zoteroPdfs &&
    (await env.hasPermission(ARXIV_PDF_PERMISSION));
  const { language } = settings;
  const locale = language === 'auto' ? localeFor(globalThis.navigator?.language) : language;
  const sessionID = crypto.randomUUID();
  const items = entries.map((entry, i) =>
    zoteroItem(entry, `citecast-${i}`, locale, !(uploadPdfs && isArxivPdf(entry.paper.pdfUrl))),
  );
  const saved = await saveItems(sessionID, items, env.fetch);
  if (!saved.ok) return problemResult(saved.problem);
  const now = store.now();
  for (const entry of entries) sent[entry.paper.key] = now;
  await env.writeSent(sent);
  forgetZoteroItems();
  let pdfs = 0;
  if (uploadPdfs) {
    for (const [i, entry] of entries.entries()) {
      const url = entry.paper.pdfUrl;
      if (!isArxivPdf(url)) continue;
      const bytes = await fetchPdf(env, url);
      if (!bytes) continue;
      const attached = await saveAttachment(
        { sessionID, parentItemID: items[i]!.id, url, title: 'Full Text PDF' },
        bytes,
        env.fetch,
      );
      if (attached.ok) pdfs += 1;
    }
  }
  return success({
    status: 'sent',
    count: entries.length,
    collection: collection.value.name,
    pdfs,
  });
}

/**
 * Which of `keys` Zotero's library holds, for the "In Zotero" marks: only when the user opted in
 * and Zotero's local API is on. One reading of the local API serves many pages' batches.
 */
export async function zoteroMarks(
  store: Store,
  keys: readonly string[],
  env: ZoteroEnvironment = BROWSER_ENVIRONMENT,
): Promise<Result<MarksReply>> {
  const { zoteroMarks: optedIn } = await readSettings();
  if (!optedIn || !(await env.hasPermission(ZOTERO_PERMISSION))) return success({ status: 'off' });
  const held = await zoteroKeys(env, store.now());
  if (held === null) return success({ status: 'local-api-off' });
  if (!(held instanceof Set)) return problemResult(held);
  return success({ status: 'on', inZotero: [...new Set(keys)].filter((k) => held.has(k)) });
}
