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
 * client shows each of them as a visible marker, so a name cannot hide text or reorder what is around it
 * (client/visible-text.ts), and search ignores them.
 */

// In unicode mode a surrogate pair is one code point above U+FFFF, so the surrogate range matches lone halves only.
const REFUSED_IN_LINE = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/u;
const REFUSED_IN_FREE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/** Bidirectional formatting controls and characters that take no room: allowed, but never shown as nothing. */
export const INVISIBLE_CHARACTERS = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

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
