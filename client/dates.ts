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
