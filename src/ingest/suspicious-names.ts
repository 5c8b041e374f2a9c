import type { NameFlag } from './ingest-types';
import { BIDI_CONTROLS, CONFUSABLES, ZERO_WIDTH } from './name-tables';

export interface Unmasked {
  /** The word as it reads: invisible characters removed, look-alike letters replaced by the Latin ones they imitate. */
  readonly text: string;
  readonly flags: readonly NameFlag[];
  readonly reasons: readonly string[];
}

const CONFUSABLE_CHARACTERS = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'gu');

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What a word really is, and what is suspicious about it: right-to-left or other reordering controls, zero-width
 * characters, and Latin words written partly with Cyrillic or Greek look-alikes ("Kаtaib" with a Cyrillic "а").
 */
export function unmask(word: string): Unmasked {
  const flags: NameFlag[] = [];
  const reasons: string[] = [];
  const bidi = word.match(BIDI_CONTROLS);
  if (bidi) {
    flags.push('BIDI_CONTROL');
    reasons.push(`holds a character that reorders text on screen (${[...new Set(bidi)].map(codePoint).join(', ')})`);
  }
  const hidden = word.match(ZERO_WIDTH);
  if (hidden) {
    flags.push('ZERO_WIDTH');
    reasons.push(`holds an invisible character (${[...new Set(hidden)].map(codePoint).join(', ')})`);
  }
  let text = word.replace(BIDI_CONTROLS, '').replace(ZERO_WIDTH, '');
  const lookAlikes = text.match(CONFUSABLE_CHARACTERS);
  if (lookAlikes && /[A-Za-z]/.test(text)) {
    flags.push('MIXED_SCRIPT');
    reasons.push(`mixes Latin letters with look-alike letters of another script (${[...new Set(lookAlikes)].map((character) => `"${character}" ${codePoint(character)}`).join(', ')})`);
    text = text.replace(CONFUSABLE_CHARACTERS, (character) => CONFUSABLES[character]);
  }
  return { text, flags, reasons };
}
