import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_DATASET } from '../../helpers/fixture-datasets';

const ROOT = join(__dirname, '..', '..', '..');
export const MAIN = join(ROOT, 'dist', 'src', 'main.js');
export const BIN = join(ROOT, 'dist', 'src', 'cli', 'bin.js');

function newestSource(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0);
  }
  return newest;
}

/** The tests run the built server (`npm test` builds first); build it when it is missing or older than the code. */
export function ensureBuilt(): void {
  const built = existsSync(MAIN) ? statSync(MAIN).mtimeMs : 0;
  if (newestSource(join(ROOT, 'src')) > built) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process printed. */
  output(): string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, secret?: string): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, any> }[] }>;
}

/** Starts `node dist/src/main.js` on a store (env), on a free port; resolves once it prints its URL. */
export function startServer(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', PROXYGRAPH_DATA: SEED_DATASET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout!.on('data', (chunk) => (printed += chunk));
  child.stderr!.on('data', (chunk) => (printed += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not print its URL within ${timeoutMs} ms:\n${printed}`));
    }, timeoutMs);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before printing its URL:\n${printed}`));
    });
    const onData = () => {
      const match = /proxygraph: API at (http:\/\/[^\s,]+)/.exec(printed);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      const url = match[1];
      resolve({
        child,
        url,
        exited,
        output: () => printed,
        async gql(query, variables, secret) {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(secret && { authorization: `Bearer ${secret}` }) },
            body: JSON.stringify({ query, variables }),
          });
          return (await response.json()) as any;
        },
      });
    };
    child.stdout!.on('data', onData);
  });
}

/** Stops a server: SIGTERM and a wait for it to exit (or SIGKILL). */
export async function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill(signal);
  await server.exited;
}
