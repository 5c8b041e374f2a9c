import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { datasetWithOverrides, removeCreatedDatasets, SEED_DATASET } from '../helpers/fixture-datasets';

afterAll(removeCreatedDatasets);

async function validate(directory: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['validate', directory], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('the shipped dataset is valid, with its counts by kind and type', async () => {
  const { code, out } = await validate(SEED_DATASET);
  expect(code).toBe(0);
  expect(out).toMatch(/valid/);
  expect(out).toMatch(/\d+ entities: PERSON \d+, ORGANIZATION \d+, STATE \d+, LOCATION \d+, EVENT \d+/);
  expect(out).toMatch(/\d+ relationships: LEADS \d+/);
});

test('a dangling reference, a duplicate id and a bad date come out together, each with file and line, and exit non-zero', async () => {
  const { code, err } = await validate(datasetWithOverrides('three-errors'));
  expect(code).toBe(1);
  expect(err).toMatch(/entities\.yaml:29 .*INVALID_DATE/);
  expect(err).toMatch(/entities\.yaml:49 .*DUPLICATE_ID/);
  expect(err).toMatch(/relationships\.yaml:76 .*DANGLING_REFERENCE/);
  expect(err).toMatch(/3 problems/);
});

test('the built `proxygraph` command exits non-zero on an invalid dataset (as users run it)', () => {
  const bin = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'bin.js');
  const result = spawnSync(process.execPath, [bin, 'validate', datasetWithOverrides('three-errors')], { encoding: 'utf8' });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('DUPLICATE_ID');
  const valid = spawnSync(process.execPath, [bin, 'validate', SEED_DATASET], { encoding: 'utf8' });
  expect(valid.status).toBe(0);
});

test('an unknown command prints usage and exits 2', async () => {
  const err: string[] = [];
  expect(await run(['frobnicate'], { out: () => undefined, err: (line) => err.push(line) })).toBe(2);
  expect(err.join('\n')).toContain('usage: proxygraph');
});
