/**
 * `npm run --silent library -- FILE`: a dry run of "import a reference library" (BibTeX,
 * BibLaTeX, RIS, CSL-JSON) through the same reading and keying as the library page; writes
 * nothing. Prints `{"format", "papers": [{key, title, authors, year, arxivId, doi, line,
 * citeKey}], "refused": [{line, reason}]}`. A file that is not a library gives exit status 1
 * and one line on stderr, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { dryRunLibrary } from '@/lib/export/library-import';
import { MAX_LIBRARY_BYTES } from '@/lib/export/library-parse';
import { decodeLibraryBytes } from '@/lib/export/library-text';

class UsageError extends Error {}

/** The one FILE argument. */
function fileArg(argv: readonly string[]): string {
  const files = argv.filter((a) => !a.startsWith('--'));
  const option = argv.find((a) => a.startsWith('--'));
  if (option) throw new UsageError(`unknown option ${option}`);
  if (files.length !== 1) throw new UsageError('usage: npm run --silent library -- FILE');
  return files[0]!;
}

/** The text of `file`, as the library page decodes it. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  if (bytes.length > MAX_LIBRARY_BYTES) {
    throw new UsageError(`${file} is larger than ${MAX_LIBRARY_BYTES} bytes`);
  }
  return decodeLibraryBytes(bytes);
}

function main(): void {
  try {
    const file = fileArg(process.argv.slice(2));
    const result = dryRunLibrary(readText(file));
    if (!result.ok) throw new UsageError(`${file}: ${result.reason}`);
    const json = {
      format: result.format,
      papers: result.papers,
      refused: result.refused.map(({ line, reason }) => ({ line, reason })),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } catch (error) {
    const message =
      error instanceof UsageError
        ? error.message
        : `failed: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`library: ${message.split('\n')[0]}\n`);
    process.exitCode = 1;
  }
}

main();
