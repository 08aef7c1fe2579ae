/**
 * A small fake of the Zotero desktop app's local HTTP server, for the unit and browser tests of
 * "Send to Zotero". It answers as Zotero's own endpoints do (`server_connector.js`,
 * `saveSession.js` and `server_localAPI.js` in Zotero's source), and checks what Citecast sends:
 *
 * - a browser's request without `X-Zotero-Connector-API-Version` or `Zotero-Allowed-Request` is
 *   refused ("Request not allowed"), as Zotero refuses web pages;
 * - `/connector/saveItems` takes JSON `{sessionID, items}` whose items have an id, a known item
 *   type, a title, well-formed creators, tags and notes; a second save with the same session id
 *   is refused with 409 `SESSION_EXISTS`;
 * - `/connector/saveAttachment?sessionID=` takes the PDF's bytes with `X-Metadata` naming an item
 *   of that session;
 * - `/api/users/0/items/top` answers 403 "Local API is not enabled" unless it is on.
 *
 * Every refusal is also kept in `problems`, so that a test sees what was wrong.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An item as the fake received it, with its session. */
export interface ReceivedItem {
  sessionID: string;
  item: Record<string, unknown>;
}

/** A file attachment as the fake received it. */
export interface ReceivedAttachment {
  sessionID: string;
  metadata: { parentItemID: string; url: string; title: string; contentType?: string };
  contentType: string;
  bytes: number;
}

/** How the fake behaves, changeable while it runs. */
export interface FakeZoteroOptions {
  /** The collection selected in Zotero. */
  collection: string;
  /** Whether the user turned on Zotero's local API. */
  localApi: boolean;
  /** Items already in the Zotero library (the local API's answer), as `data` objects. */
  library: Record<string, unknown>[];
}

/** A running fake. */
export interface FakeZotero {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  options: FakeZoteroOptions;
  items: ReceivedItem[];
  attachments: ReceivedAttachment[];
  /** Every request, as `METHOD path`. */
  requests: string[];
  /** Why requests were refused. */
  problems: string[];
  close(): Promise<void>;
}

const ITEM_TYPES = new Set([
  'preprint',
  'journalArticle',
  'conferencePaper',
  'document',
  'webpage',
]);

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Why `item` is not an item Zotero's `Item.fromJSON` takes, or `null`. */
function itemProblem(item: unknown, i: number): string | null {
  if (typeof item !== 'object' || item === null) return `items[${i}] is not an object`;
  const it = item as Record<string, unknown>;
  if (typeof it.id !== 'string' || !it.id) return `items[${i}].id missing`;
  if (typeof it.itemType !== 'string' || !ITEM_TYPES.has(it.itemType))
    return `items[${i}].itemType ${String(it.itemType)} unknown`;
  if (typeof it.title !== 'string' || !it.title) return `items[${i}].title missing`;
  if (!Array.isArray(it.creators)) return `items[${i}].creators is not a list`;
  for (const c of it.creators as Record<string, unknown>[]) {
    const named =
      typeof c.name === 'string' ||
      (typeof c.firstName === 'string' && typeof c.lastName === 'string');
    if (!named || typeof c.creatorType !== 'string') return `items[${i}] has a malformed creator`;
  }
  if (
    !Array.isArray(it.tags) ||
    it.tags.some((t) => typeof (t as { tag?: unknown }).tag !== 'string')
  )
    return `items[${i}].tags malformed`;
  if (
    !Array.isArray(it.notes) ||
    it.notes.some((n) => typeof (n as { note?: unknown }).note !== 'string')
  )
    return `items[${i}].notes malformed`;
  if ('date' in it && typeof it.date !== 'string') return `items[${i}].date is not a string`;
  return null;
}

/** Starts the fake on `port` (0: any free port) of 127.0.0.1. */
export async function startFakeZotero(
  port = 0,
  options: Partial<FakeZoteroOptions> = {},
): Promise<FakeZotero> {
  const state: FakeZotero = {
    origin: '',
    options: { collection: 'Podcast papers', localApi: false, library: [], ...options },
    items: [],
    attachments: [],
    requests: [],
    problems: [],
    close: async () => undefined,
  };
  const sessions = new Map<string, Set<string>>();

  const send = (res: ServerResponse, status: number, type: string, text: string) => {
    res.writeHead(status, { 'Content-Type': type, 'X-Zotero-Version': '7.0.0' });
    res.end(text);
  };
  const refuse = (res: ServerResponse, status: number, why: string, answer = why) => {
    state.problems.push(why);
    send(res, status, 'text/plain', answer);
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      state.requests.push(`${req.method} ${url.pathname}`);
      const fromBrowser = (req.headers['user-agent'] ?? '').startsWith('Mozilla/');
      const allowed =
        req.headers['x-zotero-connector-api-version'] !== undefined ||
        req.headers['zotero-allowed-request'] !== undefined;
      if (fromBrowser && !allowed) return refuse(res, 403, 'Request not allowed');
      const raw = await body(req);
      const json = (): unknown => {
        if (!String(req.headers['content-type']).startsWith('application/json')) return undefined;
        try {
          return JSON.parse(raw.toString('utf8'));
        } catch {
          return undefined;
        }
      };
      switch (`${req.method} ${url.pathname}`) {
        case 'POST /connector/ping':
          return send(
            res,
            200,
            'application/json',
            JSON.stringify({ prefs: { supportsAttachmentUpload: true } }),
          );
        case 'POST /connector/getSelectedCollection':
          return send(
            res,
            200,
            'application/json',
            JSON.stringify({
              libraryID: 1,
              libraryName: 'My Library',
              libraryEditable: true,
              filesEditable: true,
              editable: true,
              id: 7,
              name: state.options.collection,
              targets: [],
            }),
          );
        case 'POST /connector/saveItems': {
          const data = json() as { sessionID?: unknown; items?: unknown } | undefined;
          if (!data) return refuse(res, 400, 'saveItems body is not JSON');
          if (typeof data.sessionID !== 'string')
            return refuse(res, 400, 'saveItems without sessionID');
          if (sessions.has(data.sessionID))
            return refuse(res, 409, 'SESSION_EXISTS', JSON.stringify({ error: 'SESSION_EXISTS' }));
          if (!Array.isArray(data.items) || data.items.length === 0)
            return refuse(res, 400, 'saveItems without items');
          const problem = data.items.map(itemProblem).find((p) => p !== null);
          if (problem) return refuse(res, 500, problem);
          const ids = new Set<string>();
          for (const item of data.items as Record<string, unknown>[]) {
            ids.add(item.id as string);
            state.items.push({ sessionID: data.sessionID, item });
          }
          sessions.set(data.sessionID, ids);
          return send(res, 201, 'application/json', '');
        }
        case 'POST /connector/saveAttachment': {
          const sessionID = url.searchParams.get('sessionID');
          const header = req.headers['x-metadata'];
          if (typeof header !== 'string') return refuse(res, 400, 'METADATA_NOT_PROVIDED');
          const metadata = JSON.parse(header) as ReceivedAttachment['metadata'];
          const ids = sessionID ? sessions.get(sessionID) : undefined;
          if (!ids) return refuse(res, 400, 'SESSION_NOT_FOUND');
          if (!ids.has(metadata.parentItemID))
            return refuse(res, 400, 'parent item not in session');
          state.attachments.push({
            sessionID: sessionID!,
            metadata,
            contentType: String(req.headers['content-type']),
            bytes: raw.length,
          });
          return send(res, 201, 'text/plain', '');
        }
        case 'GET /api/users/0/items/top': {
          if (!state.options.localApi)
            return send(res, 403, 'text/plain', 'Local API is not enabled');
          const items = state.options.library.map((data, i) => ({
            key: `ITEM${i}`,
            version: 1,
            data,
          }));
          return send(res, 200, 'application/json', JSON.stringify(items));
        }
        default:
          return refuse(res, 404, `no endpoint ${req.method} ${url.pathname}`, 'No endpoint found');
      }
    })().catch((error: unknown) => {
      state.problems.push(String(error));
      if (!res.headersSent) send(res, 500, 'text/plain', 'fake server error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
