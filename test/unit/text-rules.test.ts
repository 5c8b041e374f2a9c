import { confusableSkeleton, hasHiddenCharacters, hiddenParts, lookAlikeCharacters, textProblem, visibleText } from '../../src/model';
import { lookAlikeNotes } from '../../src/load';

describe('text that cannot be stored', () => {
  test.each([
    ['NUL', 'a\u0000b', 'one', 'U+0000 (NUL), a control character, at character 2'],
    ['a lone high surrogate', 'x\ud800', 'one', 'U+D800, a lone surrogate, at character 2'],
    ['a lone low surrogate', '\udc00', 'many', 'U+DC00, a lone surrogate, at character 1'],
    ['a line break in a name', 'two\nlines', 'one', 'U+000A (LINE FEED), a tab or line break'],
    ['U+FFFF', 'x\uffff', 'many', 'U+FFFF, a noncharacter'],
    ['DEL', 'x\u007f', 'many', 'U+007F (DEL), a control character'],
  ] as const)('%s is refused', (_name, text, lines, message) => {
    expect(textProblem(text, lines)).toContain(message);
  });

  test.each([
    ['a pair of surrogates (an emoji)', 'Flag 🇮🇶', 'one'],
    ['line breaks and tabs in free text', 'one\n\ttwo\r\n', 'many'],
    ['a right-to-left override (kept as data)', 'a\u202Eb', 'one'],
    ['Arabic and Persian with a zero-width non-joiner', 'کتائب\u200Cها', 'one'],
  ] as const)('%s is stored', (_name, text, lines) => {
    expect(textProblem(text, lines)).toBeNull();
  });
});

describe('hidden characters shown visibly', () => {
  test('bidi controls and zero-width characters become markers, in order', () => {
    expect(visibleText('Kata\u200Bib \u202EHallobzeh\u202C')).toBe('Kata⟨ZWSP⟩ib ⟨RLO⟩Hallobzeh⟨PDF⟩');
    expect(hiddenParts('a\u2066b')).toEqual(['a', { character: '\u2066', label: 'LRI', codePoint: 'U+2066' }, 'b']);
    expect(visibleText('x\u206Ay')).toBe('x⟨U+206A⟩y');
  });

  test('joiners inside cursive or Indic words and emoji sequences are spelling, not hidden; elsewhere they are marked', () => {
    expect(visibleText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(visibleText('👩\u200D💻')).toBe('👩\u200D💻');
    expect(visibleText('Hez\u200Cbollah')).toBe('Hez⟨ZWNJ⟩bollah');
    expect(hasHiddenCharacters('Hezbollah')).toBe(false);
    expect(hasHiddenCharacters('Hez\u00ADbollah')).toBe(true);
  });
});

describe('look-alike names', () => {
  test('letters of other scripts that look Latin, fullwidth letters and hidden characters share the skeleton of the plain name', () => {
    const plain = confusableSkeleton('Kataib Hezbollah');
    expect(confusableSkeleton('Kataib Hezb\u043Ellah')).toBe(plain); // Cyrillic о
    expect(confusableSkeleton('Κataib Ηezbollah')).toBe(plain); // Greek Κ, Η
    expect(confusableSkeleton('Ｋataib Hezbollah')).toBe(plain); // fullwidth Ｋ
    expect(confusableSkeleton('Kata\u200Bib Hezbollah')).toBe(plain);
    expect(confusableSkeleton('Kataib Hizbollah')).not.toBe(plain);
    // Arabic kaf and yeh look like their Persian forms.
    expect(confusableSkeleton('كتائب')).toBe(confusableSkeleton('کتائب'));
  });

  test('notes name the imitated entity and the characters that differ; the same name twice is no look-alike', () => {
    const known = [{ id: 'badr', name: 'Badr Organization' }];
    expect(lookAlikeNotes([{ record: { id: 'badr-2', name: 'Bаdr Organization' }, file: 'x.csv', line: 4 }], known)).toEqual([
      'x.csv:4: possible duplicate: "Bаdr Organization" (badr-2) looks like "Badr Organization" (badr) but is written with other characters (U+0430 at 2)',
    ]);
    expect(lookAlikeNotes([{ record: { id: 'badr', name: 'Badr Organization' } }], known)).toEqual([]);
    expect(lookAlikeCharacters('Badr')).toEqual([]);
  });
});
