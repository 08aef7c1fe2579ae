/**
 * The answers to the requests on the library as a whole: the backup file (export, import), a
 * reference library import and its progress, deleting everything, and the store's own status.
 */
import { success, type StoreChange } from '@/lib/core/result';
import { fail } from '@/lib/i18n/errors';
import { readSettings, settingsFrom, writeSettings } from '@/lib/settings';
import { exportBackupJson, importBackup } from '@/lib/store/backup/backup';
import { deleteEverything } from '@/lib/store/clear';
import { pruneTombstones } from '@/lib/store/tombstones';
import type { HandlerTable } from '@/entrypoints/background/handlers/context';

/** The handlers of this area. */
export const BACKUP_HANDLERS = {
  async exportBackup({ store }) {
    const settings = await readSettings();
    await pruneTombstones(store, settings.tombstoneDays);
    return { result: success({ text: await exportBackupJson(store, settings) }) };
  },
  async importBackup({ store }, data) {
    const mode = data.mode ?? 'merge';
    const imported = await importBackup(store, data.text, undefined, mode);
    if (!imported.ok) {
      return { result: fail('invalid', 'backup.refused', undefined, imported.problem) };
    }
    const current = await readSettings();
    await pruneTombstones(store, current.tombstoneDays);
    // A replace takes the file's settings too, all but arXiv lookups: whether anything is sent
    // to arXiv stays this browser's own choice.
    if (mode === 'replace' && imported.settings) {
      const { sites, heardShare, language, theme, tombstoneDays } = settingsFrom(
        imported.settings,
        current,
      );
      await writeSettings({ sites, heardShare, language, theme, tombstoneDays });
    }
    const { report } = imported;
    const changed = (kind: keyof typeof report) =>
      mode === 'replace' || report[kind].added + report[kind].updated > 0;
    const changes: StoreChange[] = [];
    if (changed('papers')) changes.push({ kind: 'papers', keys: null });
    if (changed('episodes') || changed('citations')) changes.push({ kind: 'episodes', keys: null });
    if (changed('listens')) changes.push({ kind: 'listens', keys: null });
    return { result: success(report), changes };
  },
  async importLibrary({ store }, data) {
    // Imported on demand, like BibTeX: the readers come with citation-js.
    const { runLibraryImport } = await import('@/lib/export/library-import');
    const imported = await runLibraryImport(store, data.text, data.format);
    if (!imported.ok) {
      return { result: fail('invalid', 'library.refused', undefined, imported.problem) };
    }
    const { report } = imported;
    const changed = report.added + report.updated > 0;
    return {
      result: success(report),
      changes: changed ? [{ kind: 'papers', keys: null }] : [],
    };
  },
  async libraryImportProgress() {
    const { libraryImportProgress } = await import('@/lib/export/library-import');
    return { result: success(libraryImportProgress()) };
  },
  async cancelLibraryImport() {
    const { cancelLibraryImport } = await import('@/lib/export/library-import');
    return { result: success({ cancelled: cancelLibraryImport() }) };
  },
  async deleteEverything({ store, sync }) {
    // With sync on, the next pass would bring everything back from the synced copy: this browser
    // stops syncing instead, and the synced copy stays for the others.
    await sync?.setEnabled(false);
    await deleteEverything(store);
    return {
      result: success({ deleted: true as const }),
      changes: [
        { kind: 'papers', keys: null },
        { kind: 'episodes', keys: null },
        { kind: 'listens', keys: null },
      ],
    };
  },
  async storeStatus({ store }) {
    const storage = globalThis.navigator?.storage;
    let persisted: boolean | null = null;
    let usage: number | null = null;
    let quota: number | null = null;
    try {
      if (typeof storage?.persisted === 'function') persisted = await storage.persisted();
      if (typeof storage?.estimate === 'function') {
        const estimate = await storage.estimate();
        usage = estimate.usage ?? null;
        quota = estimate.quota ?? null;
      }
    } catch {
      // The browser cannot tell: the fields stay null.
    }
    return { result: success({ version: store.db.version, persisted, usage, quota }) };
  },
} satisfies Partial<HandlerTable>;
