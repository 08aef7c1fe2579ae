// @vitest-environment happy-dom
/**
 * The background's errors reach the pages in the user's language: the background names each
 * error (a key and its facts, lib/i18n/errors.ts) beside its English message, and the page
 * renders it in the language of its Settings (or the browser's). Checked end to end for the
 * store that cannot open and the backup that is refused, through the real service and the real
 * components; and no error a user sees is ever a stack trace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageSetup } from '@/components/common/i18n';
import { StoreError } from '@/components/common/Notice';
import { ServicesProvider, type AskFn, type Services } from '@/components/common/services';
import { ImportExportSection } from '@/components/library/ImportExportSection';
import {
  ERROR_MESSAGES,
  errorText,
  firstLine,
  setErrorLocale,
  type ErrorKey,
} from '@/lib/i18n/errors';
import { ask } from '@/lib/protocol/client';
import type { MessageError, Result } from '@/lib/core/result';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { openStore } from '@/lib/store/db';
import { freshIndexedDb } from '@/tests/unit/store/helpers';
import { DB_NAME, popupSender, testService, type TestService } from '@/tests/unit/messages/helpers';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const NB: Settings = { ...DEFAULT_SETTINGS, language: 'nb' };
const EN: Settings = { ...DEFAULT_SETTINGS, language: 'en' };
/** What an `Error` crossing into a message would carry: its text and a stack. */
const STACKED =
  'TypeError: boom\n    at open (chrome-extension://abc/background.js:12:34)\n    at run (x.js:1:2)';
/** Traces of a stack in a text: a frame, a script position, a line break. */
const STACK_TRACE = /\n|\bat \S+ \(|\.(?:js|ts):\d+(?::\d+)?/;

let root: HTMLElement;
let t: TestService | null = null;

beforeEach(() => {
  fakeBrowser.reset();
  // The fake has a lastError of its own; the real runtime has none between messages.
  (fakeBrowser.runtime as { lastError?: unknown }).lastError = undefined;
  freshIndexedDb();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await t?.service.close();
  t = null;
  setErrorLocale(undefined);
  vi.restoreAllMocks();
});

/** The error of a failed result. */
function errorOf(result: Result<unknown>): MessageError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

/** Waits for the components' requests and renders to finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

/** Renders `node` on a page set up with `settings`. */
async function mount(node: preact.ComponentChild, settings: Settings): Promise<void> {
  await act(() => {
    render(<PageSetup initial={settings}>{node}</PageSetup>, root);
  });
  await settle();
}

/** The pages' services, asking `service` as the library page would. */
function servicesOf(service: TestService['service']): Services {
  const askService = ((type: string, data: unknown) =>
    service.handle(type, data, popupSender())) as AskFn;
  return {
    ask: askService,
    onStoreChanged: () => () => undefined,
    openTab: () => undefined,
    openLibrary: () => undefined,
    pageEpisodes: async () => null,
    readActiveTab: async () => undefined,
  };
}

/** Chooses `text` as the backup file to restore, as a user picking a file would. */
async function chooseBackup(text: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('[data-testid="restore-file"]')!;
  const file = new File([text], 'citecast-backup-2026-01-01.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

/** A service whose store never opens: Firefox never remembering history refuses IndexedDB. */
function unopenableService(): TestService {
  const refused = Object.assign(new Error('A mutation operation was attempted'), {
    name: 'InvalidStateError',
    stack: STACKED,
  });
  return testService(() => Promise.reject(refused));
}

describe('the error tables', () => {
  const keys = Object.keys(ERROR_MESSAGES.en) as ErrorKey[];
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('have the same keys and placeholders in English and Bokmål, none empty', () => {
    expect(Object.keys(ERROR_MESSAGES.nb).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(ERROR_MESSAGES.en[key].trim(), key).not.toBe('');
      expect(ERROR_MESSAGES.nb[key].trim(), key).not.toBe('');
      expect(placeholders(ERROR_MESSAGES.nb[key]), key).toEqual(
        placeholders(ERROR_MESSAGES.en[key]),
      );
    }
  });

  it('are translated (a Bokmål text that equals the English one is a forgotten translation)', () => {
    const same = keys.filter((k) => ERROR_MESSAGES.nb[k] === ERROR_MESSAGES.en[k]);
    expect(same).toEqual([]);
  });
});

describe('store unavailable, in a Norwegian UI', () => {
  it('the background names the error; the page words it in Bokmål', async () => {
    t = unopenableService();
    const error = errorOf(await t.service.handle('storeStatus', undefined, popupSender()));
    expect(error.code).toBe('unavailable');
    expect(error.text).toEqual({ key: 'store.cannotOpen', params: { name: 'InvalidStateError' } });
    // The English message stays for logs and older pages.
    expect(error.message).toMatch(/^Citecast cannot open its storage \(InvalidStateError\)/);
    expect(errorText(error, 'nb')).toMatch(
      /^Citecast får ikke åpnet lagringen sin \(InvalidStateError\), så ingenting kan lagres/,
    );
  });

  it('the library page shows it in Bokmål when the Settings say Norsk, in English otherwise', async () => {
    t = unopenableService();
    const error = errorOf(await t.service.handle('storeStatus', undefined, popupSender()));
    await mount(<StoreError error={error} />, NB);
    const shown = root.querySelector('[data-testid="store-error"]')!.textContent!;
    expect(shown).toContain('Biblioteket svarer ikke: Citecast får ikke åpnet lagringen sin');
    expect(shown).not.toMatch(/cannot open|storage/);
    render(null, root);
    await mount(<StoreError error={error} />, EN);
    expect(root.textContent).toContain(
      'The library cannot answer: Citecast cannot open its storage',
    );
  });

  it('ask words the reply in the page’s language (the popup and the content script use ask)', async () => {
    t = unopenableService();
    const reply = await t.service.handle('storeStatus', undefined, popupSender());
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((
      _message: unknown,
      callback: (response: unknown) => void,
    ) => callback({ res: reply })) as never);
    setErrorLocale('nb');
    const nb = errorOf(await ask('storeStatus', undefined));
    expect(nb.message).toMatch(/^Citecast får ikke åpnet lagringen sin/);
    // The key stays, so a page switching language renders it again.
    expect(errorText(nb, 'en')).toMatch(/^Citecast cannot open its storage/);
    setErrorLocale('en');
    expect(errorOf(await ask('storeStatus', undefined)).message).toMatch(/^Citecast cannot open/);
  });

  it('a background out of reach is said in Bokmål too', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((
      _message: unknown,
      callback: (response: unknown) => void,
    ) => {
      (fakeBrowser.runtime as { lastError?: unknown }).lastError = { message: STACKED };
      callback(undefined);
      (fakeBrowser.runtime as { lastError?: unknown }).lastError = undefined;
    }) as never);
    setErrorLocale('nb');
    const error = errorOf(await ask('storeStatus', undefined));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^Får ikke kontakt med bakgrunnen til Citecast/);
    expect(error.message).not.toMatch(STACK_TRACE);
  });
});

describe('import refused, in a Norwegian UI', () => {
  it('the background names the reason; the page words frame and reason in Bokmål', async () => {
    t = testService();
    const text = JSON.stringify({ format: 'citecast-backup', version: 99 });
    const error = errorOf(await t.service.handle('importBackup', { text }, popupSender()));
    expect(error.code).toBe('invalid');
    expect(error.message).toBe(
      'The backup was refused: the backup is version 99, made by a newer Citecast; this one reads version 3. Nothing changed.',
    );
    expect(errorText(error, 'nb')).toBe(
      'Sikkerhetskopien ble avvist: sikkerhetskopien er versjon 99, laget av en nyere Citecast; denne leser versjon 3. Ingenting ble endret.',
    );
  });

  const files: [string, string, RegExp][] = [
    ['not JSON', '{"format": "citecast-backup", ', /filen er ikke gyldig JSON/],
    [
      'another program’s file',
      '{"format": "zotero"}',
      /formatet er "zotero", ikke «citecast-backup»/,
    ],
    [
      'a bad field deep inside',
      JSON.stringify({
        format: 'citecast-backup',
        version: 2,
        exportedAt: '2026-01-01T00:00:00.000Z',
        papers: [{ key: 'title:x', tags: [3] }],
        episodes: [],
        citations: [],
        listens: [],
      }),
      /papers\[0\]\.title: ventet en tekst/,
    ],
  ];
  for (const [what, text, reason] of files) {
    it(`the Import / export section shows ${what} refused in Bokmål`, async () => {
      t = testService();
      await mount(
        <ServicesProvider services={servicesOf(t.service)}>
          <ImportExportSection selection={new Set()} />
        </ServicesProvider>,
        NB,
      );
      await chooseBackup(text);
      const refused = root.querySelector('[data-testid="import-refused"]');
      expect(refused, 'the refusal is shown').not.toBeNull();
      const shown = refused!.textContent!;
      expect(shown).toContain('Denne filen ble ikke importert.');
      expect(shown).toContain('Sikkerhetskopien ble avvist: ');
      expect(shown).toMatch(reason);
      expect(shown).not.toMatch(/refused|expected|not valid|Nothing changed/);
      expect(shown).not.toMatch(STACK_TRACE);
    });
  }

  it('and a valid backup still restores, its report listing the arXiv links', async () => {
    t = testService();
    const exported = await t.service.handle('exportBackup', undefined, popupSender());
    expect(exported.ok).toBe(true);
    await mount(
      <ServicesProvider services={servicesOf(t.service)}>
        <ImportExportSection selection={new Set()} />
      </ServicesProvider>,
      NB,
    );
    await chooseBackup((exported as { value: { text: string } }).value.text);
    const report = root.querySelector('[data-testid="import-report"]');
    expect(report).not.toBeNull();
    expect(report!.querySelector('[data-store="arxivLinks"] th')!.textContent).toBe(
      'arXiv-koblinger',
    );
  });
});

describe('refused requests, in a Norwegian UI', () => {
  it('say what was expected and what came, and what is missing, in Bokmål', async () => {
    t = testService();
    const wrong = errorOf(await t.service.handle('setTags', { key: 3, tags: [] }, popupSender()));
    expect(wrong.message).toMatch(/^Refused setTags: key: /);
    expect(errorText(wrong, 'nb')).toBe('Avviste setTags: key: ventet string, fikk 3');
    const missing = errorOf(await t.service.handle('setNote', { key: 'arxiv:1' }, popupSender()));
    expect(errorText(missing, 'nb')).toBe('Avviste setNote: note: mangler');
    const page = errorOf(
      await t.service.handle('savePaper', { source: { url: 'javascript:x' } }, popupSender()),
    );
    expect(errorText(page, 'nb')).toMatch(/^Avviste savePaper: source\.\w+: /);
    const foreign = errorOf(await t.service.handle('storeStatus', undefined, { id: 'other' }));
    expect(errorText(foreign, 'nb')).toBe('Denne forespørselen kom ikke fra Citecast.');
  });
});

describe('never a stack trace', () => {
  it('a request failing on the open store answers the error’s name only', async () => {
    const store = await openStore({ name: DB_NAME });
    const broken = Object.assign(new Error('disk on fire'), { stack: STACKED });
    vi.spyOn(store.db, 'transaction').mockImplementation(() => {
      throw broken;
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    t = testService(async () => store);
    const error = errorOf(
      await t.service.handle('savedStates', { keys: ['arxiv:1'] }, popupSender()),
    );
    expect(error.text).toEqual({ key: 'store.failed', params: { name: 'Error' } });
    for (const text of [error.message, errorText(error, 'nb'), errorText(error, 'en')]) {
      expect(text).not.toMatch(STACK_TRACE);
      expect(text).not.toContain('disk on fire');
    }
  });

  it('every error text, whatever its facts, is one line without a stack in either language', () => {
    for (const key of Object.keys(ERROR_MESSAGES.en) as ErrorKey[]) {
      const params = Object.fromEntries(
        [...ERROR_MESSAGES.en[key].matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, STACKED]),
      );
      const reason = { key: 'check.string' as const, params: { path: STACKED } };
      for (const locale of ['en', 'nb'] as const) {
        const text = errorText({ message: '', text: { key, params, reason } }, locale);
        expect(text, `${key} (${locale})`).not.toMatch(STACK_TRACE);
        expect(text, `${key} (${locale})`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('an error without a key shows its first line only; an unknown key falls back to it', () => {
    expect(errorText({ message: STACKED })).toBe('TypeError: boom');
    expect(errorText({ message: 'Plain.', text: { key: 'no.such' as ErrorKey } }, 'nb')).toBe(
      'Plain.',
    );
    expect(firstLine('at open (chrome-extension://abc/background.js:12:34)')).toBe('');
    expect(firstLine('x'.repeat(400))).toHaveLength(301);
  });

  it('every error the background and the pages make carries a key (no bare English message)', () => {
    const lib = join(ROOT, 'lib');
    const sources = readdirSync(lib, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .filter((f) => !['messages.ts', join('i18n', 'errors.ts')].includes(f));
    const bare = sources.flatMap((file) => {
      const text = readFileSync(join(lib, file), 'utf8');
      const lines = text.split('\n');
      return lines.flatMap((line, i) =>
        /\bfailure\(|error: \{ code: /.test(line) ? [`lib/${file}:${i + 1}`] : [],
      );
    });
    expect(bare, 'use fail()/problem() from lib/i18n/errors.ts with a key').toEqual([]);
  });
});
