import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGraph, readYamlRecords } from '../../../src/load';
import { DataValidationError, type Problem } from '../../../src/model';

// Inputs of hostile size: every read is bounded while it reads (not by the size the file claims), non-regular files
// are refused, and each refusal names the limit and the setting that raises it; nothing is half written.
const BIN = join(__dirname, '..', '..', '..', 'dist', 'src', 'cli', 'bin.js');
const BASE = join(__dirname, '..', '..', 'fixtures', 'hostile', 'base');
const SNAP = join(__dirname, '..', '..', 'fixtures', 'interop', 'snap', 'CA-GrQc.txt');
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'proxygraph-input-size-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function proxygraph(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, PROXYGRAPH_HOME: join(work, 'home'), ...env }, timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function baseCopy(name: string): string {
  const directory = join(work, name);
  mkdirSync(directory);
  for (const file of ['sources.yaml', 'entities.yaml', 'relationships.yaml']) copyFileSync(join(BASE, file), join(directory, file));
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

describe('data files', () => {
  test('an entities.yaml that is a symlink to /dev/zero is refused as not a regular file (its size says 0)', () => {
    const directory = baseCopy('zero-link');
    rmSync(join(directory, 'entities.yaml'));
    symlinkSync('/dev/zero', join(directory, 'entities.yaml'));
    const problems = problemsOf(directory);
    expect(problems.map((problem) => problem.code)).toEqual(['FILE_NOT_REGULAR']);
    expect(problems[0].message).toContain('not a regular file');
  });

  test('a data file past PROXYGRAPH_MAX_FILE_BYTES is refused while it is read, naming the limit and the setting', () => {
    const directory = baseCopy('large');
    writeFileSync(join(directory, 'entities.yaml'), `${readFileSync(join(BASE, 'entities.yaml'), 'utf8')}# ${'x'.repeat(5000)}\n`);
    const { problems } = readYamlRecords(join(directory, 'entities.yaml'), 'entities.yaml', { maxFileBytes: 4096 });
    expect(problems.map((problem) => problem.code)).toEqual(['FILE_TOO_LARGE']);
    expect(problems[0].message).toContain('more than 4096 bytes');
    expect(problems[0].hint).toContain('PROXYGRAPH_MAX_FILE_BYTES');
  });
});

describe('imports', () => {
  test.each([['edge-list'], ['csv'], ['gexf'], ['stix']])('import --format %s of /dev/zero is refused at once', (format) => {
    const result = proxygraph(['import', '--format', format, '--to', `zero-${format}`, '/dev/zero']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('/dev/zero: FILE_NOT_REGULAR: not a regular file');
    expect(existsSync(join(work, `zero-${format}`, 'relationships.yaml'))).toBe(false);
  });

  test('a GEXF past PROXYGRAPH_MAX_IMPORT_BYTES is refused before it is parsed (a 200 MB attribute aborted V8)', () => {
    const gexf = join(work, 'huge.gexf');
    writeFileSync(gexf, `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="${'A'.repeat(3_000_000)}"/></nodes></graph></gexf>`);
    const result = proxygraph(['import', '--format', 'gexf', '--to', 'huge', gexf], { PROXYGRAPH_MAX_IMPORT_BYTES: '1000000' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('FILE_TOO_LARGE');
    expect(result.err).toContain('more than 1000000 bytes');
    expect(result.err).toContain('PROXYGRAPH_MAX_IMPORT_BYTES');
  });

  test('an edge list without line breaks is refused at its first line, not read into one string', () => {
    const flat = join(work, 'flat.txt');
    writeFileSync(flat, 'a'.repeat(3 * 1024 * 1024));
    const result = proxygraph(['import', '--format', 'edge-list', '--to', 'flat', flat]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/flat\.txt:1: .*LINE_TOO_LONG/);
    expect(existsSync(join(work, 'flat', 'entities.yaml'))).toBe(false);
  });

  test('an edge list whose dataset would pass the loader limit is refused with the limit and the store import as the way', () => {
    const result = proxygraph(['import', '--format', 'edge-list', '--to', 'grqc', SNAP], { PROXYGRAPH_MAX_FILE_BYTES: '300000' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('FILE_TOO_LARGE');
    expect(result.err).toContain('PROXYGRAPH_MAX_FILE_BYTES');
    expect(result.err).toContain('proxygraph import --format edge-list');
    expect(existsSync(join(work, 'grqc', 'relationships.yaml'))).toBe(false);
  });

  test('20,000 CSV entities import --to in bounded time (it took 63 s, rebuilding a set of ids per record)', () => {
    const csv = join(work, 'many-csv');
    mkdirSync(csv);
    writeFileSync(join(csv, 'entities.csv'), `id,kind,name\n${Array.from({ length: 20_000 }, (_, i) => `org-${i},ORGANIZATION,Org ${i}`).join('\n')}\n`);
    const started = Date.now();
    const result = proxygraph(['import', '--format', 'csv', '--to', 'many', csv]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain('added 20000 entities');
    expect(Date.now() - started).toBeLessThan(25_000);
  });
});
