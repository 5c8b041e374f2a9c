/**
 * Partial ISO dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A partial date stands for the interval of days it covers:
 * "2020" is 2020-01-01..2020-12-31, "2020-01" is 2020-01-01..2020-01-31. Days are counted as integers
 * (days since 1970-01-01, UTC), so comparisons are exact and cheap.
 */
export interface DayInterval {
  /** First day covered. */
  readonly lo: number;
  /** Last day covered (inclusive). */
  readonly hi: number;
}

export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MS_PER_DAY = 86_400_000;

function dayNumber(year: number, monthIndex: number, day: number): number {
  return Math.round(Date.UTC(year, monthIndex, day) / MS_PER_DAY);
}

/** The form of a partial date, for messages; callers state it once, after partialDateProblem's reason. */
export const PARTIAL_DATE_FORM = 'YYYY, YYYY-MM or YYYY-MM-DD';

/** Returns why a value is not a partial ISO date (without restating the form), or null when it is one. */
export function partialDateProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a date written as text';
  const match = PARTIAL_DATE_PATTERN.exec(value);
  if (!match) return `"${value}" is not a date`;
  const [, , month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return `"${value}" has no month ${month}`;
  if (day !== undefined) {
    const year = Number(match[1]);
    const lastDay = new Date(Date.UTC(year, Number(month), 0)).getUTCDate();
    if (Number(day) < 1 || Number(day) > lastDay) return `"${value}" is not a day of the calendar (${match[1]}-${month} has ${lastDay} days)`;
  }
  return null;
}

export function isPartialDate(value: unknown): value is string {
  return partialDateProblem(value) === null;
}

/** The days a valid partial date covers. Call only on validated input. */
export function toInterval(date: string): DayInterval {
  const match = PARTIAL_DATE_PATTERN.exec(date)!;
  const year = Number(match[1]);
  if (match[2] === undefined) return { lo: dayNumber(year, 0, 1), hi: dayNumber(year + 1, 0, 1) - 1 };
  const month = Number(match[2]) - 1;
  if (match[3] === undefined) return { lo: dayNumber(year, month, 1), hi: dayNumber(year, month + 1, 1) - 1 };
  const day = dayNumber(year, month, Number(match[3]));
  return { lo: day, hi: day };
}

/** The ISO day (YYYY-MM-DD) of a day number. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
