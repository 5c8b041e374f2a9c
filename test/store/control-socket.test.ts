import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { tokenCommand } from '../../src/cli/token-command';
import type { CommandOutput } from '../../src/cli/validate-command';
import { CONTROL_SOCKET } from '../../src/control/control-protocol';
import { ensureBuilt, startServer, stopServer, type ServerProcess } from './helpers/server-process';
import { freshStoreConfig, prepareHome, type TestStoreConfig } from './helpers/stores';

// `proxygraph token ...` while a server holds the embedded store: the commands go through the server's control
// socket (PROXYGRAPH_HOME/proxygraph.sock, mode 0600); without a running server they open the store themselves.

jest.setTimeout(180_000);

function capture(): CommandOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

/** Sends raw text to the socket and returns the answer. */
function raw(path: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(path, () => socket.write(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('the control socket of a server on the embedded store', () => {
  let store: TestStoreConfig;
  let server: ServerProcess;
  let socket: string;
  beforeAll(async () => {
    ensureBuilt();
    store = await freshStoreConfig('embedded');
    await prepareHome(store, { seeded: true });
    server = await startServer(store.env);
    socket = join(store.env.PROXYGRAPH_HOME, CONTROL_SOCKET);
  });
  afterAll(async () => {
    if (server) await stopServer(server, 'SIGKILL');
    await store?.cleanup();
  });

  test('is a socket only its owner may use', () => {
    const stats = statSync(socket);
    expect(stats.isSocket()).toBe(true);
    expect(stats.mode & 0o777).toBe(0o600);
  });

  test('token create, list and revoke work while the server runs, through it; the secret works at once', async () => {
    const created = capture();
    expect(await tokenCommand(['create', '--name', 'ops', '--role', 'admin'], created, store.env)).toBe(0);
    expect(created.errors[0]).toContain(`through the running server, process ${server.child.pid}`);
    const [secret] = created.lines;
    expect((await server.gql('{ viewer { name role } }', {}, secret)).data.viewer).toEqual({ name: 'ops', role: 'ADMIN' });

    const duplicate = capture();
    expect(await tokenCommand(['create', '--name', 'ops', '--role', 'reader'], duplicate, store.env)).toBe(1);
    expect(duplicate.errors[0]).toMatch(/exists already/);

    const list = capture();
    expect(await tokenCommand(['list'], list, store.env)).toBe(0);
    expect(list.lines).toEqual([expect.stringMatching(/^ops\tadmin\tcreated \S+ by cli$/)]);

    const revoked = capture();
    expect(await tokenCommand(['revoke', 'ops'], revoked, store.env)).toBe(0);
    expect(revoked.lines[0]).toMatch(/revoked token "ops" \(through the running server/);
    const refused = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: '{"query":"{ viewer { name } }"}' });
    expect(refused.status).toBe(401);
    expect(await tokenCommand(['revoke', 'ops'], capture(), store.env)).toBe(1);
  });

  test('answers garbage with an error and keeps serving', async () => {
    expect(JSON.parse(await raw(socket, 'not json\n'))).toMatchObject({ ok: false, error: 'the request is not JSON' });
    expect(JSON.parse(await raw(socket, '{"command":"store.drop"}\n'))).toMatchObject({ ok: false, error: 'unknown command "store.drop"' });
    expect((await server.gql('{ stats { entities } }')).data.stats.entities).toBeGreaterThan(0);
  });

  test('without a server the commands open the store; a socket left by a killed server is ignored', async () => {
    expect(await tokenCommand(['create', '--name', 'before-kill', '--role', 'reader'], capture(), store.env)).toBe(0);
    await stopServer(server, 'SIGKILL');
    expect(existsSync(socket)).toBe(true); // killed: it could not clean up
    const list = capture();
    expect(await tokenCommand(['list'], list, store.env)).toBe(0);
    expect(list.lines).toContainEqual(expect.stringMatching(/^before-kill\treader\tcreated \S+ by cli$/));

    server = await startServer(store.env);
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    await stopServer(server);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(socket)).toBe(false);
    const created = capture();
    expect(await tokenCommand(['create', '--name', 'later', '--role', 'reader'], created, store.env)).toBe(0);
    expect(created.errors[0]).not.toContain('through the running server');
  });
});
