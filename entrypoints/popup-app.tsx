/**
 * The popup's script. It is built as one classic file of its own (WXT's unlisted script), not
 * as popup.html's module: a module popup loaded four files (its chunk, the chunks it shares with
 * the library page, the runtime), about 5 ms more to its first row in the popup bench
 * (scripts/bench-popup.ts). popup.html loads it with `blocking="render"`, so the first frame
 * already holds the rows of the snapshot instead of an empty page.
 */
import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { PageSetup } from '@/components/common/i18n';
import { extensionServices } from '@/components/common/services';
import { Popup } from '@/components/Popup';
import { firstRecentSaves } from '@/components/popup/PaperSearch';
import { readSettings, type Settings } from '@/lib/settings';
import type { RecentSaves } from '@/lib/store/library/recent-saves';
import { pageStorage, readPopupSnapshot, writePopupSnapshot } from '@/lib/ui/popup-snapshot';
import '@/assets/pages.css';

export default defineUnlistedScript(main);

/** Draws the popup into `#app`. */
function main(): void {
  // The popup's two first questions leave together, before anything renders: the settings (its
  // language and theme: nothing shows before them) and the newest saves (its first rows, read
  // cheaply by the background before its search copy is built).
  const firstPage = firstRecentSaves(extensionServices.ask);
  const settings = readSettings();
  const version = browser.runtime.getManifest().version;
  const storage = pageStorage();
  // The first screen of the last opening is drawn at once, and replaced by the answers
  // (lib/ui/popup-snapshot.ts); without one, the popup waits for the settings.
  const snapshot = readPopupSnapshot(storage, version);
  const root = document.getElementById('app');
  if (root) {
    const draw = (initial: Settings, placeholder?: RecentSaves) =>
      render(
        <PageSetup initial={initial} recheck={placeholder !== undefined}>
          <Popup firstPage={firstPage} placeholder={placeholder} />
        </PageSetup>,
        root,
      );
    if (snapshot) draw(snapshot.settings, snapshot.recent);
    else void settings.then((s) => draw(s));
  }
  // Kept for the next opening, once both answers are in.
  void Promise.all([settings, firstPage]).then(([current, reply]) => {
    if (reply.ok) writePopupSnapshot(storage, version, { settings: current, recent: reply.value });
  });
}
