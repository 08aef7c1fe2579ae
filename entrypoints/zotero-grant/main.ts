/**
 * The small window that asks for Zotero's port (opened when a page's Zotero button is pressed
 * before the permission was given). It says what is sent and where, asks only on a click, and
 * offers to upload the PDFs too (which lets Citecast fetch them from arxiv.org). The page that
 * asked sends once the user presses its button again.
 */
import '@/assets/arxiv-grant.css';
import { writeSettings } from '@/lib/settings';
import { hasZoteroPermission, requestZoteroAccess, zoteroPdfsOn } from '@/lib/zotero/grant';
import { element, grantWindow, t } from '@/lib/ui/grant-window';

const pdfs = document.createElement('input');
pdfs.type = 'checkbox';
pdfs.id = 'zotero-pdfs';
const pdfsLabel = element('label', ` ${t('zotero.grantPdfs')}`);
pdfsLabel.prepend(pdfs);
const option = element('p', '', 'option');
option.append(pdfsLabel);
const parts = grantWindow({
  name: 'zotero',
  body: [element('p', t('zotero.grantWhat')), element('p', t('zotero.grantRunning')), option],
  request: async () => {
    // Asked first, before any await: the browser grants optional permissions only in the click.
    const outcome = await requestZoteroAccess(pdfs.checked);
    // The box is the user's answer either way; unticked leaves arxiv.org to paper pages.
    if (outcome === 'granted' && !pdfs.checked) await writeSettings({ zoteroPdfs: false });
    return outcome;
  },
  after: (outcome) => {
    if (parts) parts.allow.hidden = outcome === 'granted';
  },
});

void zoteroPdfsOn().then((on) => {
  pdfs.checked = on;
});
void hasZoteroPermission().then((granted) => {
  if (granted && parts) {
    parts.allow.hidden = true;
    parts.status.textContent = t('zotero.grantDone');
  }
});
