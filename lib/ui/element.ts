/** Small DOM building for the plain extension pages (the permission windows). */

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
