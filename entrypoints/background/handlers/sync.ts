/**
 * The answers to the sync requests of Settings: the status, on and off, and removing Citecast's
 * data from the browser's sync. The work is the sync service's (lib/sync/service.ts).
 */
import { success } from '@/lib/core/result';
import { fail } from '@/lib/i18n/errors';
import type { HandlerTable } from '@/entrypoints/background/handlers/context';

/** The handlers of this area. */
export const SYNC_HANDLERS = {
  async syncStatus({ sync }) {
    if (!sync) return { result: fail('unavailable', 'sync.unavailable') };
    return { result: success(await sync.status()) };
  },
  async setSync({ sync }, data) {
    if (!sync) return { result: fail('unavailable', 'sync.unavailable') };
    return { result: success(await sync.setEnabled(data.on)) };
  },
  async clearSync({ sync }) {
    if (!sync) return { result: fail('unavailable', 'sync.unavailable') };
    return { result: success(await sync.clear()) };
  },
} satisfies Partial<HandlerTable>;
