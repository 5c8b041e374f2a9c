import { dayOf, isoOf } from './dates';

/**
 * Where the timeline draws a bucket: on the time slider's own scale, so each bar stands under the slider positions of
 * its days. The slider runs from the data's earliest to its latest day; a bucket reaching past them (the year 2024 of
 * data that ends in April) is cut at the slider's ends.
 */

export interface DayRange {
  readonly earliest: string;
  readonly latest: string;
}

/** The x (0 … width) of a day on a slider over `range` that is `width` wide, between the thumb's first and last positions. */
export function dayX(day: string, range: DayRange, width: number): number {
  const lo = dayOf(range.earliest);
  const hi = dayOf(range.latest);
  if (hi <= lo) return 0;
  return ((Math.min(hi, Math.max(lo, dayOf(day))) - lo) / (hi - lo)) * width;
}

/** A bucket's span (from its first day to the day after its last, cut to the range; a pixel at least), or null when it is outside. */
export function bucketSpan(bucket: { readonly start: string; readonly end: string }, range: DayRange, width: number): { x1: number; x2: number } | null {
  if (bucket.end < range.earliest || bucket.start > range.latest) return null;
  const x1 = dayX(bucket.start, range, width);
  const x2 = dayX(isoOf(dayOf(bucket.end) + 1), range, width);
  if (x2 - x1 >= 1) return { x1, x2 };
  // At least a pixel, to click on, within the slider's width.
  const end = Math.min(width, x1 + 1);
  return { x1: Math.max(0, end - 1), x2: end };
}
