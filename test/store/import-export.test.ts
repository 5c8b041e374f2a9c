import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exportCommand } from '../../src/cli/export-command';
import { importCommand } from '../../src/cli/import-command';
import type { CommandOutput } from '../../src/cli/validate-command';
import { loadDataset } from '../../src/load';
import { formatEntities, formatSources, yamlScalar } from '../../src/load/write-dataset';
import { GraphEditor, importDataset, commandActor } from '../../src/store';
import { SEED_DATASET } from '../helpers/fixture-datasets';
import { snapshotOf } from './helpers/harness';
import { declarePostgresPresence, freshStoreConfig, openTestStore, prepareHome, silentLogger, STORE_KINDS, type TestStoreConfig } from './helpers/stores';

// `proxygraph import` and `proxygraph export` against both stores: the seed dataset goes through byte for byte, and an
// import reports what it added, changed and left alone.

jest.setTimeout(60_000);
declarePostgresPresence('import and export');

const FILES = ['sources.yaml', 'entities.yaml', 'relationships.yaml'];
// Counted from the seed, so that curating graph/ does not break these tests.
const SEED = loadDataset(SEED_DATASET);
const [SOURCES, ENTITIES, RELATIONSHIPS] = [SEED.sources.length, SEED.entities.length, SEED.relationships.length];
const temporary: string[] = [];
const tempDir = (name: string) => {
  const directory = mkdtempSync(join(tmpdir(), `proxygraph-${name}-`));
  temporary.push(directory);
  return directory;
};
afterAll(() => temporary.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function capture(): CommandOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

describe('the canonical writer', () => {
  test('quotes dates and what would read back as another type, and nothing else', () => {
    expect(yamlScalar('2014')).toBe('"2014"');
    expect(yamlScalar('2024-01-27')).toBe('"2024-01-27"');
    expect(yamlScalar("Kata'ib Hezbollah")).toBe("Kata'ib Hezbollah");
    expect(yamlScalar('¶3')).toBe('¶3');
    expect(yamlScalar('true')).toBe('"true"');
    expect(yamlScalar('a: b')).toBe('"a: b"');
    expect(yamlScalar('line one\nline two')).toBe('"line one\\nline two"');
    expect(yamlScalar(0.95)).toBe('0.95');
    expect(yamlScalar(false)).toBe('false');
  });

  test('what it writes reads back as the same records, whatever the text holds', () => {
    const awkward = ['# not a comment', '- not a list', '"quoted"', "it's", 'key: value', ' padded ', 'tab\there', 'null', '~', '@at', '`tick', '%pct', '!bang', '&amp', '*star', '{brace}', '[bracket]', 'multi\nline\n', 'ünïcödé العربية', '12e3', '0x10', '.5', 'yes', 'No'];
    const entities = awkward.map((name, index) => ({ record: { id: `e${index}`, kind: 'PERSON' as const, name, aliases: [{ name }, { name, lang: 'ar' }], description: name, attributes: { text: name } } }));
    const parsed = parse(formatEntities(entities)) as { name: string; aliases: unknown[]; description: string; attributes: { text: string } }[];
    expect(parsed.map((entity) => [entity.name, entity.description, entity.attributes.text, entity.aliases])).toEqual(awkward.map((name) => [name, name, name, [name, { name, lang: 'ar' }]]));
  });

  test('keeps headings, and writes an empty list as []', () => {
    expect(formatSources([])).toBe('[]\n');
    expect(formatSources([{ record: { id: 'a', title: 'A' }, heading: '# Reports' }, { record: { id: 'b', title: 'B' } }])).toBe('# Reports\n\n- id: a\n  title: A\n\n- id: b\n  title: B\n');
  });
});

describe.each(STORE_KINDS)('import and export on the %s store', (kind) => {
  let test_: TestStoreConfig;
  beforeAll(async () => {
    test_ = await freshStoreConfig(kind);
    await prepareHome(test_);
  });
  afterAll(() => test_?.cleanup());

  test('the seed dataset imports, and exports byte for byte as graph/*.yaml', async () => {
    const output = capture();
    expect(await importCommand(SEED_DATASET, output, test_.env)).toBe(0);
    expect(output.lines.slice(1)).toEqual([`  sources: ${SOURCES} added, 0 changed, 0 left alone`, `  entities: ${ENTITIES} added, 0 changed, 0 left alone`, `  relationships: ${RELATIONSHIPS} added, 0 changed, 0 left alone`]);
    const exported = tempDir('export');
    expect(await exportCommand(exported, capture(), test_.env)).toBe(0);
    for (const file of FILES) expect(readFileSync(join(exported, file), 'utf8')).toBe(readFileSync(join(SEED_DATASET, file), 'utf8'));
  });

  test('importing again leaves everything alone; an edited copy reports what it changes and adds', async () => {
    const again = capture();
    expect(await importCommand(SEED_DATASET, again, test_.env)).toBe(0);
    expect(again.lines.slice(1)).toEqual([`  sources: 0 added, 0 changed, ${SOURCES} left alone`, `  entities: 0 added, 0 changed, ${ENTITIES} left alone`, `  relationships: 0 added, 0 changed, ${RELATIONSHIPS} left alone`]);

    const edited = tempDir('edited');
    cpSync(SEED_DATASET, edited, { recursive: true });
    const entities = readFileSync(join(edited, 'entities.yaml'), 'utf8')
      .replace('  name: Yemen\n', '  name: Republic of Yemen\n')
      .replace(/\n- id: hamas\n[\s\S]*?\n\n/, '\n') // hamas stays in the store: an import never deletes
      .concat('\n- id: harakat-al-nujaba\n  kind: ORGANIZATION\n  name: Harakat al-Nujaba\n');
    writeFileSync(join(edited, 'entities.yaml'), entities);
    writeFileSync(join(edited, 'relationships.yaml'), readFileSync(join(edited, 'relationships.yaml'), 'utf8').replace(/\n- id: hamas[\s\S]*?(?=\n- id: |\n# |$)/g, '').concat('\n- id: nujaba-located-at-iraq\n  type: LOCATED_AT\n  source: harakat-al-nujaba\n  target: iraq\n  evidence:\n    - source: article-2024-04-21\n'));
    const report = capture();
    expect(await importCommand(edited, report, test_.env)).toBe(0);
    expect(report.lines.slice(1)).toEqual([`  sources: 0 added, 0 changed, ${SOURCES} left alone`, `  entities: 1 added, 1 changed, ${ENTITIES - 2} left alone`, expect.stringMatching(/^ {2}relationships: 1 added, 0 changed, \d+ left alone$/)]);

    const exported = tempDir('export-edited');
    await exportCommand(exported, capture(), test_.env);
    const written = loadDataset(exported);
    expect(written.entities.find((entity) => entity.id === 'yemen')!.name).toBe('Republic of Yemen');
    // The file's order first (the new record last), then what only the store has (hamas).
    expect(written.entities.slice(-2).map((entity) => entity.id)).toEqual(['harakat-al-nujaba', 'hamas']);
    const store = await openTestStore(test_);
    try {
      const history = await store.history('yemen', ['entity'], 10);
      expect(history.map((change) => [change.actor, change.operation, change.op, change.version])).toEqual([
        ['cli:import', 'import', 'create', 1],
        ['cli:import', 'import', 'update', 2],
      ]);
    } finally {
      await store.close();
    }
  });

  test('an invalid dataset, or one that clashes with the store, is refused whole', async () => {
    const store = await openTestStore(test_);
    const editor = await GraphEditor.open(store, silentLogger);
    const before = await snapshotOf(store, editor.graph);
    await editor.close();

    const broken = tempDir('broken');
    cpSync(SEED_DATASET, broken, { recursive: true });
    writeFileSync(join(broken, 'relationships.yaml'), readFileSync(join(broken, 'relationships.yaml'), 'utf8').replace('  target: iran\n', '  target: persia\n'));
    const invalid = capture();
    expect(await importCommand(broken, invalid, test_.env)).toBe(1);
    expect(invalid.errors.join('\n')).toMatch(/DANGLING_REFERENCE.*persia/);

    // Valid on its own, but Iran as a LOCATION breaks stored relationships (BACKS needs an actor).
    const clashing = tempDir('clashing');
    writeFileSync(join(clashing, 'sources.yaml'), '[]\n');
    writeFileSync(join(clashing, 'relationships.yaml'), '[]\n');
    writeFileSync(join(clashing, 'entities.yaml'), '- id: iran\n  kind: LOCATION\n  name: Iran\n');
    const clash = capture();
    expect(await importCommand(clashing, clash, test_.env)).toBe(1);
    expect(clash.errors.join('\n')).toMatch(/KIND_NOT_ALLOWED/);

    const reopened = await openTestStore(test_);
    const editorAfter = await GraphEditor.open(reopened, silentLogger);
    expect(await snapshotOf(reopened, editorAfter.graph)).toEqual(before);
    // Importing through the editor that serves is the same plan: it refuses the same way.
    await expect(editorAfter.commit(commandActor('test'), 'admin', 'import', importDataset(loadDataset(clashing), reopened))).rejects.toThrow(/KIND_NOT_ALLOWED/);
    await editorAfter.close();
  });
});
