/**
 * The order in which a big episode list is read and annotated: the blocks on screen first (so a
 * listener sees controls where they look within a moment), then the rest by their distance from
 * the viewport, nearest first. Pure: it gets each block's vertical extent.
 */

/** A block's top and bottom relative to the viewport (`getBoundingClientRect`). */
export interface BlockExtent {
  top: number;
  bottom: number;
}

/** Whether a block overlaps the viewport `[0, height)`. */
export function isOnScreen(block: BlockExtent, height: number): boolean {
  return block.bottom > 0 && block.top < height;
}

/**
 * The indexes of `blocks` in reading order: those overlapping the viewport `[0, height)` first,
 * in page order, then the others by distance from it (ties in page order).
 */
export function visibleFirst(blocks: readonly BlockExtent[], height: number): number[] {
  // Off-screen blocks are at least 1 away, even one whose edge touches the viewport's.
  const distance = (b: BlockExtent) =>
    isOnScreen(b, height) ? 0 : b.bottom <= 0 ? 1 - b.bottom : b.top - height + 1;
  return blocks
    .map((block, index) => ({ index, distance: distance(block) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map((entry) => entry.index);
}
