/**
 * `npm run --silent parse -- FILE [--url URL] [--now YYYY-MM-DD]`: reads one saved page and
 * prints what the extension would find on it, as JSON whose fields and
 * their order other tools rely on (lib/hosts/episode.ts).
 * Bad input gives exit status 1 and one line on stderr, never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { episodesToJson } from '@/lib/hosts/episode';
import { InputError, readSavedPage } from '@/scripts/read-saved-page';

const MAX_BYTES = 20 * 1024 * 1024;

class UsageError extends Error {}

interface Args {
  file: string;
  url: string | null;
  now: Date;
}

function parseArgs(argv: string[]): Args {
  let file: string | null = null;
  let url: string | null = null;
  let now = new Date();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--url' || arg === '--now') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      if (arg === '--url') {
        if (!/^https?:\/\/\S+$/i.test(value))
          throw new UsageError(`--url must be an http(s) address, got "${value}"`);
        url = value;
      } else {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T12:00:00Z`))) {
          throw new UsageError(`--now must be a date as YYYY-MM-DD, got "${value}"`);
        }
        now = new Date(`${value}T12:00:00Z`);
      }
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (file === null) {
      file = arg;
    } else {
      throw new UsageError(`only one FILE is read, got "${file}" and "${arg}"`);
    }
  }
  if (file === null)
    throw new UsageError('usage: npm run --silent parse -- FILE [--url URL] [--now YYYY-MM-DD]');
  return { file, url, now };
}

function readText(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new UsageError(`${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  if (size > MAX_BYTES) {
    throw new UsageError(
      `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; pages up to 20 MB are read`,
    );
  }
  const bytes = readFileSync(file);
  if (looksBinary(bytes))
    throw new UsageError(`${file} is binary data, not a text, HTML or XML page`);
  return new TextDecoder('utf-8').decode(bytes);
}

/** NUL bytes, or many bytes that are not valid UTF-8, mean this is not a text page. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return true;
  const decoded = new TextDecoder('utf-8').decode(sample);
  let bad = 0;
  for (const ch of decoded) if (ch === '\uFFFD') bad++;
  return bad > 8 && bad / Math.max(1, decoded.length) > 0.01;
}

function main(): void {
  try {
    const args = parseArgs(process.argv.slice(2));
    const text = readText(args.file);
    const episodes = readSavedPage(args.file, text, { url: args.url, now: args.now });
    process.stdout.write(`${JSON.stringify(episodesToJson(episodes), null, 2)}\n`);
  } catch (error) {
    const message =
      error instanceof UsageError || error instanceof InputError
        ? error.message
        : `failed: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`parse: ${message.split('\n')[0]}\n`);
    process.exitCode = 1;
  }
}

main();
