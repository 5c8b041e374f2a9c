import type { DateUnit } from './dates';

/** The keys of the slider and the date field, as the help text and the README give them. */
export const TIME_KEYS =
  '← → one day · PageUp PageDown one month · Shift+PageUp Shift+PageDown one year · Home End first and last date. In the date field, ↑ ↓ step by what is typed (year, month or day).';

/** What a key does to the date, or null when the key is not ours. */
export function keyStep(key: string, shift: boolean): { unit: DateUnit; n: number } | 'first' | 'last' | null {
  switch (key) {
    case 'ArrowLeft':
      return { unit: 'day', n: -1 };
    case 'ArrowRight':
      return { unit: 'day', n: 1 };
    case 'PageDown':
      return { unit: shift ? 'year' : 'month', n: -1 };
    case 'PageUp':
      return { unit: shift ? 'year' : 'month', n: 1 };
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}
