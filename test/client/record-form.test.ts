import { aliasesToText, changedFields, conflictRows, countOf, patchOf, reapplyPatch, showValue, slugify, textToAliases } from '../../client/record-form';
import { relationshipId, typeChoices } from '../../client/relation-choices';
import { RELATION_RULES } from '../../src/model';
import type { ApiRelationRule } from '../../client/types';

describe('editing forms: pure helpers', () => {
  test('aliases round-trip through text, language tags in brackets', () => {
    const aliases = [{ name: 'KH', lang: null }, { name: 'كتائب حزب الله', lang: 'ar' }, { name: 'Hezbollah Brigades [unit]', lang: null }];
    const text = aliasesToText(aliases);
    expect(text).toBe('KH\nكتائب حزب الله [ar]\nHezbollah Brigades [unit]');
    expect(textToAliases('KH\n  \nكتائب حزب الله [ar]\r\nSaraya [zh-Hant]\nName [not a tag]')).toEqual([
      { name: 'KH' },
      { name: 'كتائب حزب الله', lang: 'ar' },
      { name: 'Saraya', lang: 'zh-Hant' },
      { name: 'Name [not a tag]' },
    ]);
  });

  test('slugs for ids: lowercase ASCII, diacritics and apostrophes dropped, one hyphen between words', () => {
    expect(slugify("Kata'ib Hezbollah")).toBe('kataib-hezbollah');
    expect(slugify('  Asa’ib Ahl al-Ḥaqq (AAH) ')).toBe('asaib-ahl-al-haqq-aah');
    expect(slugify('كتائب')).toBe('');
    expect(slugify('a'.repeat(200)).length).toBe(80);
    expect(relationshipId('iran', 'ALLIED_WITH', 'kataib-hezbollah')).toBe('iran-allied-with-kataib-hezbollah');
    expect(relationshipId('a'.repeat(100), 'BACKS', 'b'.repeat(100)).length).toBeLessThanOrEqual(128);
  });

  test('a patch holds only the changed fields; emptied fields are cleared with null', () => {
    const base = { name: 'A', description: 'old', start: '2013', aliases: [{ name: 'X' }], disputed: false, confidence: null };
    expect(patchOf(base, { name: 'A', description: '', start: '2014', aliases: [{ name: 'X' }], disputed: true, confidence: 0.5 })).toEqual({ description: null, start: '2014', disputed: true, confidence: 0.5 });
    expect(patchOf(base, { ...base, description: 'old', start: '2013' })).toEqual({});
    expect(patchOf({}, { name: 'New', description: '', aliases: [] })).toEqual({ name: 'New' });
  });

  test('a conflict compares base, mine and theirs field by field, and re-applies mine on top except where I keep theirs', () => {
    const base = { name: 'A', description: 'd0', start: '2013', end: '' };
    const mine = { name: 'A', description: 'mine', start: '2014', end: '' };
    const theirs = { name: 'B', description: 'theirs', start: '2013', end: '' };
    const rows = conflictRows(['name', 'description', 'start', 'end'], base, mine, theirs);
    expect(rows.map((row) => [row.field, row.change])).toEqual([
      ['name', 'theirs'],
      ['description', 'both'],
      ['start', 'mine'],
    ]);
    expect(reapplyPatch(rows, new Set())).toEqual({ description: 'mine', start: '2014' });
    expect(reapplyPatch(rows, new Set(['description']))).toEqual({ start: '2014' });
    expect(conflictRows(['name'], base, { name: 'C' }, { name: 'C' })).toEqual([{ field: 'name', base: 'A', mine: 'C', theirs: 'C', change: 'same' }]);
  });

  test('history shows what changed between versions, values as short text', () => {
    expect(changedFields({ id: 'x', name: 'A', aliases: [] }, { id: 'x', name: 'B', aliases: [{ name: 'KH' }], start: '2013' })).toEqual([
      { field: 'name', before: 'A', after: 'B' },
      { field: 'aliases', before: [], after: [{ name: 'KH' }] },
      { field: 'start', before: undefined, after: '2013' },
    ]);
    expect(showValue([{ name: 'KH' }, { name: 'كتائب', lang: 'ar' }])).toBe('KH; كتائب [ar]');
    expect(showValue([{ source: 'article', locator: '¶4', stance: 'CONTRADICTS' }])).toBe('article ¶4 contradicts');
    expect(showValue(null)).toBe('—');
    expect(showValue(0.8)).toBe('0.8');
    // Attributes read as the editor's rows do, not as JSON.
    expect(showValue({ strength: '5000', founded: 2003, tags: ['a', 'b'] })).toBe('strength: 5000; founded: 2003; tags: ["a","b"]');
    expect(showValue(['al-Hashd', 3])).toBe('al-Hashd; 3');
    expect(countOf(1, 'relationship')).toBe('1 relationship');
    expect(countOf(0, 'relationship')).toBe('0 relationships');
  });

  test('the type list offers what the rules allow between the two kinds, and says when swapping would help', () => {
    const rules = RELATION_RULES as unknown as ApiRelationRule[];
    const allowed = (source: string, target: string) => rules.filter((rule) => rule.sourceKinds.includes(source as never) && rule.targetKinds.includes(target as never)).map((rule) => rule.type);
    expect(typeChoices(rules, 'PERSON', 'ORGANIZATION').types).toEqual(allowed('PERSON', 'ORGANIZATION'));
    expect(typeChoices(rules, 'PERSON', 'ORGANIZATION').types).toContain('LEADS');
    expect(typeChoices(rules, 'ORGANIZATION', 'PERSON').types).not.toContain('LEADS');
    expect(typeChoices(rules, 'EVENT', 'STATE').types).toEqual(allowed('EVENT', 'STATE'));
    // Nothing goes from a place to an event; the other way round, TARGETED does.
    expect(typeChoices(rules, 'LOCATION', 'EVENT')).toEqual({ types: [], swapped: allowed('EVENT', 'LOCATION') });
    expect(typeChoices(rules, null, 'EVENT')).toEqual({ types: [], swapped: [] });
  });
});
