/** Launching Debian's chromium and firefox-esr with the built extension loaded. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser, type Page as PuppeteerPage } from 'puppeteer-core';
import { fixtureResponse, ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert } from '@/tests/browser/harness.ts';

/** The built extensions. */
/** The build folder (`.output`, or `CITECAST_OUTPUT` as wxt.config.ts reads it). */
const OUTPUT = process.env.CITECAST_OUTPUT ?? '.output';
export const CHROME_EXT = join(ROOT, OUTPUT, 'chrome-mv3');
export const FIREFOX_EXT = join(ROOT, OUTPUT, 'firefox-mv2');

/**
 * The switches every headless Chromium run here starts with (tests and benches): no sandbox in
 * the container, no GPU, and none of Chromium's own background traffic or first-run screens.
 */
export const CHROMIUM_SWITCHES = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/** Absolute path of a program on PATH, or null. */
export function which(program: string): string | null {
  try {
    const out = execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim();
    return out || null;
  } catch {
    return null;
  }
}

/** Fails with the command to run when the extension has not been built. */
export function requireBuild(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is missing: run \`npm run build\` first`);
  }
}

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** URLs refused by the fake network (everything that is not a fixture). */
  refused: string[];
  close(): Promise<void>;
}

/**
 * Starts Debian's chromium with the Chromium build loaded, serving the fixture pages at their real
 * addresses and refusing every other request.
 */
export async function launchChromium(options: {
  headless: boolean;
  /** The browser's language (`navigator.language`), e.g. `nb-NO`; the default is Chromium's. */
  locale?: string;
  /** Extra command-line switches, e.g. `--enable-unsafe-extension-debugging`. */
  args?: readonly string[];
  /** The unpacked extension to load; the Chromium build by default. */
  extension?: string;
}): Promise<ChromiumSession> {
  const executablePath = which('chromium');
  if (!executablePath) throw new Error('chromium not found: apt-get install -y chromium');
  const extension = options.extension ?? CHROME_EXT;
  requireBuild(extension);
  const profile = mkdtempSync(join(tmpdir(), 'citecast-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless,
    viewport: { width: 1280, height: 900 },
    ...(options.locale ? { locale: options.locale } : {}),
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      ...CHROMIUM_SWITCHES,
      '--disable-quic',
      ...(options.args ?? []),
    ],
  });
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    // The extension's own files (popup.html, its scripts) never touch the network.
    if (url.startsWith('chrome-extension://')) return route.continue();
    const response = fixtureResponse(url);
    if (response) {
      await route.fulfill(response);
    } else {
      refused.push(url);
      await route.abort('blockedbyclient');
    }
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    const extensionId = new URL(worker.url()).host;
    return { context, worker, extensionId, refused, close };
  } catch (error) {
    await close();
    throw new Error(`the extension's service worker did not start: ${String(error)}`, {
      cause: error,
    });
  }
}

/** Sends `type` with `data` from an extension page the way @webext-core/messaging does. */
async function askBackground([type, data]: readonly [string, unknown]): Promise<unknown> {
  type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  // Firefox's `chrome.runtime.sendMessage` answers through a callback only; `browser` is its
  // promise-based namespace, and Chromium has only `chrome`.
  const api =
    (globalThis as unknown as { browser?: Runtime; chrome: Runtime }).browser ??
    (globalThis as unknown as { chrome: Runtime }).chrome;
  const envelope = { id: Math.floor(Math.random() * 1e6), type, data, timestamp: Date.now() };
  const reply = (await api.runtime.sendMessage(envelope)) as { res?: unknown } | undefined;
  return reply && 'res' in reply ? reply.res : reply;
}

/**
 * The protocol's answer to `type` with `data`, asked from an extension page (popup or library)
 * the way @webext-core/messaging asks.
 */
export function request(page: Page, type: string, data?: unknown): Promise<unknown> {
  return page.evaluate(askBackground, [type, data] as const);
}

/** {@link request} from an add-on page in Firefox (see {@link openFirefoxExtensionPage}). */
export function requestFirefox(
  page: PuppeteerPage,
  type: string,
  data?: unknown,
): Promise<unknown> {
  return page.evaluate(askBackground, [type, data] as const);
}

/**
 * Allows `origin` for the extension the way a user does in chrome://extensions ("Site access"),
 * with the call that page makes (`chrome.developerPrivate.addHostPermission`). This alone does
 * NOT grant an optional permission (`permissions.contains` stays false): it lets the extension's
 * own `permissions.request`, from a real click in its page, be answered without the browser's
 * dialog, which no automation can click. So the extension's own request code is what grants it.
 */
export async function allowSiteAccess(session: ChromiumSession, origin: string): Promise<void> {
  const extensions = await session.context.newPage();
  try {
    await extensions.goto('chrome://extensions/');
    await extensions.evaluate(
      ([id, origin]) =>
        (
          globalThis as unknown as {
            chrome: {
              developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
            };
          }
        ).chrome.developerPrivate.addHostPermission(id, origin),
      [session.extensionId, origin] as const,
    );
  } finally {
    await extensions.close();
  }
}

/** Whether the extension holds the host permission `origin` now (asked in its background). */
export function hasHostPermission(worker: Worker, origin: string): Promise<boolean> {
  return worker.evaluate(
    (origin) =>
      (
        globalThis as unknown as {
          chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
        }
      ).chrome.permissions.contains({ origins: [origin] }),
    origin,
  );
}

/** Collects console errors and page errors of `page`. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Opens the extension page at `path` in a new tab of `size`, in the colour `scheme`. */
export async function openExtensionPage(
  session: ChromiumSession,
  path: string,
  size = { width: 1280, height: 860 },
  scheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

/** The add-on's id in the Firefox build (wxt.config.ts, `browser_specific_settings`). */
const FIREFOX_ADDON_ID = 'citecast@citecast.app';

/**
 * The address Firefox gives the add-on's pages in a test run (`moz-extension://<this>/`). Firefox
 * picks a random one per profile unless `extensions.webextensions.uuids` names it; fixing it lets
 * a test open the pages without asking the add-on where it lives.
 */
export const FIREFOX_UUID = '5c1e2a7d-0b3f-4e8a-9c6d-2f4b8a1e7d30';

/** What a Firefox test run reaches beyond web pages. */
export interface FirefoxReach {
  /**
   * Open the add-on's own pages (popup, library) and run script in them. Firefox's WebDriver BiDi
   * refuses to navigate to `moz-extension://` unless the browser starts with
   * `-remote-allow-system-access`; it then navigates, runs script and clicks there, but never
   * reports the page's load (add-on pages are outside the contexts it tracks), so
   * {@link openFirefoxExtensionPage} waits for the document itself.
   */
  extensionPages?: boolean;
  /**
   * Answer the add-on's own `permissions.request` (from a real click) as granted, without the
   * doorhanger no driver can click: Firefox's test switch `extensions.webextOptionalPermissionPrompts`.
   * The add-on's request code still does the granting, as Chromium's tests have it do.
   */
  grantOptionalPermissions?: boolean;
}

/**
 * Starts Debian's firefox-esr headless (puppeteer-core over WebDriver BiDi) with the Firefox build
 * installed as a temporary add-on; answers the browser and the add-on's id. `extension` may also be
 * a packed archive (`.zip`), which Firefox installs as it is.
 */
export async function launchFirefox(
  prefs: Record<string, unknown> = {},
  extension: string = FIREFOX_EXT,
  reach: FirefoxReach = {},
): Promise<{ browser: Browser; id: string }> {
  const executablePath = which('firefox-esr') ?? which('firefox');
  if (!executablePath) throw new Error('firefox-esr not found: apt-get install -y firefox-esr');
  if (!extension.endsWith('.zip')) requireBuild(extension);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    args: reach.extensionPages ? ['-remote-allow-system-access'] : [],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      ...(reach.grantOptionalPermissions
        ? { 'extensions.webextOptionalPermissionPrompts': false }
        : {}),
      ...prefs,
    },
  });
  try {
    return { browser, id: await browser.installExtension(extension) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Opens the add-on's page at `path` (e.g. `library.html#settings`) in a new tab of a browser
 * started with `extensionPages`, and waits until its document has loaded and `ready` (a selector)
 * is in it. Fixture requests from the page are not intercepted: add-on pages fetch nothing.
 */
export async function openFirefoxExtensionPage(
  browser: Browser,
  path: string,
  ready: string,
  size = { width: 1280, height: 860 },
): Promise<PuppeteerPage> {
  const page = await browser.newPage();
  await page.setViewport(size);
  const url = `moz-extension://${FIREFOX_UUID}/${path}`;
  // The navigation happens; only its load event never reaches the driver (see FirefoxReach), so
  // the wait for it is left to time out on its own.
  void page.goto(url, { timeout: 15_000 }).catch(() => undefined);
  // Polled by hand: a wait started before the navigation commits dies with the blank page.
  const loaded = () =>
    page.evaluate(
      (url, ready) =>
        location.href === url &&
        document.readyState === 'complete' &&
        !!document.querySelector(ready),
      url,
      ready,
    );
  await waitFor(
    () => loaded().catch(() => false),
    (done) => done,
    `${path} did not load (or shows no ${ready})`,
  );
  return page;
}

/**
 * Polls `read` every `everyMs` until `ok` (up to `ms`); fails with `what` and the last value.
 * Answers the value that passed.
 */
export async function waitFor<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  ms = 10_000,
  everyMs = 100,
): Promise<T> {
  let value = await read();
  for (const deadline = Date.now() + ms; !ok(value) && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    value = await read();
  }
  assert(ok(value), `${what}: ${JSON.stringify(value)}`);
  return value;
}
