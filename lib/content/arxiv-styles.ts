/**
 * The arXiv lookup's own styles inside Citecast's shadow roots (adopted after the shared
 * CONTROL_STYLES of ./styles.ts, so they add to them and change nothing else).
 */
export const ARXIV_STYLES = `
:host { position: relative; }
/*
 * A source's lookup status, its actions and the abstract button sit in a slot of one width,
 * whatever it holds (nothing, "looking up…", "found 96 %" and its buttons), wide enough for the
 * longest buttons in English and Norwegian; a long label is cut with an ellipsis (its tooltip
 * says it all). The host page must not tell what was looked up, linked or turned on by
 * measuring the hosts.
 */
.arxiv {
  display: inline-flex; align-items: center; gap: 4px; color: var(--cc-fg);
  flex: none; overflow: hidden; white-space: nowrap;
}
.arxiv[data-slot='lookup'] { width: 22em; }
.arxiv[data-slot='info'] { width: 9em; }
.arxiv button { flex: none; }
.arxiv-label {
  display: inline-block; height: 18px; line-height: 16px; box-sizing: border-box; padding: 0 7px;
  border: 1px dashed var(--cc-line); border-radius: 9px; background: var(--cc-bg);
  flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis;
}
.arxiv[data-arxiv-state='found'] .arxiv-label, .arxiv[data-arxiv-state='linked'] .arxiv-label { font-weight: 700; border-style: solid; }
.arxiv[data-arxiv-state='maybe'] .arxiv-label { font-style: italic; }
.arxiv[data-arxiv-state='error'] { color: #b91c1c; }
@media (prefers-color-scheme: dark) { .arxiv[data-arxiv-state='error'] { color: #fca5a5; } }
.arxiv-preview {
  position: absolute; z-index: 2147483647; top: calc(100% + 4px); left: 0;
  width: 380px; max-width: 80vw; box-sizing: border-box;
  padding: 8px 10px; border: 1px solid var(--cc-line); border-radius: 8px;
  background: var(--cc-bg); color: var(--cc-fg);
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2);
  font: 400 12px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  white-space: normal; text-align: left;
}
.arxiv-preview .p-title { font-weight: 700; margin-bottom: 2px; }
.arxiv-preview .p-authors, .arxiv-preview .p-versions { color: var(--cc-muted); }
.arxiv-preview .p-revision { margin: 4px 0; font-weight: 600; }
.arxiv-preview .p-revision[data-revised='true'] { color: #b45309; }
@media (prefers-color-scheme: dark) { .arxiv-preview .p-revision[data-revised='true'] { color: #fbbf24; } }
.arxiv-preview .p-summary { max-height: 180px; overflow: auto; }
`;
