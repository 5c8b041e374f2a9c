/*
 * The one rule for text in records (names, aliases, titles, descriptions, notes, attribute values), applied alike to
 * data files, imports and mutations (the record checks of src/load run for all three).
 *
 * Refused: characters that cannot be stored, exported or shown faithfully — NUL and the other C0 controls (tab, line
 * feed and carriage return excepted, and those only in free text), DEL and the C1 controls, lone surrogates (no UTF-8
 * encoding exists for them: PostgreSQL, YAML writers and XML all fail or substitute), and the noncharacters
 * U+FFFE/U+FFFF.
 *
 * Kept, as data: bidirectional controls (RLO, isolates, marks) and zero-width characters. Real names need some of them
 * (ZWNJ in Persian, marks in mixed Arabic and Latin text), and refusing them would lose what a source wrote; the
 * client shows each of them as a visible marker (hiddenParts below), so a name cannot hide text or reorder what is
 * around it, and imports note the names that hold them.
 */

// In unicode mode a surrogate pair is one code point above U+FFFF, so the surrogate range matches lone halves only.
const REFUSED_IN_LINE = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/u;
const REFUSED_IN_FREE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/u;


const NAMES: Readonly<Record<number, string>> = { 0: 'NUL', 9: 'TAB', 10: 'LINE FEED', 13: 'CARRIAGE RETURN', 0x7f: 'DEL', 0x85: 'NEXT LINE' };

export function codePointLabel(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[code] ? `${hex} (${NAMES[code]})` : hex;
}

/**
 * Why a text cannot be stored, or null when it can. `lines: 'one'` is for names, titles, locators and other one-line
 * text (no line breaks or tabs either); `'many'` for descriptions, notes and attribute values.
 */
export function textProblem(text: string, lines: 'one' | 'many'): string | null {
  const match = (lines === 'one' ? REFUSED_IN_LINE : REFUSED_IN_FREE_TEXT).exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  const kind = code >= 0xd800 && code <= 0xdfff ? 'a lone surrogate' : code === 0xfffe || code === 0xffff ? 'a noncharacter' : lines === 'one' && (code === 9 || code === 10 || code === 13) ? 'a tab or line break' : 'a control character';
  return `holds ${codePointLabel(code)}, ${kind}, at character ${match.index + 1}`;
}

/** Short names of the characters a name may hold but that show as nothing (or move the text around them). */
export const HIDDEN_CHARACTER_NAMES: Readonly<Record<string, string>> = {
  '\u00AD': 'SHY',
  '\u034F': 'CGJ',
  '\u061C': 'ALM',
  '\u115F': 'HCF',
  '\u1160': 'HJF',
  '\u17B4': 'KIV',
  '\u17B5': 'KIV',
  '\u180E': 'MVS',
  '\u200B': 'ZWSP',
  '\u200C': 'ZWNJ',
  '\u200D': 'ZWJ',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2060': 'WJ',
  '\u2061': 'FA',
  '\u2062': 'IT',
  '\u2063': 'IS',
  '\u2064': 'IP',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
  '\u3164': 'HF',
  '\uFEFF': 'BOM',
  '\uFFA0': 'HWHF',
};

const HIDDEN = new RegExp(`[${Object.keys(HIDDEN_CHARACTER_NAMES).join('')}\\u206A-\\u206F]`, 'u');

/**
 * Zero-width joiners and non-joiners are part of the spelling in cursive and Indic scripts (Persian writes ZWNJ in
 * most plural forms) and of emoji sequences: between two such letters they are shown as they are meant to be.
 */
const JOINING = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Extended_Pictographic}\p{Mn}]/u;

export interface HiddenCharacter {
  /** The character itself. */
  readonly character: string;
  /** Its short name (RLO, ZWSP, …) or its code point. */
  readonly label: string;
  /** U+XXXX. */
  readonly codePoint: string;
}

/**
 * A text cut into plain runs and the hidden characters between them, so that a display can show each hidden one as a
 * visible marker: a name cannot hide text or reorder what is around it. A text with nothing hidden is one run.
 */
export function hiddenParts(text: string): (string | HiddenCharacter)[] {
  if (!HIDDEN.test(text)) return [text];
  const parts: (string | HiddenCharacter)[] = [];
  const characters = Array.from(text);
  let run = '';
  characters.forEach((character, index) => {
    const joinerInScript = (character === '\u200C' || character === '\u200D') && JOINING.test(characters[index - 1] ?? '') && JOINING.test(characters[index + 1] ?? '');
    if (!HIDDEN.test(character) || joinerInScript) {
      run += character;
      return;
    }
    if (run) parts.push(run);
    run = '';
    const code = character.codePointAt(0)!;
    const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    parts.push({ character, label: HIDDEN_CHARACTER_NAMES[character] ?? codePoint, codePoint });
  });
  if (run) parts.push(run);
  return parts;
}

/** The text with each hidden character written as a marker, for places that show plain text only (canvas labels). */
export function visibleText(text: string): string {
  return hiddenParts(text)
    .map((part) => (typeof part === 'string' ? part : `⟨${part.label}⟩`))
    .join('');
}

/** True when a text holds characters that show as nothing or reorder the text around them. */
export function hasHiddenCharacters(text: string): boolean {
  return hiddenParts(text).some((part) => typeof part !== 'string');
}
