/**
 * Citecast's key help panel (`?` on a page): a `<citecast-help>` host with a closed shadow root
 * that lists the page keys, built with DOM calls only and styled by the shared stylesheet.
 */
import { t } from '@/lib/i18n/index';
import type { ContentEnv } from '@/lib/content/env';
import { KEY_BINDINGS } from '@/lib/content/keymap';
import { createHost, rootOf } from '@/lib/content/roots';
import { CONTROL_STYLES } from '@/lib/content/styles';

/** The tag of the help panel's host. */
export const HELP_TAG = 'citecast-help';

/** The key as the panel shows it. */
function keyLabel(key: string): string {
  return key === 'Escape' ? 'Esc' : key;
}

/**
 * Builds the help panel in `env.document` (not yet in the page): a titled dialog listing every key,
 * with a close button that calls `onClose`.
 */
export function createHelpPanel(
  env: Pick<ContentEnv, 'document' | 'isTrusted' | 'adoptStyles'>,
  onClose: () => void,
): HTMLElement {
  const document = env.document;
  const host = createHost(document, HELP_TAG);
  const root = rootOf(host)!;
  env.adoptStyles(root, CONTROL_STYLES);
  const panel = document.createElement('div');
  panel.className = 'help';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', t('helpTitle'));
  const head = document.createElement('div');
  head.className = 'help-head';
  const mark = document.createElement('span');
  mark.className = 'mark';
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = 'C';
  const title = document.createElement('strong');
  title.textContent = t('helpTitle');
  const close = document.createElement('button');
  close.type = 'button';
  close.dataset.action = 'close-help';
  close.setAttribute('aria-label', t('helpCloseName'));
  close.title = t('helpClose');
  close.textContent = '×';
  close.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (env.isTrusted(event)) onClose();
  });
  head.append(mark, title, close);
  const list = document.createElement('dl');
  for (const binding of KEY_BINDINGS) {
    const term = document.createElement('dt');
    const kbd = document.createElement('kbd');
    kbd.textContent = keyLabel(binding.key);
    term.append(kbd);
    const text = document.createElement('dd');
    text.textContent = t(`key.${binding.action}`);
    list.append(term, text);
  }
  panel.append(head, list);
  root.append(panel);
  return host;
}
