/** Day arithmetic for the time slider, on YYYY-MM-DD strings in UTC. */

const DAY_MS = 86_400_000;

export function dayOf(iso: string): number {
  const [year, month = 1, day = 1] = iso.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The same day n months later (or earlier), clamped to the month's last day. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoOf(Math.round(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last)) / DAY_MS));
}

/** A full day from a partial date: "2024" → "2024-01-01", "2024-03" → "2024-03-01". */
export function fullDay(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

export function clampDay(iso: string, earliest: string, latest: string): string {
  return iso < earliest ? earliest : iso > latest ? latest : iso;
}

export type DateUnit = 'day' | 'month' | 'year';

/** How precise a partial date is: "2015" is a year, "2015-03" a month, "2015-03-09" a day. */
export function precisionOf(date: string): DateUnit {
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}

const RANK: Readonly<Record<DateUnit, number>> = { year: 0, month: 1, day: 2 };

/**
 * Moves a partial date by n units, keeping its precision when the unit is no finer than it ("2015" + 1 year = "2016",
 * "2015" + 1 month = "2015-02", "2015" + 1 day = "2015-01-02"); months clamp to the month's last day.
 */
export function stepDate(date: string, unit: DateUnit, n: number): string {
  const precision = RANK[unit] > RANK[precisionOf(date)] ? unit : precisionOf(date);
  const day = fullDay(date);
  const moved = unit === 'day' ? isoOf(dayOf(day) + n) : addMonths(day, unit === 'month' ? n : 12 * n);
  return precision === 'year' ? moved.slice(0, 4) : precision === 'month' ? moved.slice(0, 7) : moved;
}

/** Keeps a date within a range of days, at its own precision where it can ("1970" before 1980-01-01 gives "1980"). */
export function clampDate(date: string, earliest: string, latest: string): string {
  const first = fullDay(date);
  const last = lastDay(date);
  if (last < earliest) return earliest.slice(0, date.length);
  if (first > latest) return latest.slice(0, date.length);
  return date;
}

/** The last day a partial date covers: "2024" → "2024-12-31", "2024-02" → "2024-02-29". */
export function lastDay(date: string): string {
  const precision = precisionOf(date);
  if (precision === 'day') return date;
  const next = stepDate(date, precision, 1);
  return isoOf(dayOf(fullDay(next)) - 1);
}
