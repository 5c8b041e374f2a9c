import { onFirstUse, partialDateProblem, toInterval } from '../model';
import { chrono } from './language-libraries';

/** A date the text states, resolved to a partial ISO date as precise as the text is. */
export interface DateMention {
  /** UTF-16 offsets in the paragraph. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly value: string;
  /** True when the year was not written but taken from the paragraph or the publication date. */
  readonly yearImplied: boolean;
}

/** chrono's casual English parser, plus bare years ("in 2014", "the 2003 invasion"), which it leaves alone. */
const parser = onFirstUse(() => {
  const custom = chrono().casual.clone();
  custom.parsers.push({
    // chrono drops results that are bare numbers, so the word before the year is part of the match.
    pattern: () => /\b(?:in|since|by|until|till|from|during|of|the|early|late|mid|between|and|to|around|before|after|through)[ -](1[89]\d{2}|20\d{2})(?!\d|,\d|\.\d|s\b|-\d)/i,
    extract: (_context, match) => ({ year: Number(match[1]) }),
  });
  return custom;
});

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isoDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * The dates of one paragraph, anchored at the publication date: "on Friday" is the Friday before it, "last month" the
 * month before. A month or day written without a year takes the last year written earlier in the paragraph (a story
 * told in order), else the publication's year, stepping back a year if that would put it after the publication.
 * Dates after the publication are left out: reporting cannot attest them.
 */
export function readDates(paragraph: string, published: string): DateMention[] {
  const anchor = toInterval(published);
  const reference = new Date(anchor.lo * 86_400_000 + 12 * 3_600_000);
  const results = parser().parse(paragraph, { instant: reference, timezone: 0 });
  const dates: DateMention[] = [];
  let narrativeYear: number | null = null;
  for (const result of results) {
    const components = result.start;
    const certainYear = components.isCertain('year');
    const certainMonth = components.isCertain('month');
    const certainDay = components.isCertain('day') || components.isCertain('weekday');
    if (!certainYear && !certainMonth && !certainDay) continue;
    const date = components.date();
    let year = date.getUTCFullYear();
    const yearImplied = !certainYear && (certainMonth || (certainDay && !isRelative(result.text)));
    if (yearImplied && certainMonth) {
      year = narrativeYear ?? year;
      const candidate = isoDay(new Date(Date.UTC(year, date.getUTCMonth(), date.getUTCDate())));
      if (toInterval(candidate).lo > anchor.hi && narrativeYear === null) year -= 1;
    }
    const month = date.getUTCMonth() + 1;
    const value = certainDay || (certainMonth && components.isCertain('day'))
      ? `${year}-${pad(month)}-${pad(date.getUTCDate())}`
      : certainMonth
        ? `${year}-${pad(month)}`
        : `${year}`;
    if (certainYear && !isRelative(result.text)) narrativeYear = year;
    if (partialDateProblem(value) !== null || toInterval(value).lo > anchor.hi) continue;
    const text = result.text.replace(/[\s,.;:]+$/, '');
    dates.push({ start: result.index, end: result.index + text.length, text, value, yearImplied });
  }
  return dates;
}

const RELATIVE = /\b(ago|last|next|this|yesterday|today|tomorrow|earlier|later|previous|past|coming)\b/i;

function isRelative(text: string): boolean {
  return RELATIVE.test(text);
}
