/**
 * Talking to the Zotero desktop app on this machine, as Zotero Connector does: its connector
 * endpoints (`/connector/ping`, `/connector/getSelectedCollection`, `/connector/saveItems`,
 * `/connector/saveAttachment`) and its read-only local API (`/api/users/0/items`), which the
 * user turns on in Zotero's settings.
 *
 * Zotero refuses requests from browsers unless they carry `X-Zotero-Connector-API-Version` (or
 * `Zotero-Allowed-Request`), so that a web page cannot drive it; Citecast sends the connector's
 * header with every request. Nothing here runs before the user granted the optional host
 * permission for {@link ZOTERO_ORIGIN}.
 */

/** Where the Zotero app listens (its default port, fixed by Zotero). */
export const ZOTERO_ORIGIN = 'http://127.0.0.1:23119';

/**
 * The optional host permission the first send asks for in `browser` (WXT's browser name). Firefox's
 * match patterns hold no port: one with a port is accepted and stored, yet matches no address, so
 * the background's requests would go out as a web page's, with a CORS preflight that Zotero
 * refuses. Firefox therefore asks for the loopback address as a whole (still this machine only).
 */
export function zoteroPermission(browser: string | undefined): string {
  return browser === 'firefox' ? 'http://127.0.0.1/*' : `${ZOTERO_ORIGIN}/*`;
}

/** {@link zoteroPermission} of this build (`import.meta.env` is WXT's; absent under tsx). */
export const ZOTERO_PERMISSION = zoteroPermission(import.meta.env?.BROWSER);

/** The connector protocol version Citecast speaks (Zotero 7's). */
export const CONNECTOR_API_VERSION = '3';

/** Why a request to Zotero failed. */
export type ZoteroProblem =
  /** Nothing answers on the port: Zotero is not running. */
  | { kind: 'not-running' }
  /** Zotero answered that it is busy (a save in progress, or its database is locked). */
  | { kind: 'busy'; detail: string }
  /** Zotero answered, and refused: `detail` is its own reason. */
  | { kind: 'refused'; status: number; detail: string };

/** An answer of Zotero's, or why there is none. */
export type ZoteroAnswer<T> = { ok: true; value: T } | { ok: false; problem: ZoteroProblem };

/** The collection Zotero saves into now, as `/connector/getSelectedCollection` says. */
export interface SelectedCollection {
  /** The collection's name, or the library's when no collection is selected. */
  name: string;
  libraryName: string;
  /** Whether Zotero may store files in that library (for the PDF). */
  filesEditable: boolean;
}

/** An item of Zotero's local API, with the fields Citecast matches papers by. */
export interface LocalApiItem {
  key: string;
  data: {
    itemType?: string;
    title?: string;
    DOI?: string;
    url?: string;
    extra?: string;
    archiveID?: string;
  };
}

/** How long Zotero may take to answer: short for a ping, longer for a save of many items. */
const TIMEOUT_MS = { ping: 3_000, save: 60_000 } as const;

/** The `fetch` to use (tests give their own). */
export type Fetch = typeof fetch;

/** Zotero's reason in a failed answer: its `error` field, or its text, shortened. */
async function reasonOf(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).trim();
  try {
    const json = JSON.parse(text) as { error?: unknown; libraryEditable?: unknown };
    if (typeof json.error === 'string') return json.error;
    if (json.libraryEditable === false) return 'the selected library is read-only';
  } catch {
    // Not JSON: the text itself.
  }
  const reason = text || response.statusText || `HTTP ${response.status}`;
  return reason.length > 200 ? `${reason.slice(0, 200)}…` : reason;
}

/** Sends one request to Zotero and reads its answer; never throws. */
async function call(
  fetchFn: Fetch,
  path: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<ZoteroAnswer<Response>> {
  let response: Response;
  try {
    response = await fetchFn(`${ZOTERO_ORIGIN}${path}`, {
      ...init,
      headers: { 'X-Zotero-Connector-API-Version': CONNECTOR_API_VERSION, ...init.headers },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    // A refused connection and a timeout look alike to fetch: nothing usable answers there.
    return { ok: false, problem: { kind: 'not-running' } };
  }
  if (response.ok) return { ok: true, value: response };
  const detail = await reasonOf(response);
  // 409: a save session of the same id is still running; 503: Zotero is starting or busy.
  if (response.status === 409 || response.status === 503) {
    return { ok: false, problem: { kind: 'busy', detail } };
  }
  return { ok: false, problem: { kind: 'refused', status: response.status, detail } };
}

/** POSTs `body` as JSON to a connector endpoint and answers the response. */
function postJson(
  fetchFn: Fetch,
  path: string,
  body: unknown,
  timeoutMs: number,
): Promise<ZoteroAnswer<Response>> {
  return call(
    fetchFn,
    path,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    timeoutMs,
  );
}

/** Whether Zotero runs and answers (`/connector/ping`). */
export async function ping(fetchFn: Fetch = fetch): Promise<ZoteroAnswer<true>> {
  const answer = await postJson(fetchFn, '/connector/ping', {}, TIMEOUT_MS.ping);
  return answer.ok ? { ok: true, value: true } : answer;
}

/** The library or collection selected in Zotero, where saved items go. */
export async function selectedCollection(
  fetchFn: Fetch = fetch,
): Promise<ZoteroAnswer<SelectedCollection>> {
  const answer = await postJson(fetchFn, '/connector/getSelectedCollection', {}, TIMEOUT_MS.ping);
  if (!answer.ok) return answer;
  const json = (await answer.value.json().catch(() => null)) as {
    name?: unknown;
    libraryName?: unknown;
    filesEditable?: unknown;
  } | null;
  const libraryName = typeof json?.libraryName === 'string' ? json.libraryName : '';
  return {
    ok: true,
    value: {
      name: typeof json?.name === 'string' && json.name ? json.name : libraryName,
      libraryName,
      filesEditable: json?.filesEditable !== false,
    },
  };
}

/** Saves `items` as one save session (`/connector/saveItems`); Zotero answers 201. */
export async function saveItems(
  sessionID: string,
  items: readonly unknown[],
  fetchFn: Fetch = fetch,
): Promise<ZoteroAnswer<true>> {
  const answer = await postJson(
    fetchFn,
    '/connector/saveItems',
    { sessionID, items },
    TIMEOUT_MS.save,
  );
  return answer.ok ? { ok: true, value: true } : answer;
}

/**
 * Uploads a PDF as the file attachment of item `parentItemID` (the connector's id from
 * {@link saveItems} of the same session), as Zotero Connector does with the files it fetched.
 */
export async function saveAttachment(
  attachment: { sessionID: string; parentItemID: string; url: string; title: string },
  bytes: ArrayBuffer,
  fetchFn: Fetch = fetch,
): Promise<ZoteroAnswer<true>> {
  const { sessionID, parentItemID, url, title } = attachment;
  const metadata = {
    id: crypto.randomUUID(),
    parentItemID,
    url,
    title,
    contentType: 'application/pdf',
  };
  const answer = await call(
    fetchFn,
    `/connector/saveAttachment?sessionID=${encodeURIComponent(sessionID)}`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/pdf', 'X-Metadata': JSON.stringify(metadata) },
      body: bytes,
    },
    TIMEOUT_MS.save,
  );
  return answer.ok ? { ok: true, value: true } : answer;
}

/**
 * The top-level items of the user's Zotero library, from the local API; `null` when the user has
 * not turned the local API on in Zotero (it answers 403 then).
 */
export async function localItems(
  fetchFn: Fetch = fetch,
): Promise<ZoteroAnswer<LocalApiItem[] | null>> {
  const answer = await call(
    fetchFn,
    '/api/users/0/items/top?format=json',
    { method: 'GET', headers: { 'Zotero-API-Version': '3' } },
    TIMEOUT_MS.save,
  );
  if (!answer.ok) {
    // Zotero answers 403 "Local API is not enabled" while the user has not turned it on.
    const { problem } = answer;
    const off =
      problem.kind === 'refused' && problem.status === 403 && /not enabled/i.test(problem.detail);
    return off ? { ok: true, value: null } : answer;
  }
  const json = (await answer.value.json().catch(() => null)) as unknown;
  return { ok: true, value: Array.isArray(json) ? (json as LocalApiItem[]) : [] };
}
