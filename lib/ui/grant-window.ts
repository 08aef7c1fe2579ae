/**
 * The small windows that ask for an optional host permission (arXiv, Zotero's port): a title,
 * what is sent, an allow button that asks only on the user's click, a close button and a status
 * line. Each window's entrypoint says what it sends and adds its own controls.
 */
import { translator } from '@/lib/i18n/pages';
import { localeFor } from '@/lib/i18n/translate';

/** The window follows the browser's language, as the page controls that open it do. */
export const { t, locale } = translator(localeFor(globalThis.navigator?.language));

/** How asking the browser went. */
type GrantOutcome = 'granted' | 'refused' | 'error';

/** A new `tag` element holding `text` (as text, never markup), with `className` when given. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

/** A plain button labelled `label`, its `data-action` `action`. */
export function button(label: string, action: string, className?: string): HTMLButtonElement {
  const el = element('button', label, className);
  el.type = 'button';
  el.dataset.action = action;
  return el;
}

/** What one permission window says and does; its texts are `{name}.grant…` (title, allow, done, refused). */
export interface GrantWindow {
  /** `arxiv` or `zotero`: its texts' prefix, and its buttons' `data-action` one (`arxiv-allow`). */
  name: 'arxiv' | 'zotero';
  /** What the window says between its title and its buttons. */
  body: Node[];
  /** Buttons between the allow and the close button. */
  more?: HTMLButtonElement[];
  /** Asks the browser: the click's first call, as the browser grants optional permissions only there. */
  request(): Promise<GrantOutcome>;
  /** Runs once the status line shows how asking went. */
  after(outcome: GrantOutcome): void | Promise<void>;
}

/** Builds the window `spec` into the page's `#app`: its parts, or `null` without one. */
export function grantWindow(
  spec: GrantWindow,
): { app: HTMLElement; status: HTMLElement; allow: HTMLButtonElement } | null {
  const app = document.getElementById('app');
  if (!app) return null;
  const { name } = spec;
  document.documentElement.lang = locale;
  document.title = t(`${name}.grantTitle`);
  const status = element('p', '', 'status');
  status.setAttribute('role', 'status');
  const allow = button(t(`${name}.grantAllow`), `${name}-allow`, 'primary');
  const close = button(t('arxiv.grantClose'), `${name}-close`);
  const buttons = element('p', '', 'buttons');
  buttons.append(allow, ...(spec.more ?? []), close);
  app.append(element('h1', document.title), ...spec.body, buttons, status);

  allow.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const asking = spec.request();
    status.textContent = t('arxiv.grantAsking');
    void asking.then(async (outcome) => {
      const done =
        outcome === 'granted' ? 'grantDone' : outcome === 'refused' ? 'grantRefused' : null;
      status.textContent = done ? t(`${name}.${done}`) : t('arxiv.grantError');
      status.classList.toggle('error', outcome !== 'granted');
      await spec.after(outcome);
    });
  });
  close.addEventListener('click', () => window.close());
  return { app, status, allow };
}
