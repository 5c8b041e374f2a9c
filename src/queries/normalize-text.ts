/**
 * Text folding for search: case, diacritics, apostrophes and hamza/ayn marks vanish, so "Kata'ib", "Kataib" and
 * "Kata’ib" are one word, and Arabic short-vowel marks do not matter.
 */
const APOSTROPHES = /['’‘`´ʼʻʿʾ\u0640]/g;
const COMBINING_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

export function foldText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, '').toLowerCase();
}

/**
 * English spellings of one word that folding alone leaves apart and the skeleton (words of five letters or more) does
 * not join: "Shi'ite militias" and "Shia militias" are the same militias. Each maps to one spelling.
 */
const SPELLINGS: ReadonlyMap<string, string> = new Map([['shiite', 'shia'], ['shiites', 'shias'], ['shii', 'shia'], ['shiah', 'shia']]);

export function tokenize(text: string): string[] {
  return foldText(text)
    .split(SEPARATORS)
    .filter(Boolean)
    .map((token) => SPELLINGS.get(token) ?? token);
}

/** Shorter words are not compared by skeleton: "qais" and "aqsa", "babil" and "EBL" share one, yet are not variants. */
export const MIN_SKELETON_WORD = 5;

/** The skeletons a list of words is found by (its words of MIN_SKELETON_WORD letters or more). */
export function skeletonsOf(words: readonly string[]): string[] {
  return words.filter((word) => word.length >= MIN_SKELETON_WORD).map(skeleton);
}

/**
 * A consonant skeleton for transliteration variants: Hezbollah, Hizballah and Hizbullah all become "hzbl";
 * Qasem and Kassem "ksm"; Kataib and Kataeb "ktb". Only Latin words are reduced; other scripts pass unchanged.
 */
export function skeleton(token: string): string {
  if (!/^[a-z]+$/.test(token)) return token;
  const consonants = token
    .replace(/^al(?=[a-z]{3})/, '')
    .replace(/q/g, 'k')
    .replace(/(kh|gh)/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/(?!^)[aeiouyw]/g, '')
    .replace(/^[aeiouy]/, '')
    .replace(/h(?=[^aeiouy]|$)/g, '')
    .replace(/(.)\1+/g, '$1');
  return consonants.length >= 2 ? consonants : token;
}
