/**
 * The rules every Citecast shadow root starts from: the host's reset and colours (light and
 * dark follow `prefers-color-scheme`), the "C" mark and the buttons. Sizes in px: `rem` follows
 * the page. Episode pages add ./styles.ts, the paper pages' card its own few rules.
 */
export const BASE_STYLES = `
:host {
  all: initial;
  --cc-accent: #5b21b6;
  --cc-accent-fg: #ffffff;
  --cc-bg: #f5f3ff;
  --cc-fg: #2e1065;
  --cc-line: #c4b5fd;
  --cc-muted: #5b5470;
  display: inline-block;
  vertical-align: baseline;
  margin: 0 2px 0 6px;
  font: 500 11px/16px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: var(--cc-fg);
  white-space: nowrap;
  text-indent: 0;
  letter-spacing: normal;
}
@media (prefers-color-scheme: dark) {
  :host {
    --cc-accent: #a78bfa;
    --cc-accent-fg: #1e1233;
    --cc-bg: #231a36;
    --cc-fg: #ede9fe;
    --cc-line: #5b4a86;
    --cc-muted: #c9bfe6;
  }
}
.group, .bar, .brand { display: inline-flex; align-items: center; gap: 4px; }
.mark {
  display: inline-flex; align-items: center; justify-content: center;
  width: 14px; height: 14px; border-radius: 50%;
  background: var(--cc-accent); color: var(--cc-accent-fg);
  font: 800 9px/1 system-ui, sans-serif;
  flex: none;
}
.brand { font-weight: 700; margin-right: 2px; }
.title { white-space: normal; color: var(--cc-fg); }
button {
  all: unset;
  box-sizing: border-box;
  display: inline-flex; align-items: center;
  height: 18px; padding: 0 7px;
  border: 1px solid var(--cc-line); border-radius: 9px;
  background: var(--cc-bg); color: var(--cc-fg);
  font: inherit; cursor: pointer;
}
button:hover { border-color: var(--cc-accent); }
button:focus-visible { outline: 2px solid var(--cc-accent); outline-offset: 1px; }
button[aria-pressed='true'] {
  background: var(--cc-accent); border-color: var(--cc-accent); color: var(--cc-accent-fg);
}
button[aria-pressed='true']::before { content: '\\2713\\00a0'; }
button:disabled { opacity: 0.55; cursor: default; }
[hidden] { display: none !important; }
`;
