/**
 * The popup's script. It is built as one classic file of its own (WXT's unlisted script), not
 * as popup.html's module: a module popup loaded four files (its chunk, the chunks it shares with
 * the library page, the runtime), about 5 ms more to its first row in the popup bench
 * (scripts/bench-popup.ts).
 */
import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PageSetup } from '@/components/common/i18n';
import { extensionServices } from '@/components/common/services';
import { Popup } from '@/components/Popup';
import { firstRecentSaves } from '@/components/popup/PaperSearch';
import { readSettings } from '@/lib/settings';
import '@/assets/pages.css';

export default defineUnlistedScript(main);

/** Draws the popup into `#app`. */
function main(): void {
  // The popup's two first questions leave together, before anything renders: the settings (its
  // language and theme: nothing shows before them) and the newest saves (its first rows, read
  // cheaply by the background before its search copy is built).
  const firstPage = firstRecentSaves(extensionServices.ask);
  const root = document.getElementById('app');
  if (!root) return;
  void readSettings().then((settings) =>
    render(
      <PageSetup initial={settings}>
        <Popup firstPage={firstPage} />
      </PageSetup>,
      root,
    ),
  );
}
