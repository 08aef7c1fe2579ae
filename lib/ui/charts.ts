/** The arithmetic of the statistics' small SVG bar charts (the components draw them). */

/** The smallest of 1, 2, 5 × 10ⁿ that is at least `max` (at least 1): the axis's top. */
export function niceCeiling(max: number): number {
  if (!Number.isFinite(max) || max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** One bar's box in the chart's coordinates (y grows downwards, as in SVG). */
export interface BarBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Boxes of vertical bars for `values` (grouped: `values[i]` is the bars of slot `i`, side by side)
 * in a plot area `width` × `height`, scaled to `top`. Zero gives a zero-height bar at the base.
 */
export function barBoxes(
  values: readonly (readonly number[])[],
  width: number,
  height: number,
  top: number,
  gapRatio = 0.25,
): BarBox[][] {
  const slots = values.length;
  if (slots === 0) return [];
  const slot = width / slots;
  const gap = slot * gapRatio;
  return values.map((group, i) => {
    const barWidth = (slot - gap) / Math.max(1, group.length);
    return group.map((value, k) => {
      const h = top > 0 ? (Math.max(0, value) / top) * height : 0;
      return {
        x: i * slot + gap / 2 + k * barWidth,
        y: height - h,
        width: barWidth,
        height: h,
      };
    });
  });
}

/** Which of `count` slots get an axis label so that at most `max` do (always the last). */
export function labelEvery(count: number, max: number): (index: number) => boolean {
  const step = Math.max(1, Math.ceil(count / Math.max(1, max)));
  return (index) => (count - 1 - index) % step === 0;
}
