import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The paper pages' hosts beyond arxiv.org, which is listed already: PAPER_PAGE_ORIGINS in
// lib/paper-pages.ts (the config cannot load project modules; a unit test keeps the two equal).
const PAPER_HOSTS = [
  'https://huggingface.co/*',
  'https://www.alphaxiv.org/*',
  'https://alphaxiv.org/*',
  'https://openreview.net/*',
];

// Zotero's port on this machine: zoteroPermission() in lib/zotero/client.ts, kept equal by a unit
// test. Firefox's match patterns hold no port (one with a port is stored but matches no address),
// so Firefox asks for the loopback address as a whole.
const zoteroHost = (browser: string) =>
  browser === 'firefox' ? 'http://127.0.0.1/*' : 'http://127.0.0.1:23119/*';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: the same files then run unchanged under tsx and vitest.
  imports: false,
  // CITECAST_OUTPUT lets parallel builds (one per working copy of a test run) not share a folder.
  outDir: process.env.CITECAST_OUTPUT ?? '.output',
  // `npm run zip`: the Chrome and Firefox archives and the sources archive Firefox's review asks
  // for, each named with package.json's version. What the demo and the tests write is not source.
  zip: { excludeSources: ['screenshots/**', 'test-results/**', 'store/**'] },
  vite: () => ({
    plugins: [preact()],
    // Both browsers preload modules themselves. Vite's polyfill would be one more script in the
    // popup, whose HTML has no module of its own (entrypoints/popup-app.tsx); WXT still adds its
    // empty plugin loader module to every page.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting: "Read this page" on any other page, only when the user asks
    // (lib/read-page.ts). No host permission beyond the content script's own matches.
    permissions: ['storage', 'activeTab', 'scripting'],
    // Optional hosts, requested from an extension page only when the user asks. The show's feed
    // (lib/catalog): Chromium does not let content-script matches grant the background's fetch.
    // arXiv's API (lib/arxiv, ARXIV_ORIGIN): asked for in the arxiv-grant window on "Find PDFs".
    // Zotero's port on this machine (lib/zotero, ZOTERO_PERMISSION): asked for on the first send;
    // arxiv.org: asked for with it when the user wants the PDFs put into Zotero as files.
    // Paper pages (lib/paper-pages.ts, PAPER_PAGE_ORIGINS): asked for by "Show on paper pages";
    // the card's script is then registered at run time (lib/paper-scripts.ts).
    ...(browser === 'firefox'
      ? {
          optional_permissions: [
            'https://podcast.do-not-panic.com/*',
            'https://export.arxiv.org/*',
            zoteroHost(browser),
            'https://arxiv.org/*',
            ...PAPER_HOSTS,
          ],
        }
      : {
          optional_host_permissions: [
            'https://podcast.do-not-panic.com/*',
            'https://export.arxiv.org/*',
            zoteroHost(browser),
            'https://arxiv.org/*',
            ...PAPER_HOSTS,
          ],
        }),
    action: { default_title: 'Citecast' },
    commands: {
      // Firefox's MV2 names the toolbar button's command `_execute_browser_action`.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+L' },
      },
      // READ_PAGE_COMMAND and READ_PAGE_KEY in lib/read-page.ts (checked by a unit test).
      'read-page': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_commandReadPage__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'citecast@citecast.app',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
