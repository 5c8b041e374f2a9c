import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockStore, StoreBusyError } from '../../src/store/store-lock';

// The embedded store's lock file: written whole in one step, so another process never sees it empty and takes it
// over as stale while its owner is still writing its pid.
let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'proxygraph-lock-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

test('an empty lock file that was just created is being taken by another process: refused, not taken over', () => {
  const file = join(work, 'store.lock');
  writeFileSync(file, '');
  expect(() => lockStore(file, work)).toThrow(StoreBusyError);
  expect(readFileSync(file, 'utf8')).toBe('');
});

test('an empty lock file left long ago is stale: taken over', () => {
  const file = join(work, 'store.lock');
  writeFileSync(file, '');
  const old = new Date(Date.now() - 3_600_000);
  utimesSync(file, old, old);
  const release = lockStore(file, work);
  expect(readFileSync(file, 'utf8')).toBe(`${process.pid}\n`);
  release();
  expect(existsSync(file)).toBe(false);
});

test('eight processes racing for the lock: exactly one holds it', async () => {
  const file = join(work, 'store.lock');
  // The holder keeps the lock until every racer has answered (it is killed then), so that a racer slowed down by a busy
  // machine cannot find the holder gone and rightly take over a stale lock.
  const script = `
    const { lockStore } = require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'src', 'store', 'store-lock.js'))});
    const start = Number(process.argv[1]);
    while (Date.now() < start) {}
    try { lockStore(${JSON.stringify(file)}, ${JSON.stringify(work)}); process.stdout.write('held'); setInterval(() => {}, 1000); }
    catch (error) { process.stdout.write(error.constructor.name); }`;
  const start = Date.now() + 1500;
  const children = Array.from({ length: 8 }, () => spawn(process.execPath, ['-e', script, String(start)]));
  try {
    const outcomes = await Promise.all(
      children.map(
        (child) =>
          new Promise<string>((resolve) => {
            child.stdout.once('data', (chunk: Buffer) => resolve(String(chunk)));
            child.on('exit', () => resolve('exited without a word'));
          }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'held')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'StoreBusyError')).toHaveLength(7);
  } finally {
    for (const child of children) child.kill('SIGKILL');
  }
});
