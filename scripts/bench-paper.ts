/**
 * The paper pages' benchmark for `npm run bench` (called from scripts/bench.ts with its helpers):
 * on the library bench's 2,000 episodes and 10,000 papers (fake-indexeddb), `paper.lookup_ms` is
 * one paper page's `discussedIn` (the citation index by id, the citing episodes, their listens,
 * the paper), beside `baseline.paper_raw_index_read_ms`, one raw read of the same index key,
 * measured side by side in the same run; then the index's size (entries, and the bytes of its
 * keys: each entry holds an id and the citation's key).
 */
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBackup } from '@/lib/store/backup/backup';
import { discussedIn } from '@/lib/store/discussed';
import { libraryBackup, type LibraryBenchHelpers } from '@/scripts/bench-library';

/** Runs the paper-page benchmarks and prints their figures. */
export async function benchPaper(helpers: LibraryBenchHelpers): Promise<void> {
  const { print, sideBySideAsync } = helpers;
  const store = await helpers.emptyStore();
  const imported = await importBackup(store, JSON.stringify(libraryBackup(helpers, 10_000, 2_000)));
  if (!imported.ok) throw new Error(`the paper bench backup was refused: ${imported.reason}`);
  const papers = await store.db.getAllKeys('papers');
  const cited = papers.filter((k) => k.startsWith('arxiv:'));
  let round = 0;
  let found = 0;
  let raw = 0;
  const pick = () => cited[(round * 997) % cited.length]!;
  const [lookupMs, rawMs] = await sideBySideAsync(
    [
      {
        run: async () => {
          found = (await discussedIn(store, { ids: [pick()], title: null })).episodes.length;
        },
      },
      {
        run: async () => {
          raw = (await store.db.getAllFromIndex('citations', 'byUrl', pick())).length;
          round++;
        },
      },
    ],
    31,
    3,
  );
  if (found === 0 || raw === 0) throw new Error('the paper lookup found no citing episode');
  // The index's size: each entry is an id and the citation's key [episodeKey, position].
  const tx = store.db.transaction('citations', 'readonly');
  let entries = 0;
  let bytes = 0;
  for (let c = await tx.store.index('byUrl').openKeyCursor(); c; c = await c.continue()) {
    entries++;
    const [episodeKey] = c.primaryKey;
    bytes += String(c.key).length + episodeKey.length + 8;
  }
  await tx.done;
  await helpers.dropStore(store);
  print('paper.lookup_ms', lookupMs, 'ms (target < 5)');
  print('baseline.paper_raw_index_read_ms', rawMs, 'ms');
  print('paper.lookup_vs_raw_index_read', lookupMs / rawMs, 'x');
  print('paper.index_entries', entries, 'entries', 0);
  print('paper.index_kb', bytes / 1024, 'KB (ids and citation keys)');
  const card = cardScriptGzip();
  if (card !== null) print('paper.card_script_gzip_kb', card / 1024, 'KB gzip');
}

/** The gzip size of the built paper-page script, `null` before a build made one. */
function cardScriptGzip(): number | null {
  const dir = join('.output', 'chrome-mv3', 'content-scripts');
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((f) => /^paper.*\.js$/.test(f));
  return file ? gzipSync(readFileSync(join(dir, file))).length : null;
}
