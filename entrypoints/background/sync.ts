/**
 * Wires sync (lib/sync/service.ts) into the background: the browser's sync and local storage,
 * the store service that runs its merges, and the storage listener, registered at once so that
 * another browser's writes wake the background.
 */
import { browser } from 'wxt/browser';
import { readSettings } from '@/lib/settings';
import type { HybridClock } from '@/lib/sync/clock';
import { createSyncService, type SyncDeps, type SyncService } from '@/lib/sync/service';

/** Starts sync; `run` is the store service's (it may be bound after this returns). */
export function startSync(clock: HybridClock, run: SyncDeps['run']): SyncService {
  const sync = createSyncService({
    area: browser.storage.sync,
    local: browser.storage.local,
    clock,
    run,
    tombstoneDays: async () => (await readSettings()).tombstoneDays,
  });
  browser.storage.onChanged.addListener((changes, area) => sync.storageChanged(changes, area));
  void sync.start();
  return sync;
}
