import { dayOf } from '../../client/dates';
import { bucketSpan, dayX } from '../../client/timeline-scale';

describe('the timeline on the slider scale', () => {
  const range = { earliest: '2000-01-01', latest: '2024-04-21' };
  const width = 1000;
  const share = (day: string) => (dayOf(day) - dayOf(range.earliest)) / (dayOf(range.latest) - dayOf(range.earliest));

  it('puts a day where the slider thumb stands for it, clamped to the ends', () => {
    expect(dayX(range.earliest, range, width)).toBe(0);
    expect(dayX(range.latest, range, width)).toBe(width);
    expect(dayX('2016-07-01', range, width)).toBeCloseTo(share('2016-07-01') * width, 9);
    expect(dayX('1990-05-05', range, width)).toBe(0);
    expect(dayX('2030-01-01', range, width)).toBe(width);
    expect(dayX('2010-01-01', { earliest: '2010-01-01', latest: '2010-01-01' }, width)).toBe(0);
  });

  it('spans a bucket from its first day to the day after its last, cut at the slider ends', () => {
    const year = bucketSpan({ start: '2016-01-01', end: '2016-12-31' }, range, width)!;
    expect(year.x1).toBeCloseTo(share('2016-01-01') * width, 9);
    expect(year.x2).toBeCloseTo(share('2017-01-01') * width, 9);
    // Years side by side touch: no gap, no overlap.
    expect(bucketSpan({ start: '2017-01-01', end: '2017-12-31' }, range, width)!.x1).toBeCloseTo(year.x2, 9);
    // The last year of data ending in April stops at the slider's end.
    expect(bucketSpan({ start: '2024-01-01', end: '2024-12-31' }, range, width)!.x2).toBe(width);
  });

  it('leaves out buckets outside the range, and keeps a one-pixel bar for a tiny one', () => {
    expect(bucketSpan({ start: '1990-01-01', end: '1990-12-31' }, range, width)).toBeNull();
    expect(bucketSpan({ start: '2025-01-01', end: '2025-12-31' }, range, width)).toBeNull();
    const day = bucketSpan({ start: range.latest, end: range.latest }, range, 100)!;
    expect(day.x2 - day.x1).toBe(1);
    expect(day.x2).toBeLessThanOrEqual(100);
    expect(day.x1).toBeGreaterThanOrEqual(0);
  });
});
