/**
 * The small window that asks for the optional arXiv host permission (opened by the background
 * when "Find PDFs" is pressed without it). It says exactly what is sent, asks only on a click,
 * and turns the `arxivLookup` setting on once allowed; the page that asked carries on by itself
 * (it follows the setting). It can also turn lookups off again.
 */
import '@/assets/arxiv-grant.css';
import { hasArxivPermission, requestArxivAccess, revokeArxivAccess } from '@/lib/arxiv/permission';
import { readSettings } from '@/lib/settings';
import { button, element, grantWindow, t } from '@/lib/ui/grant-window';

const off = button(t('arxiv.grantOff'), 'arxiv-off');
const list = document.createElement('ul');
for (const key of ['arxiv.grantSends', 'arxiv.grantPace', 'arxiv.grantNever'] as const) {
  list.append(element('li', t(key)));
}
const parts = grantWindow({
  name: 'arxiv',
  body: [element('p', t('arxiv.grantWhat')), list],
  more: [off],
  request: requestArxivAccess,
  after: () => show(),
});

/** Shows whether lookups are on: the allow button when they are not, the off button when they are. */
async function show(): Promise<void> {
  if (!parts) return;
  const [permission, settings] = await Promise.all([hasArxivPermission(), readSettings()]);
  const on = permission && settings.arxivLookup;
  parts.app.dataset.state = on ? 'on' : 'off';
  parts.allow.hidden = on;
  off.hidden = !on;
  if (on) parts.status.textContent = t('arxiv.grantIsOn');
}

off.addEventListener('click', () => {
  void revokeArxivAccess().then(async () => {
    if (parts) parts.status.textContent = t('arxiv.grantTurnedOff');
    await show();
  });
});
void show();
