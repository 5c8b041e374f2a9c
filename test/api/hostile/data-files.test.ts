import { closeSync, copyFileSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGraph, MAX_FILE_BYTES } from '../../../src/load';
import { DataValidationError, type Problem } from '../../../src/model';

// Hostile data files: each case asserts the exact problem at its file and line, that nothing leaked into
// Object.prototype, and that the loader still loads a valid dataset.
afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('data files', () => {
  const BASE = join(__dirname, '..', '..', 'fixtures', 'hostile', 'base');
  const FILES = ['sources.yaml', 'entities.yaml', 'relationships.yaml'] as const;
  type DataFile = (typeof FILES)[number];
  const created: string[] = [];
  afterAll(() => created.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

  const baseLines = (file: DataFile) => readFileSync(join(BASE, file), 'utf8').split('\n').length - 1;

  /** A copy of the base dataset with `content` appended to (or replacing) one file. */
  function dataset(file: DataFile, content: string | Buffer, mode: 'append' | 'replace' = 'append'): string {
    const directory = mkdtempSync(join(tmpdir(), 'proxygraph-hostile-'));
    created.push(directory);
    for (const name of FILES) copyFileSync(join(BASE, name), join(directory, name));
    const existing = mode === 'append' ? readFileSync(join(BASE, file)) : Buffer.alloc(0);
    writeFileSync(join(directory, file), Buffer.concat([existing, Buffer.from(content)]));
    return directory;
  }

  function problemsOf(directory: string): Problem[] {
    try {
      loadGraph(directory);
    } catch (error) {
      if (error instanceof DataValidationError) return [...error.problems];
      throw error;
    }
    throw new Error('the dataset loaded');
  }

  const entity = (id: string, more = '') => `- id: ${id}\n  kind: ORGANIZATION\n  name: Test\n${more}`;
  const relationship = (id: string, more: string) => `- id: ${id}\n  type: BACKS\n  source: iran\n  target: kataib-hezbollah\n${more}`;
  const evidence = '  evidence:\n    - source: report-a\n';

  /** [name, file, content, mode, expected code, line (counted from the first appended line, or absolute when replacing)] */
  const cases: [string, DataFile, string | Buffer, 'append' | 'replace', string, number][] = [
    ['a YAML syntax error', 'entities.yaml', '- id: x\n  name: [unclosed\n', 'append', 'FILE_SYNTAX', 3],
    ['a byte order mark', 'sources.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(BASE, 'sources.yaml'))]), 'replace', 'FILE_BOM', 1],
    ['invalid UTF-8', 'entities.yaml', Buffer.from([0x2d, 0x20, 0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), 'append', 'FILE_ENCODING', 1],
    ['an empty file', 'relationships.yaml', '', 'replace', 'FILE_EMPTY', 0],
    ['an unknown kind', 'entities.yaml', '- id: x\n  kind: MILITIA\n  name: X\n', 'append', 'UNKNOWN_KIND', 2],
    ['an unknown relation type', 'relationships.yaml', '- id: r\n  type: FUNDS\n  source: iran\n  target: kataib-hezbollah\n' + evidence, 'append', 'UNKNOWN_TYPE', 2],
    ['a duplicate id', 'entities.yaml', entity('iran'), 'append', 'DUPLICATE_ID', 1],
    ['a dangling reference', 'relationships.yaml', '- id: r\n  type: BACKS\n  source: iran\n  target: nobody\n' + evidence, 'append', 'DANGLING_REFERENCE', 4],
    ['a bad date', 'entities.yaml', entity('x', '  start: "2020-02-30"\n'), 'append', 'INVALID_DATE', 4],
    ['an end before its start', 'entities.yaml', entity('x', '  start: "2020"\n  end: "2019"\n'), 'append', 'END_BEFORE_START', 5],
    ['a kind the relation type does not allow', 'relationships.yaml', '- id: r\n  type: LEADS\n  source: iran\n  target: kataib-hezbollah\n' + evidence, 'append', 'KIND_NOT_ALLOWED', 3],
    ['missing evidence', 'relationships.yaml', relationship('r', ''), 'append', 'MISSING_EVIDENCE', 1],
    ['an unknown source', 'relationships.yaml', relationship('r', '  evidence:\n    - source: report-z\n'), 'append', 'UNKNOWN_SOURCE', 5],
    ['an unsafe id', 'entities.yaml', entity('Bad Id'), 'append', 'UNSAFE_ID', 1],
    ['a confidence out of range', 'relationships.yaml', relationship('r', '  confidence: 1.5\n' + evidence), 'append', 'CONFIDENCE_RANGE', 5],
    ['the id "__proto__"', 'entities.yaml', entity('__proto__'), 'append', 'UNSAFE_ID', 1],
    ['the id "constructor"', 'entities.yaml', entity('constructor'), 'append', 'UNSAFE_ID', 1],
    ['the id "tostring"', 'entities.yaml', entity('tostring').replace('tostring', 'toString'), 'append', 'UNSAFE_ID', 1],
    ['an attribute named "__proto__"', 'entities.yaml', entity('x', '  attributes:\n    __proto__:\n      polluted: yes\n'), 'append', 'UNSAFE_KEY', 4],
    ['an attribute named "constructor"', 'entities.yaml', entity('x', '  attributes:\n    constructor: 1\n'), 'append', 'UNSAFE_KEY', 4],
    ['a javascript: URL in a source', 'sources.yaml', '- id: evil\n  title: Evil\n  url: "javascript:alert(1)"\n', 'append', 'UNSAFE_URL', 3],
    ['"__proto__" at the top of a record', 'entities.yaml', entity('x', '  __proto__:\n    polluted: yes\n'), 'append', 'UNKNOWN_FIELD', 4],
    ['"__proto__" in an evidence item', 'relationships.yaml', relationship('r', '  evidence:\n    - source: report-a\n      __proto__: { polluted: yes }\n'), 'append', 'UNKNOWN_FIELD', 5],
    ['"__proto__" in an alias', 'entities.yaml', entity('x', '  aliases:\n    - name: X\n      __proto__: { polluted: yes }\n'), 'append', 'UNKNOWN_FIELD', 4],
    ['a "<<" merge key', 'entities.yaml', '- &base\n  id: x\n  kind: STATE\n  name: X\n- <<: *base\n  id: y\n  __proto__: { polluted: yes }\n', 'append', 'UNKNOWN_FIELD', 5],
    [
      'a billion-laughs alias bomb',
      'entities.yaml',
      '- id: lol\n  kind: STATE\n  name: X\n  attributes:\n    a: &a lol\n' +
        '  aliases: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  description: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  start: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n  end: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n',
      'append',
      'FILE_ALIASES',
      1,
    ],
    ['collections nested 10,000 deep (flow)', 'entities.yaml', `- id: x\n  name: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'append', 'FILE_TOO_DEEP', 2],
    ['collections nested 200 deep (block)', 'entities.yaml', '- id: x\n' + Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 * (i + 1))}k${i}:`).join('\n') + ' 1\n', 'append', 'FILE_TOO_DEEP', 65],
    ['two YAML documents in one file', 'sources.yaml', '---\n- id: more\n  title: More\n', 'append', 'FILE_SYNTAX', 1],
    ['a file that is a map, not a list', 'sources.yaml', 'id: report-a\ntitle: Not a list\n', 'replace', 'FILE_SHAPE', 1],
    ['a NUL in a name', 'entities.yaml', '- id: x\n  kind: STATE\n  name: "Nul\\0Name"\n', 'append', 'INVALID_TEXT', 3],
    ['a lone surrogate in a description', 'entities.yaml', entity('x', '  description: "half \\uD800 a pair"\n'), 'append', 'INVALID_TEXT', 4],
    ['a line break in a source title', 'sources.yaml', '- id: two-lines\n  title: "First\\nSecond"\n', 'append', 'INVALID_TEXT', 2],
    ['a C1 control in an evidence note', 'relationships.yaml', relationship('r', '  evidence:\n    - source: report-a\n      note: "next \\x85 line"\n'), 'append', 'INVALID_TEXT', 5],
    ['an escape character in an alias', 'entities.yaml', entity('x', '  aliases: ["\\e[31mred"]\n'), 'append', 'INVALID_TEXT', 4],
  ];

  test.each(cases)('%s', (_name, file, content, mode, code, line) => {
    const problems = problemsOf(dataset(file, content, mode));
    const problem = problems.find((p) => p.code === code);
    expect([problem?.code, problems.map((p) => p.code)]).toEqual([code, expect.any(Array)]);
    expect(problem!.file).toMatch(new RegExp(`${file.replace('.', '\\.')}$`));
    const expectedLine = mode === 'append' && line > 0 ? baseLines(file) + line : line || undefined;
    expect(problem!.line).toBe(expectedLine);
    // Nothing leaked into Object.prototype, and the loader still loads a valid dataset.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(loadGraph(BASE).order).toBe(3);
  });

  test('a file larger than the limit is refused before it is read', () => {
    const directory = dataset('relationships.yaml', '');
    const handle = openSync(join(directory, 'relationships.yaml'), 'r+');
    ftruncateSync(handle, MAX_FILE_BYTES + 1);
    closeSync(handle);
    const problems = problemsOf(directory);
    expect(problems.map((p) => p.code)).toEqual(['FILE_TOO_LARGE']);
  });

  test('a 5 MB file of valid records loads in bounded time', () => {
    const records = Array.from({ length: 10_000 }, (_, i) => entity(`org-${i}`, `  description: ${'d'.repeat(400)}\n`)).join('');
    const started = Date.now();
    const graph = loadGraph(dataset('entities.yaml', records));
    expect(graph.order).toBe(10_003);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test('aliases that are used sensibly still resolve to their values (not to { source: "…" })', () => {
    const directory = dataset('relationships.yaml', relationship('r', '  evidence:\n    - &ev\n      source: report-a\n      note: shared\n') + relationship('s', '  evidence: [*ev]\n').replace('iran\n', 'iran\n'));
    const graph = loadGraph(directory);
    expect(graph.getEdgeAttributes('s').record.evidence).toEqual([{ source: 'report-a', note: 'shared' }]);
  });
});

