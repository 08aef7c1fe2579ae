/**
 * The background's answer to every request, one area at a time. The table's type is the
 * protocol's: a request without a handler, or a handler without a request, is a type error.
 */
import { ARXIV_HANDLERS } from '@/entrypoints/background/handlers/arxiv';
import { BACKUP_HANDLERS } from '@/entrypoints/background/handlers/backup';
import type { HandlerTable } from '@/entrypoints/background/handlers/context';
import { EPISODE_HANDLERS } from '@/entrypoints/background/handlers/episodes';
import { LIBRARY_HANDLERS } from '@/entrypoints/background/handlers/library';
import { PAPER_HANDLERS } from '@/entrypoints/background/handlers/papers';
import { SYNC_HANDLERS } from '@/entrypoints/background/handlers/sync';
import { ZOTERO_HANDLERS } from '@/entrypoints/background/handlers/zotero';

/** Every request's handler. */
export const HANDLERS: HandlerTable = {
  ...PAPER_HANDLERS,
  ...EPISODE_HANDLERS,
  ...LIBRARY_HANDLERS,
  ...BACKUP_HANDLERS,
  ...ARXIV_HANDLERS,
  ...ZOTERO_HANDLERS,
  ...SYNC_HANDLERS,
};
