/**
 * The small window that asks for Zotero's port (opened when a page's Zotero button is pressed
 * before the permission was given). It says what is sent and where, asks only on a click, and
 * offers to upload the PDFs too (which lets Citecast fetch them from arxiv.org). The page that
 * asked sends once the user presses its button again.
 */
import '@/assets/arxiv-grant.css';
import { translator } from '@/lib/i18n/pages';
import { localeFor } from '@/lib/i18n/translate';
import { hasZoteroPermission, requestZoteroAccess } from '@/lib/zotero/grant';
import { element } from '@/lib/ui/element';

/** The window follows the browser's language, as the page controls that open it do. */
const { t, locale } = translator(localeFor(globalThis.navigator?.language));

async function main(): Promise<void> {
  const app = document.getElementById('app');
  if (!app) return;
  document.documentElement.lang = locale;
  document.title = t('zotero.grantTitle');
  const status = element('p', '', 'status');
  status.setAttribute('role', 'status');
  const pdfs = document.createElement('input');
  pdfs.type = 'checkbox';
  pdfs.id = 'zotero-pdfs';
  const pdfsLabel = element('label', ` ${t('zotero.grantPdfs')}`);
  pdfsLabel.prepend(pdfs);
  const allow = element('button', t('zotero.grantAllow'), 'primary');
  allow.type = 'button';
  allow.dataset.action = 'zotero-allow';
  const close = element('button', t('arxiv.grantClose'));
  close.type = 'button';
  close.dataset.action = 'zotero-close';
  const buttons = element('p', '', 'buttons');
  buttons.append(allow, close);
  app.append(
    element('h1', t('zotero.grantTitle')),
    element('p', t('zotero.grantWhat')),
    element('p', t('zotero.grantRunning')),
    element('p', '', 'option'),
    buttons,
    status,
  );
  app.querySelector('.option')?.append(pdfsLabel);

  allow.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    // The request is the click's first call: the browser grants optional permissions only there.
    const asking = requestZoteroAccess(pdfs.checked);
    status.textContent = t('arxiv.grantAsking');
    void asking.then((outcome) => {
      status.textContent =
        outcome === 'granted'
          ? t('zotero.grantDone')
          : outcome === 'refused'
            ? t('zotero.grantRefused')
            : t('arxiv.grantError');
      status.classList.toggle('error', outcome !== 'granted');
      allow.hidden = outcome === 'granted';
    });
  });
  close.addEventListener('click', () => window.close());
  if (await hasZoteroPermission()) {
    allow.hidden = true;
    status.textContent = t('zotero.grantDone');
  }
}

void main();
