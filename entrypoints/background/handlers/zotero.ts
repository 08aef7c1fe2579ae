/**
 * The answers to the Zotero requests, imported on demand since most listeners never use it: a
 * page sends what it shows; what Zotero holds answers only for the keys asked.
 */
import { success } from '@/lib/core/result';
import { fail } from '@/lib/i18n/errors';
import { sourceAsPaper } from '@/lib/store/papers';
import type { HandlerTable } from '@/entrypoints/background/handlers/context';

/** The handlers of this area. */
export const ZOTERO_HANDLERS = {
  async zoteroSend({ store }, data) {
    const { sendToZotero } = await import('@/lib/zotero/send');
    return { result: await sendToZotero(store, data) };
  },
  async zoteroMarks({ store }, data) {
    const { zoteroMarks } = await import('@/lib/zotero/send');
    return { result: await zoteroMarks(store, data.keys) };
  },
  async openZoteroGrant() {
    const { openZoteroGrant } = await import('@/lib/zotero/grant');
    return { result: success(await openZoteroGrant()) };
  },
  async sourcesRis({ store }, data) {
    const [{ papersToRis }, { exportFilename }] = await Promise.all([
      import('@/lib/export/ris'),
      import('@/lib/export/selection'),
    ]);
    const entries = data.sources
      .map((source) => sourceAsPaper(source, store.now()))
      .filter((paper) => paper !== null)
      .map((paper) => ({ paper, citedBy: [] }));
    if (entries.length === 0) return { result: fail('invalid', 'zotero.nothingToSend') };
    return {
      result: success({ text: papersToRis(entries), filename: exportFilename('ris', store.now()) }),
    };
  },
} satisfies Partial<HandlerTable>;
