/**
 * The small window that asks for the optional arXiv host permission (opened by the background
 * when "Find PDFs" is pressed without it). It says exactly what is sent, asks only on a click,
 * and turns the `arxivLookup` setting on once allowed; the page that asked carries on by itself
 * (it follows the setting). It can also turn lookups off again.
 */
import '@/assets/arxiv-grant.css';
import { hasArxivPermission, requestArxivAccess, revokeArxivAccess } from '@/lib/arxiv/permission';
import { translator } from '@/lib/i18n/pages';
import { localeFor } from '@/lib/i18n/translate';
import { readSettings } from '@/lib/settings';
import { element } from '@/lib/ui/element';

/** The window follows the browser's language, as the page controls that open it do. */
const { t, locale } = translator(localeFor(globalThis.navigator?.language));

async function main(): Promise<void> {
  const app = document.getElementById('app');
  if (!app) return;
  document.documentElement.lang = locale;
  document.title = t('arxiv.grantTitle');
  const status = element('p', '', 'status');
  status.setAttribute('role', 'status');
  const allow = element('button', t('arxiv.grantAllow'), 'primary');
  allow.type = 'button';
  allow.dataset.action = 'arxiv-allow';
  const off = element('button', t('arxiv.grantOff'));
  off.type = 'button';
  off.dataset.action = 'arxiv-off';
  const close = element('button', t('arxiv.grantClose'));
  close.type = 'button';
  close.dataset.action = 'arxiv-close';
  const buttons = element('p', '', 'buttons');
  buttons.append(allow, off, close);
  const list = document.createElement('ul');
  for (const key of ['arxiv.grantSends', 'arxiv.grantPace', 'arxiv.grantNever'] as const) {
    list.append(element('li', t(key)));
  }
  app.append(
    element('h1', t('arxiv.grantTitle')),
    element('p', t('arxiv.grantWhat')),
    list,
    buttons,
    status,
  );

  const show = async () => {
    const [permission, settings] = await Promise.all([hasArxivPermission(), readSettings()]);
    const on = permission && settings.arxivLookup;
    app.dataset.state = on ? 'on' : 'off';
    allow.hidden = on;
    off.hidden = !on;
    if (on) status.textContent = t('arxiv.grantIsOn');
  };

  allow.addEventListener('click', () => {
    // The request is the click's first call: the browser grants optional permissions only there.
    const asking = requestArxivAccess();
    status.textContent = t('arxiv.grantAsking');
    void asking.then(async (outcome) => {
      status.textContent =
        outcome === 'granted'
          ? t('arxiv.grantDone')
          : outcome === 'refused'
            ? t('arxiv.grantRefused')
            : t('arxiv.grantError');
      status.classList.toggle('error', outcome !== 'granted');
      await show();
    });
  });
  off.addEventListener('click', () => {
    void revokeArxivAccess().then(async () => {
      status.textContent = t('arxiv.grantTurnedOff');
      await show();
    });
  });
  close.addEventListener('click', () => window.close());
  await show();
}

void main();
