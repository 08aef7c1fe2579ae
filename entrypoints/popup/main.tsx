import { render } from 'preact';
import { PageSetup } from '@/components/common/i18n';
import { extensionServices } from '@/components/common/services';
import { Popup } from '@/components/Popup';
import { firstRecentSaves } from '@/components/popup/PaperSearch';
import { readSettings } from '@/lib/settings';
import '@/assets/pages.css';

// The popup's two first questions leave together, before anything renders: the settings (its
// language and theme: nothing shows before them) and the newest saves (its first rows, read
// cheaply by the background before its search copy is built).
const firstPage = firstRecentSaves(extensionServices.ask);
const root = document.getElementById('app');
if (root) {
  void readSettings().then((settings) =>
    render(
      <PageSetup initial={settings}>
        <Popup firstPage={firstPage} />
      </PageSetup>,
      root,
    ),
  );
}
