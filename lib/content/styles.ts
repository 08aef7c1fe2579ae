/**
 * The one stylesheet of the episode pages' shadow roots (adopted by every root, see
 * controls.ts): the base rules every root shares (./base-styles.ts), the save control's, and the
 * bars', panels' and sources' own. Sizes in px: `rem` follows the page.
 */
import { BASE_STYLES } from '@/lib/content/base-styles';
import { SAVE_STYLES } from '@/lib/content/save-control';

/** See the module comment. */
export const CONTROL_STYLES = `${BASE_STYLES}${SAVE_STYLES}
.status { color: var(--cc-fg); font-weight: 600; }
.status:empty { display: none; }
.panels .status {
  padding: 1px 8px; white-space: nowrap;
  border: 1px solid var(--cc-line); border-radius: 9px; background: var(--cc-bg);
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2);
}
.status.error { color: #b91c1c; }
.counts { color: var(--cc-muted); font-weight: 500; padding: 0 2px; }
:host(citecast-episode) {
  display: block;
  width: fit-content;
  max-width: 100%;
  box-sizing: border-box;
  margin: 4px 0 8px;
  padding: 5px 8px;
  border: 1px solid var(--cc-line);
  border-radius: 10px;
  background: var(--cc-bg);
  white-space: normal;
}
/* A big list's off-screen bar, built but kept out of the layout until it is shown. */
:host(citecast-episode[data-citecast-later]) { display: none; }
.bar { flex-wrap: wrap; row-gap: 4px; }
/* Panels and the status line open over the page, below the bar, never growing the host. */
:host(citecast-episode) { position: relative; }
.panels { position: absolute; top: 100%; left: 0; z-index: 2147483647; }
.panels .panel { box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25); }
.list { display: block; }
:host([data-citecast-focus]) {
  outline: 2px solid var(--cc-accent);
  outline-offset: 2px;
  border-radius: 9px;
}
:host(citecast-help) {
  position: fixed;
  right: 16px;
  bottom: 16px;
  z-index: 2147483647;
  display: block;
  margin: 0;
  white-space: normal;
}
.help {
  min-width: 220px;
  padding: 8px 10px;
  border: 1px solid var(--cc-line);
  border-radius: 10px;
  background: var(--cc-bg);
  color: var(--cc-fg);
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25);
}
.help-head { display: flex; align-items: center; gap: 6px; margin-bottom: 6px; }
.help-head strong { flex: 1; font-weight: 700; }
.help dl { display: grid; grid-template-columns: auto 1fr; gap: 3px 10px; margin: 0; }
.help dt, .help dd { margin: 0; }
kbd {
  display: inline-block; min-width: 18px; padding: 0 4px; box-sizing: border-box;
  border: 1px solid var(--cc-line); border-radius: 4px; text-align: center;
  font: 600 11px/16px ui-monospace, SFMono-Regular, Menlo, monospace;
}
.panel {
  display: flex; flex-wrap: wrap; align-items: center; gap: 6px;
  margin: 6px 0 2px; padding: 6px 8px;
  border: 1px solid var(--cc-line); border-radius: 8px;
  background: var(--cc-bg); color: var(--cc-fg);
}
.panel.choose { display: block; min-width: 320px; max-width: 560px; box-sizing: border-box; }
.panel-title { font-weight: 700; }
.panel-head { display: flex; align-items: center; gap: 6px; margin-bottom: 6px; }
.panel-head .panel-title { flex: none; }
.filter {
  flex: 1 1 120px; min-width: 80px; height: 20px; box-sizing: border-box; padding: 0 6px;
  border: 1px solid var(--cc-line); border-radius: 6px;
  background: Canvas; color: CanvasText; font: inherit;
}
.filter:focus-visible { outline: 2px solid var(--cc-accent); outline-offset: 0; }
.choices {
  list-style: none; margin: 0; padding: 2px 0;
  max-height: 220px; overflow-y: auto;
  border-top: 1px solid var(--cc-line); border-bottom: 1px solid var(--cc-line);
}
.choice {
  display: flex; align-items: flex-start; gap: 6px; padding: 2px 2px;
  white-space: normal; cursor: pointer; border-radius: 4px;
}
.choice:hover { background: rgba(91, 33, 182, 0.08); }
.choice[hidden], .none[hidden] { display: none; }
.choice input { margin: 2px 0 0; accent-color: var(--cc-accent); flex: none; }
.choice-label { flex: 1; }
.saved-mark {
  flex: none; padding: 0 5px; border-radius: 7px; font-size: 10px; line-height: 14px;
  background: var(--cc-accent); color: var(--cc-accent-fg);
}
.none { color: var(--cc-muted); padding: 2px; }
.panel-foot { display: flex; gap: 6px; justify-content: flex-end; margin-top: 6px; }
button.primary { background: var(--cc-accent); border-color: var(--cc-accent); color: var(--cc-accent-fg); }
.ep-state {
  display: inline-flex; align-items: center; height: 18px; padding: 0 6px; box-sizing: border-box;
  border: 1px dashed var(--cc-line); border-radius: 9px;
  background: var(--cc-bg); color: var(--cc-muted);
}
.ep-state[data-state='heard']::before { content: '\\2713\\00a0'; }
.ep-state[data-state='heard'] { border-style: solid; background: var(--cc-accent); border-color: var(--cc-accent); color: var(--cc-accent-fg); }
.ep-state[data-state='progress'] { border-style: solid; color: var(--cc-fg); }
/*
 * Slots whose words follow the listener's state (saved, heard and its date, in progress, resume
 * at) keep one width whatever they say, wide enough for the longest label in English and
 * Norwegian; a slot with nothing to say stays, unseen. The host page must not tell saved from
 * unsaved, or heard from new, by measuring the hosts.
 */
button[data-action='heard'], button[data-action='resume'], .ep-state {
  justify-content: center; overflow: hidden; white-space: nowrap;
}
button[data-action='heard'] { width: 12.5em; }
.ep-state { width: 7.5em; }
button[data-action='resume'] { width: 11.5em; }
[data-off] { visibility: hidden; }
/* As wide as the open-pdf button it stands for. */
.pdf-slot {
  display: inline-flex; align-items: center; height: 18px; padding: 0 7px; box-sizing: border-box;
  border: 1px solid transparent;
}
.zmark {
  display: inline-flex; align-items: center; height: 18px; padding: 0 6px; box-sizing: border-box;
  border-radius: 9px; background: #cc2936; color: #fff; font-size: 11px; white-space: nowrap;
}
.counts { font-variant-numeric: tabular-nums; }
.counts .saved-count { display: inline-block; text-align: right; }
a.ep-link {
  display: inline-flex; align-items: center; height: 18px; padding: 0 7px; box-sizing: border-box;
  border: 1px solid var(--cc-line); border-radius: 9px;
  background: var(--cc-bg); color: var(--cc-fg); text-decoration: none; cursor: pointer;
}
a.ep-link::after { content: '\\00a0\\2197'; }
a.ep-link:hover { border-color: var(--cc-accent); }
a.ep-link:focus-visible { outline: 2px solid var(--cc-accent); outline-offset: 1px; }
::slotted(citecast-source) { display: block; margin: 4px 0 0; white-space: normal; }
`;
