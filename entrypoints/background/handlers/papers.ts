/** The answers to the requests on saved papers: save, unsave, edit, "is it saved?", citations. */
import { success, type Outcome } from '@/lib/core/result';
import { fail } from '@/lib/i18n/errors';
import {
  isSaved,
  recentPapers,
  savePaper,
  setNote,
  setReadState,
  setTags,
  sourceAsPaper,
  unsavePaper,
} from '@/lib/store/papers';
import type { PaperRecord } from '@/lib/store/schema';
import { shown, type HandlerTable } from '@/entrypoints/background/handlers/context';

/** The outcome of a write to one paper: the record and its change, or `not-found`. */
function paperOutcome(key: string, record: PaperRecord | null): Outcome<PaperRecord> {
  if (!record) return { result: fail('not-found', 'paper.notFound', { key: shown(key) }) };
  return { result: success(record), changes: [{ kind: 'papers', keys: [record.key] }] };
}

/** The handlers of this area. */
export const PAPER_HANDLERS = {
  async savePaper({ store }, data) {
    const record = await savePaper(store, data.source, data.episodeKey ?? null, data.moment);
    if (!record) {
      return { result: fail('invalid', 'paper.noSaveKey') };
    }
    return { result: success(record), changes: [{ kind: 'papers', keys: [record.key] }] };
  },
  async unsavePaper({ store }, data) {
    return paperOutcome(data.key, await unsavePaper(store, data.key));
  },
  async setReadState({ store }, data) {
    return paperOutcome(data.key, await setReadState(store, data.key, data.readState));
  },
  async setTags({ store }, data) {
    return paperOutcome(data.key, await setTags(store, data.key, data.tags));
  },
  async setNote({ store }, data) {
    return paperOutcome(data.key, await setNote(store, data.key, data.note));
  },
  async savedStates({ store }, data) {
    const saved = await isSaved(store, data.keys);
    return { result: success(Object.fromEntries(saved)) };
  },
  async recentPapers({ store }, data) {
    return { result: success(await recentPapers(store, data.limit)) };
  },
  async bibtex({ store, sender }, data) {
    // Imported dynamically (citation-js is large): where the build splits chunks it loads on the
    // first BibTeX request only; the single-file MV3 background bundle inlines it.
    const [{ papersWithCitations }, { papersToBibtex }] = await Promise.all([
      import('@/lib/export/cited-by'),
      import('@/lib/export/bibtex'),
    ]);
    const keys = [...new Set(data.keys)];
    const entries = (await papersWithCitations(store, { keys }))
      .filter((e) => e.paper.savedAt !== null)
      // A web page gets the citation only: the listener's note and tags stay in the library.
      .map((e) =>
        sender.kind === 'content' ? { ...e, paper: { ...e.paper, note: '', tags: [] } } : e,
      );
    return { result: success({ text: papersToBibtex(entries), count: entries.length }) };
  },
  async sourceBibtex({ store }, data) {
    const paper = sourceAsPaper(data.source, store.now());
    if (!paper) {
      return { result: fail('invalid', 'paper.noCiteKey') };
    }
    const { papersToBibtex } = await import('@/lib/export/bibtex');
    return { result: success({ text: papersToBibtex([{ paper, citedBy: [] }]) }) };
  },
} satisfies Partial<HandlerTable>;
