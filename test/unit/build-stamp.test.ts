import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// src/build/build.js decides whether `npm start` and `npm test` must build: here on a small project of its own, so that
// nothing of this checkout is rebuilt. What npm start does with it on this checkout is tested in test/store.

const SCRIPT = join(__dirname, '..', '..', 'src', 'build', 'build.js');
let root: string;

const write = (file: string, text: string) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};
const status = () => spawnSync(process.execPath, [SCRIPT, '--status', '--root', root], { encoding: 'utf8' });
const stamp = () => spawnSync(process.execPath, [SCRIPT, '--stamp', '--root', root], { encoding: 'utf8' });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'proxygraph-build-'));
  write('src/main.ts', 'export const a = 1;\n');
  write('client/main.ts', 'export const b = 2;\n');
  write('tsconfig.json', '{}\n');
  write('package.json', '{}\n');
  for (const output of ['dist/src/main.js', 'dist/src/cli/bin.js', 'dist/client/index.html', 'dist/client/app.js']) write(output, '');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('never built: stale; after a build is recorded: up to date', () => {
  expect(status()).toMatchObject({ status: 1, stdout: 'stale: no record of the last build\n' });
  expect(stamp().status).toBe(0);
  expect(status()).toMatchObject({ status: 0, stdout: 'up to date\n' });
});

test.each([
  ['a source edited', () => write('src/main.ts', 'export const a = 2;\n')],
  ['a client source edited', () => write('client/main.ts', 'export const b = 3;\n')],
  ['a source added', () => write('src/queries/new.ts', 'export {};\n')],
  ['a source removed', () => unlinkSync(join(root, 'client', 'main.ts'))],
  ['the dependencies changed', () => write('package-lock.json', '{"lockfileVersion": 3}\n')],
  ['the compiler configuration changed', () => write('tsconfig.json', '{"compilerOptions": {}}\n')],
])('%s: stale', (_what, change) => {
  stamp();
  change();
  expect(status()).toMatchObject({ status: 1, stdout: 'stale: sources changed since the last build\n' });
});

test('an edit undone: up to date again (contents count, not times)', () => {
  stamp();
  write('src/main.ts', 'export const a = 2;\n');
  write('src/main.ts', 'export const a = 1;\n');
  expect(status().stdout).toBe('up to date\n');
});

test('an output missing: stale, whatever the record says', () => {
  stamp();
  unlinkSync(join(root, 'dist', 'src', 'main.js'));
  expect(status()).toMatchObject({ status: 1, stdout: 'stale: dist/src/main.js is missing\n' });
});

test('files outside the inputs (tests, data, docs) do not make it stale', () => {
  stamp();
  write('test/x.test.ts', 'test;\n');
  write('graph/entities.yaml', '[]\n');
  write('README.md', '# x\n');
  write('src/node_modules/x/index.js', '');
  expect(status().stdout).toBe('up to date\n');
});
