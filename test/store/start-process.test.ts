import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INVALID_DATASET_RULE } from '../../src/startup/dataset-messages';
import { MINI_DATASET } from '../helpers/fixture-datasets';
import { BIN, ensureBuilt, MAIN, startServer, stopServer } from './helpers/server-process';
import { freshStoreConfig, prepareHome, type TestStoreConfig } from './helpers/stores';

// `npm start` and `node dist/src/main.js` as real processes: what a start does with a busy port, with edited or
// invalid dataset files, and with signals, and that it does not rebuild what is built.

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const LOCK = 'proxygraph.lock';
const temporary: string[] = [];
const stores: TestStoreConfig[] = [];
afterAll(async () => {
  temporary.forEach((directory) => rmSync(directory, { recursive: true, force: true }));
  for (const store of stores) await store.cleanup();
});

function copyOfMini(): string {
  const directory = mkdtempSync(join(tmpdir(), 'proxygraph-start-'));
  temporary.push(directory);
  cpSync(MINI_DATASET, directory, { recursive: true });
  return directory;
}

/** A new embedded store (a copy of the empty template, so no process waits for initdb). */
async function newHome(): Promise<string> {
  const store = await freshStoreConfig('embedded');
  stores.push(store);
  await prepareHome(store);
  return (store.config as { home: string }).home;
}

interface Exited {
  readonly code: number | null;
  readonly output: string;
}

/** Runs a start that is expected to stop by itself (a refusal), with its output. */
function runToExit(env: Record<string, string>): Promise<Exited> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(check: () => boolean, limitMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

beforeAll(() => ensureBuilt());

describe('npm start', () => {
  interface NpmStart {
    readonly npm: ChildProcess;
    readonly output: () => string;
    readonly exited: Promise<number | null>;
  }

  async function npmStart(home: string, data: string): Promise<NpmStart> {
    const npm = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', PROXYGRAPH_HOME: home, PROXYGRAPH_DATA: data }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout!.on('data', (chunk) => (output += chunk));
    npm.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
    await waitFor(() => /API at http/.test(output) || npm.exitCode !== null, 90_000, `npm start printing its URL:\n${output}`);
    expect(output).toMatch(/API at http/);
    return { npm, output: () => output, exited };
  }

  test('does not rebuild what is built; SIGTERM to npm stops the server and frees the store lock', async () => {
    // `npm test` builds first; a source edited since (running this file alone) is built here, as npm start would.
    spawnSync(process.execPath, [join(ROOT, 'src', 'build', 'build.js'), '--if-stale'], { stdio: 'inherit' });
    expect(spawnSync(process.execPath, [join(ROOT, 'src', 'build', 'build.js'), '--status'], { encoding: 'utf8' }).stdout).toBe('up to date\n');
    const built = statSync(MAIN).mtimeMs;
    const home = await newHome();
    const started = await npmStart(home, copyOfMini());
    expect(started.output()).not.toMatch(/building/);
    expect(statSync(MAIN).mtimeMs).toBe(built);
    const server = Number(readFileSync(join(home, LOCK), 'utf8'));
    expect(server).not.toBe(started.npm.pid);
    expect(isRunning(server)).toBe(true);

    started.npm.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    await waitFor(() => !isRunning(server), 15_000, 'the server stopping');
    expect(existsSync(join(home, LOCK))).toBe(false);
  });

  test('when npm dies without passing a signal on, the server stops by itself and frees the lock', async () => {
    const home = await newHome();
    const started = await npmStart(home, copyOfMini());
    const server = Number(readFileSync(join(home, LOCK), 'utf8'));
    started.npm.kill('SIGKILL');
    await waitFor(() => !isRunning(server), 15_000, 'the server stopping after npm was killed');
    expect(existsSync(join(home, LOCK))).toBe(false);
  });
});

describe('a busy port', () => {
  let occupant: Server;
  let port: number;
  beforeAll(async () => {
    occupant = createServer();
    await new Promise<void>((resolve) => occupant.listen(0, '127.0.0.1', resolve));
    port = (occupant.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => occupant.close(() => resolve())));

  test('says which port and how to choose another, without a stack trace, before touching the store', async () => {
    const home = mkdtempSync(join(tmpdir(), 'proxygraph-busy-'));
    temporary.push(home);
    const { code, output } = await runToExit({ PORT: String(port), PROXYGRAPH_HOME: home, PROXYGRAPH_DATA: copyOfMini() });
    expect(code).toBe(1);
    expect(output).toContain(`port ${port} is already in use on 127.0.0.1`);
    expect(output).toContain(`PORT=${port + 1} npm start`);
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).not.toMatch(/new store|imported/);
    expect(readdirSync(home)).toEqual([]);
  });
});

describe('the dataset directory at start', () => {
  test('edited files are imported at the next start, with a summary, and served', async () => {
    const home = await newHome();
    const data = copyOfMini();
    const first = await startServer({ PROXYGRAPH_HOME: home, PROXYGRAPH_DATA: data });
    expect(first.output()).toMatch(/new store: imported .* entities 9 added/);
    await stopServer(first);
    writeFileSync(join(data, 'entities.yaml'), readFileSync(join(data, 'entities.yaml'), 'utf8').replace('name: Jordan', 'name: Hashemite Kingdom of Jordan'));
    const second = await startServer({ PROXYGRAPH_HOME: home, PROXYGRAPH_DATA: data });
    try {
      expect(second.output()).toMatch(/changed since the store imported it \(.*\); imported what the files changed: sources 0 added, 0 changed; entities 0 added, 1 changed; relationships 0 added, 0 changed/);
      expect((await second.gql('{ entity(id: "jordan") { name } }')).data).toEqual({ entity: { name: 'Hashemite Kingdom of Jordan' } });
    } finally {
      await stopServer(second);
    }
  });

  test('an invalid directory is never served: the start exits 1 with the report and the sentence validate prints', async () => {
    const home = await newHome();
    const data = copyOfMini();
    await stopServer(await startServer({ PROXYGRAPH_HOME: home, PROXYGRAPH_DATA: data }));
    writeFileSync(join(data, 'entities.yaml'), readFileSync(join(data, 'entities.yaml'), 'utf8').replace('id: jordan', 'id: Jordan'));
    const { code, output } = await runToExit({ PROXYGRAPH_HOME: home, PROXYGRAPH_DATA: data });
    expect(code).toBe(1);
    expect(output).toMatch(/entities\.yaml:\d+.*UNSAFE_ID/);
    expect(output).toContain(INVALID_DATASET_RULE);
    expect(output).toContain('Nothing was imported or served.');
    expect(output).not.toMatch(/API at|\n\s+at /);
    const validate = spawnSync(process.execPath, [BIN, 'validate', data], { encoding: 'utf8' });
    expect(validate.status).toBe(1);
    expect(validate.stderr).toContain(INVALID_DATASET_RULE);
  });

  test('another directory than the store imported: refused with the exact command, which works', async () => {
    const home = await newHome();
    await stopServer(await startServer({ PROXYGRAPH_HOME: home, PROXYGRAPH_DATA: copyOfMini() }));
    const other = copyOfMini();
    writeFileSync(join(other, 'entities.yaml'), readFileSync(join(other, 'entities.yaml'), 'utf8').replace('name: Jordan', 'name: Jordan (other)'));
    const { code, output } = await runToExit({ PROXYGRAPH_HOME: home, PROXYGRAPH_DATA: other });
    expect(code).toBe(1);
    expect(output).toContain('Nothing was imported or served.');
    const command = /(PROXYGRAPH_HOME=(\S+) )npx proxygraph import (\S+), then start again/.exec(output);
    expect(command).not.toBeNull();
    expect([command![2], command![3]]).toEqual([home, other]);
    const imported = spawnSync(process.execPath, [BIN, 'import', command![3]], { cwd: ROOT, env: { ...process.env, PROXYGRAPH_HOME: command![2] }, encoding: 'utf8' });
    expect(imported.status).toBe(0);
    const server = await startServer({ PROXYGRAPH_HOME: home, PROXYGRAPH_DATA: other });
    try {
      expect((await server.gql('{ entity(id: "jordan") { name } }')).data).toEqual({ entity: { name: 'Jordan (other)' } });
    } finally {
      await stopServer(server);
    }
  });
});

describe('proxygraph validate', () => {
  test.each([
    ['a valid directory', () => MINI_DATASET, 0, 'stdout'],
    ['an invalid directory', () => join(ROOT, 'test', 'fixtures', 'invalid', 'three-errors'), 1, 'stderr'],
    ['a directory that does not exist', () => join(tmpdir(), 'proxygraph-no-such-directory'), 1, 'stderr'],
  ] as const)('%s: the output ends with a newline', (_what, directory, status, stream) => {
    const result = spawnSync(process.execPath, [BIN, 'validate', directory()], { encoding: 'utf8' });
    expect(result.status).toBe(status);
    expect(result[stream].length).toBeGreaterThan(0);
    expect(result[stream].endsWith('\n')).toBe(true);
    expect(`${result.stdout}${result.stderr}`.endsWith('\n')).toBe(true);
  });
});
