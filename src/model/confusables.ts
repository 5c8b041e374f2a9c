import { hiddenParts } from './text';

/*
 * Names written to imitate another with look-alike letters ("Hezbоllah" with a Cyrillic о, "Kata\u200Bib" with a
 * zero-width space) — homoglyphs. A skeleton in the manner of Unicode TS #39: compatibility-normalised (fullwidth and
 * mathematical letters become plain ones), hidden characters dropped, and each letter that looks like a Latin one (or,
 * in Arabic script, like its Persian form) replaced by it. Two different names with one skeleton look alike.
 * The table covers the scripts met in this project's sources (Latin, Cyrillic, Greek, Armenian, Arabic and Persian),
 * not the whole of TS #39's confusables.txt.
 */

const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ь: 'b', к: 'k', м: 'm', н: 'h', т: 't', ё: 'ë', ї: 'ï',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I',
  // Greek
  α: 'a', ο: 'o', ν: 'v', ρ: 'p', υ: 'u', ι: 'i', κ: 'k', ϲ: 'c', ϳ: 'j', τ: 't',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', Ϲ: 'C',
  // Armenian
  օ: 'o', ս: 'u', ց: 'g', հ: 'h', ո: 'n', զ: 'q', Տ: 'S', Օ: 'O',
  // Latin look-alikes of other Latin letters
  ı: 'i', ȷ: 'j', ɑ: 'a', ɡ: 'g', ǀ: 'l', ꓲ: 'I',
  // Arabic letters and their Persian forms, which look the same in most fonts
  '\u064A': '\u06CC', '\u0649': '\u06CC', '\u0643': '\u06A9', '\u06C0': '\u0647\u0654',
};

/** The skeleton of a text: texts that look alike have the same one. */
export function confusableSkeleton(text: string): string {
  const visible = hiddenParts(text.normalize('NFKC'))
    .filter((part): part is string => typeof part === 'string')
    .join('');
  let skeleton = '';
  for (const character of visible) skeleton += LOOK_ALIKES[character] ?? character;
  return skeleton.normalize('NFC');
}

/** The characters of a text that its skeleton replaces or drops: what makes a look-alike name differ. */
export function lookAlikeCharacters(text: string): string[] {
  const found: string[] = [];
  Array.from(text).forEach((character, index) => {
    const replaced = LOOK_ALIKES[character] !== undefined || character.normalize('NFKC') !== character || hiddenParts(character).some((part) => typeof part !== 'string');
    if (replaced) found.push(`U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${index + 1}`);
  });
  return found;
}
