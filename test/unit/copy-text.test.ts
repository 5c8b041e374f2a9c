import { copyRowCount, forEachCopyRow, lastCopyId, unescapeCopy } from '../../src/store/copy-text';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('COPY text pages', () => {
  test('rows are cut into id, version and unescaped record', () => {
    const rows: [string, number, string][] = [];
    forEachCopyRow('a\t1\t{"n":"x\\\\ty"}\nb-2\t3\t{"t":"\\t"}\n', 'relationships', (id, version, record) => rows.push([id, version, record]));
    expect(rows).toEqual([
      ['a', 1, '{"n":"x\\ty"}'],
      ['b-2', 3, '{"t":"\t"}'],
    ]);
  });

  test('a line of other than three fields names the table and shows the line', () => {
    expect(() => forEachCopyRow('a\t1\t{}\nbroken line\n', 'entities', () => undefined)).toThrow("the store's entities table gave a row of other than three fields: broken line");
  });

  test('row count and last id of a page of bytes', () => {
    const page = bytes('r1\t1\t{}\nr2\t1\t{"x":"é"}\nr3\\\\x\t2\t{}\n');
    expect(copyRowCount(page)).toBe(3);
    expect(lastCopyId(page)).toBe('r3\\x');
    expect(copyRowCount(bytes(''))).toBe(0);
    expect(lastCopyId(bytes(''))).toBe('');
    expect(unescapeCopy('no escapes')).toBe('no escapes');
  });
});
