/**
 * The small panels an episode bar opens inside its own shadow root: "open all" asking first when that is many tabs, and "choose which to save". Built with DOM calls only
 * (page text never becomes markup); Enter confirms, Esc closes, and the panel's clicks and keys
 * never reach the page.
 */
import { format, t } from '@/lib/i18n/index';
import { withoutBidi } from '@/lib/core/bidi';
import { filterChoices } from '@/lib/content/bar';
import type { ContentEnv } from '@/lib/content/env';

/** What a panel needs of the page: its document, and whether an event is the user's own. */
export type PanelEnv = Pick<ContentEnv, 'document' | 'isTrusted'>;

/** One paper the choose panel lists. */
export interface Choice {
  /** What the row shows: the source's title (or address). */
  label: string;
  /** Whether the paper is saved already (checked and marked). */
  saved: boolean;
}

/** What a panel gives the bar: its element and what to focus when it opens. */
export interface Panel {
  element: HTMLElement;
  /** The element that takes the focus when the panel opens. */
  first: HTMLElement;
}

/** A panel button with `data-action`, a visible label and an accessible name. */
function panelButton(document: Document, action: string, label: string, name: string) {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.action = action;
  b.textContent = label;
  b.setAttribute('aria-label', name);
  b.title = name;
  return b;
}

/**
 * Keeps the panel's events to itself: a click runs `onClick` (and follows no page link), a key
 * press reaches no page handler; Esc calls `onEscape`, Enter (outside a button) `onEnter`.
 */
function contain(
  isTrusted: PanelEnv['isTrusted'],
  panel: HTMLElement,
  onClick: (target: Element) => void,
  onEnter: () => void,
  onEscape: () => void,
): void {
  panel.addEventListener('click', (event) => {
    event.stopPropagation();
    // Only the user's clicks act, never one a script made up.
    if (!isTrusted(event)) return void event.preventDefault();
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    // A checkbox toggles itself; everything else is Citecast's to act on.
    if (target instanceof HTMLInputElement && target.type === 'checkbox') return;
    event.preventDefault();
    onClick(target);
  });
  panel.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (!isTrusted(event)) return;
    const target = event.composedPath()[0];
    if (event.key === 'Escape' || event.key === 'Esc') {
      event.preventDefault();
      onEscape();
    } else if (event.key === 'Enter' && !(target instanceof HTMLButtonElement)) {
      event.preventDefault();
      onEnter();
    }
  });
}

/**
 * A question with one action: the action's button (`action`, primary) calls `onYes`, Cancel (or
 * Esc) `onNo`; Enter takes the action.
 */
export function buildAskPanel(
  env: PanelEnv,
  question: string,
  action: { id: string; label: string; name: string },
  onYes: () => void,
  onNo: () => void,
): Panel {
  const document = env.document;
  const panel = document.createElement('div');
  panel.className = 'panel confirm';
  panel.setAttribute('role', 'alertdialog');
  const title = document.createElement('span');
  title.className = 'panel-title';
  title.textContent = question;
  title.id = 'citecast-confirm-title';
  panel.setAttribute('aria-labelledby', title.id);
  const yes = panelButton(document, action.id, action.label, action.name);
  yes.classList.add('primary');
  const cancel = panelButton(document, 'confirm-cancel', t('cancel'), t('cancelName'));
  panel.append(title, yes, cancel);
  contain(
    env.isTrusted,
    panel,
    (target) => {
      const clicked = target.closest('button')?.dataset.action;
      if (clicked === action.id) onYes();
      else if (clicked === 'confirm-cancel') onNo();
    },
    onYes,
    onNo,
  );
  return { element: panel, first: yes };
}

/**
 * The "Open 12 PDFs?" panel: Open calls `onOpen`, Cancel (or Esc) `onCancel`; Enter opens.
 */
export function buildConfirmPanel(
  env: PanelEnv,
  count: number,
  onOpen: () => void,
  onCancel: () => void,
): Panel {
  return buildAskPanel(
    env,
    format(t('openAllAsk'), { n: count }),
    { id: 'confirm-open', label: t('open'), name: t('openName') },
    onOpen,
    onCancel,
  );
}

/**
 * The "choose which to save" panel: a filter field that narrows the list as you type, "select
 * all" (of the rows shown), one checkbox per paper (saved ones checked and marked), "save
 * checked" (or Enter) calling `onSave` with the indexes of the choices checked (the saved ones,
 * as the user's own clicks and keys changed them; never a script), "send checked to Zotero"
 * calling `onZotero` with the same indexes when given, and a close button (or Esc) calling
 * `onClose`.
 */
export function buildChoosePanel(
  env: PanelEnv,
  choices: readonly Choice[],
  onSave: (checked: number[]) => void,
  onClose: () => void,
  onZotero?: (checked: number[]) => void,
): Panel {
  const document = env.document;
  const panel = document.createElement('div');
  panel.className = 'panel choose';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', t('chooseTitle'));

  const head = document.createElement('div');
  head.className = 'panel-head';
  const title = document.createElement('span');
  title.className = 'panel-title';
  title.textContent = t('chooseTitle');
  const filter = document.createElement('input');
  filter.type = 'search';
  filter.className = 'filter';
  filter.placeholder = t('filter');
  filter.setAttribute('aria-label', t('filterName'));
  filter.autocomplete = 'off';
  const selectAll = panelButton(document, 'select-all', t('selectAll'), t('selectAllName'));
  head.append(title, filter, selectAll);

  const list = document.createElement('ul');
  list.className = 'choices';
  const boxes: HTMLInputElement[] = [];
  const rows: HTMLElement[] = [];
  choices.forEach((choice, i) => {
    const row = document.createElement('li');
    row.className = 'choice';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = choice.saved;
    box.dataset.index = String(i);
    // The page's text, shown: without the controls that could make it read otherwise.
    const label = withoutBidi(choice.label);
    box.setAttribute('aria-label', label);
    const text = document.createElement('span');
    text.className = 'choice-label';
    text.textContent = label;
    row.append(box, text);
    if (choice.saved) {
      row.classList.add('saved');
      const mark = document.createElement('span');
      mark.className = 'saved-mark';
      mark.textContent = t('saved');
      row.append(mark);
    }
    boxes.push(box);
    rows.push(row);
    list.append(row);
  });
  const none = document.createElement('li');
  none.className = 'none';
  none.textContent = t('chooseNone');
  none.hidden = choices.length > 0;
  list.append(none);

  const foot = document.createElement('div');
  foot.className = 'panel-foot';
  const save = panelButton(document, 'save-checked', t('saveChecked'), t('saveCheckedName'));
  save.classList.add('primary');
  const close = panelButton(document, 'close-panel', t('close'), t('closeName'));
  foot.append(save);
  if (onZotero) {
    foot.append(
      panelButton(document, 'zotero-checked', t('zoteroChecked'), t('zoteroCheckedName')),
    );
  }
  foot.append(close);
  panel.append(head, list, foot);

  const labels = choices.map((c) => c.label);
  filter.addEventListener('input', () => {
    const shown = new Set(filterChoices(labels, filter.value));
    rows.forEach((row, i) => (row.hidden = !shown.has(i)));
    none.hidden = shown.size > 0;
  });
  // What the user ticked or cleared, by index. A box's `checked` alone is not trusted: a page
  // script can set it, so "save checked" takes the user's own changes over what was shown.
  const chosen = new Map<number, boolean>();
  const choose = (i: number, on: boolean) => {
    boxes[i]!.checked = on;
    chosen.set(i, on);
  };
  list.addEventListener('change', (event) => {
    const box = event.composedPath()[0];
    const i = boxes.indexOf(box as HTMLInputElement);
    if (env.isTrusted(event) && i >= 0) chosen.set(i, boxes[i]!.checked);
  });
  const checked = () => choices.flatMap((c, i) => ((chosen.get(i) ?? c.saved) ? [i] : []));
  const saveChecked = () => onSave(checked());
  contain(
    env.isTrusted,
    panel,
    (target) => {
      const action = target.closest('button')?.dataset.action;
      if (action === 'select-all') {
        rows.forEach((row, i) => {
          if (!row.hidden) choose(i, true);
        });
      } else if (action === 'save-checked') {
        saveChecked();
      } else if (action === 'zotero-checked') {
        onZotero?.(checked());
      } else if (action === 'close-panel') {
        onClose();
      } else {
        // A click on a row's text toggles its checkbox.
        const row = target.closest('li.choice');
        const i = row ? rows.indexOf(row as HTMLElement) : -1;
        if (i >= 0) choose(i, !boxes[i]!.checked);
      }
    },
    saveChecked,
    onClose,
  );
  return { element: panel, first: filter };
}
