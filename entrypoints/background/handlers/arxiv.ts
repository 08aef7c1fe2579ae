/** The answers to the arXiv requests: lookups, links the user makes, metadata, the permission. */
import * as arxiv from '@/lib/arxiv/service';
import type { HandlerTable } from '@/entrypoints/background/handlers/context';

/** The handlers of this area. */
export const ARXIV_HANDLERS = {
  resolveTitles: ({ store }, data) => arxiv.resolveTitles(store, data),
  linkArxiv: ({ store }, data) => arxiv.linkArxiv(store, data),
  unlinkArxiv: ({ store }, data) => arxiv.unlinkArxiv(store, data),
  arxivMetadata: ({ store }, data) => arxiv.arxivMetadata(store, data),
  arxivAccess: () => arxiv.arxivAccess(),
  openArxivGrant: () => arxiv.openArxivGrant(),
} satisfies Partial<HandlerTable>;
