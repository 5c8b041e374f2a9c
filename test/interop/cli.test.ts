import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRelationships, formatEntities } from '../../src/load/write-dataset';
import { entityBlock, relationshipBlock } from '../../src/cli/format-yaml-blocks';
import { loadDataset } from '../../src/load';
import type { RelationshipRecord } from '../../src/model';
import { INTEROP_FIXTURES, SEED } from './helpers';

/* The `proxygraph` command as users run it: dist/src/cli/bin.js, built by `npm run build` (npm test's pretest). */

const BIN = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'bin.js');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'proxygraph-interop-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function proxygraph(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, PROXYGRAPH_HOME: join(work, 'home') } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('export --format csv, then import --format csv --to DIR gives a dataset that validates and equals the seed', () => {
  expect(proxygraph('export', '--format', 'csv', '--from', SEED, 'csv').code).toBe(0);
  const imported = proxygraph('import', '--format', 'csv', '--to', 'from-csv', 'csv/sources.csv', 'csv/entities.csv', 'csv/relationships.csv');
  expect(imported).toMatchObject({ code: 0 });
  expect(proxygraph('validate', 'from-csv').code).toBe(0);
  expect(loadDataset(join(work, 'from-csv'))).toEqual(loadDataset(SEED));
});

test('export --format gexf --as-of filters like the API; import --format gexf reads it back', () => {
  const exported = proxygraph('export', '--format', 'gexf', '--from', SEED, '--as-of', '2020-01-04', '--kinds', 'PERSON,ORGANIZATION,STATE', 'view.gexf');
  expect(exported.code).toBe(0);
  const gexf = readFileSync(join(work, 'view.gexf'), 'utf8');
  expect(gexf).not.toContain('id="abu-mahdi-al-muhandis"'); // killed on 2020-01-03
  expect(gexf).toContain('id="kataib-hezbollah"');
  expect(proxygraph('import', '--format', 'gexf', '--to', 'from-gexf', 'view.gexf').code).toBe(0);
  expect(proxygraph('validate', 'from-gexf').code).toBe(0);
});

test('import --format edge-list --to streams an edge list into a dataset directory; a second import of it is refused', () => {
  const snap = join(INTEROP_FIXTURES, 'snap', 'CA-GrQc.txt');
  const first = proxygraph('import', '--format', 'edge-list', '--kind', 'PERSON', '--to', 'snap', snap);
  expect(first).toMatchObject({ code: 0 });
  expect(first.out).toContain('added 5242 entities, 28980 relationships and 1 sources');
  expect(proxygraph('validate', 'snap').out).toContain('5242 entities: PERSON 5242');
  const again = proxygraph('import', '--format', 'edge-list', '--kind', 'PERSON', '--to', 'snap', snap);
  expect(again.code).toBe(1);
  expect(again.err).toMatch(/CA-GrQc\.txt:5 .*DUPLICATE_ID/);
  expect(again.err).toMatch(/28980 problems; nothing was written/);
});

test('import --to merges into an existing dataset: same records are left alone, clashes are reported with file:line', () => {
  writeFileSync(join(work, 'extra.csv'), 'id,kind,name\niran,STATE,Iran (other)\nnew-group,ORGANIZATION,New Group\n');
  const result = proxygraph('import', '--format', 'csv', '--to', 'from-csv', 'extra.csv');
  expect(result.code).toBe(1);
  expect(result.err).toMatch(/extra\.csv:2 .*DUPLICATE_ID/);
  writeFileSync(join(work, 'extra.csv'), 'id,kind,name\nnew-group,ORGANIZATION,New Group\n');
  expect(proxygraph('import', '--format', 'csv', '--to', 'from-csv', 'extra.csv').code).toBe(0);
  expect(proxygraph('import', '--format', 'csv', '--to', 'from-csv', 'extra.csv').out).toContain('added 0 entities');
  expect(loadDataset(join(work, 'from-csv')).entities).toHaveLength(loadDataset(SEED).entities.length + 1);
});

test('import --format stix without --to goes into the store; export reads the store', () => {
  const apt1 = join(INTEROP_FIXTURES, 'stix21', 'examples', 'threat-reports', 'apt1.json');
  const imported = proxygraph('import', '--format', 'stix', apt1);
  expect(imported.code).toBe(0);
  expect(imported.out).toMatch(/relationships: 7 added/);
  expect(imported.err).toMatch(/skipped objects with no kind of ours/);
  expect(proxygraph('export', '--format', 'stix', 'store.json').code).toBe(0);
  const bundle = JSON.parse(readFileSync(join(work, 'store.json'), 'utf8'));
  expect(bundle.objects.filter((object: { relationship_type?: string }) => object.relationship_type === 'attributed-to')).toHaveLength(7);
});

test('usage errors exit 2 and list the formats', () => {
  const result = proxygraph('export', '--format', 'nope', 'x');
  expect(result.code).toBe(2);
  expect(result.err).toMatch(/unknown format "nope"[\s\S]*neo4j-admin/);
  expect(proxygraph('import', '--format', 'cypher', 'x').err).toMatch(/cannot be imported/);
});

describe('the streaming writer writes the canonical form of src/load/write-dataset.ts', () => {
  const tokens = ['1', '0123', '2014', 'a', 'abc-def', 'true', 'True', 'null', 'yes', 'no', 'on', 'y', 'edge-x-1', 'line 17', 'a.b', 'x_y', 'A B', 'ends-', 'e5', '1e5', '0x1f', 'inf', 'NaN', 'a  b', 'a #b', 'a: b', '-a', "it's", 'ü', ''];
  test('relationships', () => {
    for (const token of tokens.filter(Boolean)) {
      for (const weight of [undefined, 0, 1, 0.5, 2.25, 1e-7, 123456789012, 1e21]) {
        const record: RelationshipRecord = { id: `edge-${token.length}`, type: 'ALLIED_WITH', source: token, target: 'b', ...(weight !== undefined && { weight }), evidence: [{ source: 'import-x', locator: token }] };
        expect(relationshipBlock(record)).toBe(formatRelationships([{ record }]).replace(/\n$/, ''));
      }
    }
    for (const record of loadDataset(SEED).relationships) expect(relationshipBlock(record)).toBe(formatRelationships([{ record }]).replace(/\n$/, ''));
  });
  test('entities', () => {
    for (const token of tokens.filter(Boolean)) {
      const record = { id: 'x', kind: 'PERSON' as const, name: token, aliases: [] };
      expect(entityBlock(record)).toBe(formatEntities([{ record }]).replace(/\n$/, ''));
    }
  });
});
