import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv, readGexf, readGraphml, readStix, type InputFile } from '../../../src/interop';
import { validateDataset } from '../../../src/load';
import type { Problem } from '../../../src/model';

// Hostile import files: each case checks the exact problem (code and place) and that nothing was taken silently.
const BIN = join(__dirname, '..', '..', '..', 'dist', 'src', 'cli', 'bin.js');
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'proxygraph-hostile-imports-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every problem of reading and then validating the files. */
function problemsOf(read: (files: InputFile[]) => ReturnType<typeof readStix>, files: InputFile[]): Problem[] {
  const result = read(files);
  return [...result.problems, ...validateDataset(result).problems];
}

const laughs = (root: string) =>
  `<?xml version="1.0"?>\n<!DOCTYPE ${root} [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n')}\n]>\n`;

const stix = (objects: Record<string, unknown>[]) => JSON.stringify({ type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000000', objects }, null, 1);
const actor = (extra: Record<string, unknown>) => ({ type: 'threat-actor', spec_version: '2.1', id: 'threat-actor--00000000-0000-4000-8000-000000000001', name: 'Actor', created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z', ...extra });

/** [name, reader, file, problem code, field (or undefined), line] */
const cases: [string, (files: InputFile[]) => ReturnType<typeof readStix>, InputFile, string, string | undefined, number][] = [
  ['a billion-laughs GEXF', readGexf, { name: 'laughs.gexf', text: `${laughs('gexf')}<gexf version="1.3"><graph><nodes><node id="a" label="&lol9;"/></nodes></graph></gexf>` }, 'XML_ENTITIES', undefined, 3],
  ['a billion-laughs GraphML', readGraphml, { name: 'laughs.graphml', text: `${laughs('graphml')}<graphml><graph edgedefault="directed"><node id="&lol9;"/></graph></graphml>` }, 'XML_ENTITIES', undefined, 3],
  ['one external entity in a GEXF', readGexf, { name: 'xxe.gexf', text: '<?xml version="1.0"?>\n<!DOCTYPE gexf [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<gexf><graph><nodes><node id="a" label="&x;"/></nodes></graph></gexf>' }, 'XML_ENTITIES', undefined, 2],
  ['a STIX name that is a number', readStix, { name: 'name.json', text: stix([actor({ name: 42 })]) }, 'STIX_VALUE', 'name', 5],
  ['a STIX first_seen that is not a timestamp', readStix, { name: 'seen.json', text: stix([actor({ first_seen: 'last spring' })]) }, 'STIX_VALUE', 'first_seen', 5],
  ['STIX aliases that are not a list of text', readStix, { name: 'aliases.json', text: stix([actor({ aliases: 'AKA' })]) }, 'STIX_VALUE', 'aliases', 5],
  ['a STIX description that is a map', readStix, { name: 'description.json', text: stix([actor({ description: { text: 'x' } })]) }, 'STIX_VALUE', 'description', 5],
  [
    'a STIX confidence of 250',
    readStix,
    {
      name: 'confidence.json',
      text: stix([
        actor({}),
        actor({ id: 'threat-actor--00000000-0000-4000-8000-000000000002', name: 'Other' }),
        { type: 'relationship', spec_version: '2.1', id: 'relationship--00000000-0000-4000-8000-000000000003', relationship_type: 'cooperates-with', source_ref: 'threat-actor--00000000-0000-4000-8000-000000000001', target_ref: 'threat-actor--00000000-0000-4000-8000-000000000002', confidence: 250, created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z' },
      ]),
    },
    'STIX_VALUE',
    'confidence',
    21,
  ],
  ['a NUL in a CSV name', readCsv, { name: 'entities.csv', text: 'id,kind,name\nx,STATE,"Nul\u0000Name"\n' }, 'INVALID_TEXT', 'name', 2],
];

test.each(cases)('%s', (_name, read, file, code, field, line) => {
  const problems = problemsOf(read, [file]);
  const problem = problems.find((p) => p.code === code);
  expect([problem?.code, problems.map((p) => p.code)]).toEqual([code, expect.any(Array)]);
  expect([problem!.file, problem!.field, problem!.line]).toEqual([file.name, field, line]);
});

test('a STIX bundle with well-formed values reads without problems (the OASIS example)', () => {
  const apt1 = join(__dirname, '..', '..', 'fixtures', 'interop', 'stix21', 'examples', 'threat-reports', 'apt1.json');
  expect(problemsOf(readStix, [{ name: 'apt1.json', text: readFileSync(apt1, 'utf8') }])).toEqual([]);
});

describe('names that imitate another entity', () => {
  const proxygraph = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, PROXYGRAPH_HOME: join(work, 'home') } });

  test('an import of a homoglyph name notes it as a possible duplicate of the entity it imitates, and imports it', () => {
    const first = join(work, 'first.csv');
    writeFileSync(first, 'id,kind,name\nkataib-hezbollah,ORGANIZATION,Kataib Hezbollah\n');
    expect(proxygraph('import', '--format', 'csv', '--to', 'lookalikes', first).status).toBe(0);
    const second = join(work, 'second.csv');
    // A Cyrillic "о" (U+043E), and a zero-width space.
    writeFileSync(second, 'id,kind,name\nkh-copy,ORGANIZATION,Kataib Hezb\u043Ellah\nkh-hidden,ORGANIZATION,Kataib\u200B Hezbollah\nother,ORGANIZATION,Badr Organization\n');
    const result = proxygraph('import', '--format', 'csv', '--to', 'lookalikes', second);
    expect(result.status).toBe(0);
    const notes = result.stderr.split('\n').filter((line) => line.includes('possible duplicate'));
    expect(notes).toEqual([
      `note: ${second}:2: possible duplicate: "Kataib Hezb\u043Ellah" (kh-copy) looks like "Kataib Hezbollah" (kataib-hezbollah) but is written with other characters (U+043E at 12)`,
      `note: ${second}:3: possible duplicate: "Kataib⟨ZWSP⟩ Hezbollah" (kh-hidden) looks like "Kataib Hezbollah" (kataib-hezbollah) but is written with other characters (U+200B at 7)`,
    ]);
  });
});

describe('export', () => {
  const proxygraph = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, PROXYGRAPH_HOME: join(work, 'home') } });
  const seed = join(__dirname, '..', '..', '..', 'graph');

  test('does not overwrite an existing file without --force', () => {
    const out = join(work, 'existing.json');
    writeFileSync(out, 'my notes\n');
    const refused = proxygraph('export', '--format', 'json', '--from', seed, out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${out} exists; add --force to replace it`);
    expect(readFileSync(out, 'utf8')).toBe('my notes\n');
    const forced = proxygraph('export', '--force', '--format', 'json', '--from', seed, out);
    expect(forced.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).entities.length).toBeGreaterThan(0);
  });

  test('does not overwrite the files of a directory export without --force', () => {
    const out = join(work, 'csv-out');
    expect(proxygraph('export', '--format', 'csv', '--from', seed, out).status).toBe(0);
    writeFileSync(join(out, 'entities.csv'), 'edited by hand\n');
    const refused = proxygraph('export', '--format', 'csv', '--from', seed, out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('csv-out/sources.csv exists; add --force to replace it');
    expect(readFileSync(join(out, 'entities.csv'), 'utf8')).toBe('edited by hand\n');
  });
});
