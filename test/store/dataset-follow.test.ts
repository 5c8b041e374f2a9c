import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCommand } from '../../src/cli/import-command';
import { hashDatasetFiles } from '../../src/load';
import { DataValidationError } from '../../src/model';
import {
  commandActor,
  DatasetRefusedError,
  deleteRelationship,
  GraphEditor,
  openDataset,
  readBaselineHeaders,
  updateEntity,
  versionOf,
  type Store,
} from '../../src/store';
import { MINI_DATASET } from '../helpers/fixture-datasets';
import { snapshotOf } from './helpers/harness';
import { declarePostgresPresence, freshStoreConfig, openTestStore, silentLogger, STORE_KINDS, type TestStoreConfig } from './helpers/stores';

// A start follows its dataset directory: the store records which directory it imported and what the files held, and
// imports what the files change afterwards, keeping edits made through the API; it refuses, changing nothing, what it
// cannot import truthfully.

jest.setTimeout(60_000);
declarePostgresPresence('following the dataset directory');

const EDITOR = { name: 'alice', role: 'editor' as const };
const temporary: string[] = [];
afterAll(() => temporary.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function copyOfMini(): string {
  const directory = mkdtempSync(join(tmpdir(), 'proxygraph-follow-'));
  temporary.push(directory);
  cpSync(MINI_DATASET, directory, { recursive: true });
  return directory;
}

function edit(directory: string, file: string, from: string | RegExp, to: string): void {
  const path = join(directory, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${from} is not in ${file}`);
  writeFileSync(path, after);
}

const name = (editor: GraphEditor, id: string) => editor.graph.getNodeAttributes(id).record.name;
const changeCount = async (store: Store) => Number((await store.driver.query<{ n: string }>('SELECT count(*) AS n FROM changes')).rows[0].n);

describe.each(STORE_KINDS)('on the %s store', (kind) => {
  let test_: TestStoreConfig;
  let editor: GraphEditor;
  let directory: string;

  beforeEach(async () => {
    test_ = await freshStoreConfig(kind);
    directory = copyOfMini();
    editor = await GraphEditor.open(await openTestStore(test_), silentLogger);
  });
  afterEach(async () => {
    await editor.close();
    await test_.cleanup();
  });

  test('a new store imports the directory and records which directory and content hash it came from', async () => {
    const outcome = await openDataset(editor, directory);
    expect(outcome).toMatchObject({ kind: 'seeded', directory, report: { entities: { added: 9 } } });
    const [header] = await readBaselineHeaders(editor.store.driver);
    expect(header).toMatchObject({ dataset: directory, directory, contentHash: hashDatasetFiles(directory) });
    expect(header.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('unchanged files: nothing is imported or written', async () => {
    await openDataset(editor, directory);
    const before = await snapshotOf(editor.store, editor.graph);
    expect(await openDataset(editor, directory)).toMatchObject({ kind: 'unchanged' });
    expect(await snapshotOf(editor.store, editor.graph)).toEqual(before);
  });

  test('edited files: the records they changed are imported, with a summary; edits made through the API stay', async () => {
    await openDataset(editor, directory);
    // Through the API: Iraq renamed, and a relationship deleted. Neither is touched in the files.
    await editor.commit(EDITOR, 'editor', 'updateEntity', updateEntity('iraq', versionOf(editor.graph, 'iraq'), { name: 'Republic of Iraq' }));
    await editor.commit(EDITOR, 'editor', 'deleteRelationship', deleteRelationship('pmu-located-at-iraq', versionOf(editor.graph, 'pmu-located-at-iraq')));
    // In the files: Jordan renamed, an entity added, a relationship removed.
    edit(directory, 'entities.yaml', 'name: Jordan', 'name: Hashemite Kingdom of Jordan');
    edit(directory, 'entities.yaml', /$/, '- id: syria\n  kind: STATE\n  name: Syria\n');
    edit(directory, 'relationships.yaml', /- id: tower-22-located-at-jordan\n(?:  .*\n|    .*\n)*/, '');
    const before = await changeCount(editor.store);

    const outcome = await openDataset(editor, directory);
    expect(outcome).toMatchObject({
      kind: 'reimported',
      report: { entities: { added: 1, changed: 1 }, relationships: { added: 0, changed: 0 } },
      keptStoreEdits: ['entity:iraq', 'relationship:pmu-located-at-iraq'],
      removedFromFiles: ['relationship:tower-22-located-at-jordan'],
    });
    expect(name(editor, 'jordan')).toBe('Hashemite Kingdom of Jordan');
    expect(name(editor, 'syria')).toBe('Syria');
    expect(name(editor, 'iraq')).toBe('Republic of Iraq');
    expect(editor.graph.hasEdge('pmu-located-at-iraq')).toBe(false);
    expect(editor.graph.hasEdge('tower-22-located-at-jordan')).toBe(true);
    const { rows } = await editor.store.driver.query<{ actor: string; operation: string }>('SELECT actor, operation FROM changes WHERE seq > $1', [before]);
    expect(rows).toEqual([{ actor: 'start', operation: 'import' }, { actor: 'start', operation: 'import' }]);
    // Recorded: the next start has nothing to do.
    expect(await openDataset(editor, directory)).toMatchObject({ kind: 'unchanged' });
  });

  test('a record changed both in the files and through the API: refused whole, naming it, nothing changed', async () => {
    await openDataset(editor, directory);
    await editor.commit(EDITOR, 'editor', 'updateEntity', updateEntity('jordan', versionOf(editor.graph, 'jordan'), { name: 'Jordan (API)' }));
    edit(directory, 'entities.yaml', 'name: Jordan', 'name: Jordan (files)');
    edit(directory, 'entities.yaml', 'name: Iraq', 'name: Iraq (files)');
    const before = await snapshotOf(editor.store, editor.graph);
    const refusal = await openDataset(editor, directory).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DatasetRefusedError);
    expect((refusal as DatasetRefusedError).refusal).toMatchObject({ reason: 'conflicts', conflicts: [{ kind: 'entity', id: 'jordan', why: 'changed in the files and in the store' }] });
    expect(await snapshotOf(editor.store, editor.graph)).toEqual(before);
  });

  test('invalid files are refused with every problem, and nothing is changed', async () => {
    await openDataset(editor, directory);
    edit(directory, 'entities.yaml', 'id: jordan', 'id: Jordan');
    const before = await snapshotOf(editor.store, editor.graph);
    const error = await openDataset(editor, directory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).problems.map((problem) => problem.code)).toContain('UNSAFE_ID');
    expect(await snapshotOf(editor.store, editor.graph)).toEqual(before);
  });

  test('another directory than the one imported: refused; after `proxygraph import DIR` the store follows it too', async () => {
    await openDataset(editor, directory);
    const other = copyOfMini();
    edit(other, 'entities.yaml', 'name: Jordan', 'name: Jordan (other)');
    const refusal = await openDataset(editor, other).catch((error: unknown) => error);
    expect((refusal as DatasetRefusedError).refusal).toMatchObject({ reason: 'not-followed', directory: other, differing: 1, examples: ['entity:jordan'], imported: [{ directory }] });
    await editor.close();
    const lines: string[] = [];
    expect(await importCommand(other, { out: (line) => lines.push(line), err: (line) => lines.push(line) }, test_.env)).toBe(0);
    editor = await GraphEditor.open(await openTestStore(test_), silentLogger);
    expect(await openDataset(editor, other)).toMatchObject({ kind: 'unchanged' });
    expect(name(editor, 'jordan')).toBe('Jordan (other)');
  });

  test('a store from before this was recorded, holding exactly the files, adopts the directory; then follows its edits', async () => {
    await openDataset(editor, directory);
    await editor.store.driver.query('DELETE FROM dataset_imports');
    expect(await openDataset(editor, directory)).toMatchObject({ kind: 'adopted' });
    edit(directory, 'entities.yaml', 'name: Jordan', 'name: Jordan (edited)');
    expect(await openDataset(editor, directory)).toMatchObject({ kind: 'reimported', report: { entities: { changed: 1 } } });
    expect(name(editor, 'jordan')).toBe('Jordan (edited)');
  });

  test('the same files in another directory (a moved clone): followed there', async () => {
    await openDataset(editor, directory);
    const moved = copyOfMini();
    expect(await openDataset(editor, moved)).toMatchObject({ kind: 'moved', directory: moved, from: directory });
    expect((await readBaselineHeaders(editor.store.driver)).map((header) => header.directory)).toEqual([moved]);
  });

  test('history records who changed what: the seed, then the start that imported the edits', async () => {
    await openDataset(editor, directory);
    edit(directory, 'entities.yaml', 'name: Jordan', 'name: Jordan (edited)');
    await openDataset(editor, directory);
    const { rows } = await editor.store.driver.query<{ actor: string }>("SELECT actor FROM changes WHERE record_id = 'jordan' ORDER BY seq");
    expect(rows.map((row) => row.actor)).toEqual([commandActor('seed').name, 'start']);
  });
});
