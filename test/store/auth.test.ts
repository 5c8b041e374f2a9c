import { createApp, type App } from '../../src/api/create-app';
import { serverOptionsFromEnv } from '../../src/api/server-options';
import { tokenCommand } from '../../src/cli/token-command';
import type { CommandOutput } from '../../src/cli/validate-command';
import { createToken, GraphEditor, readDatasetFiles, revokeToken, seedIfPristine, type Store } from '../../src/store';
import { SEED_DATASET } from '../helpers/fixture-datasets';
import { snapshotOf } from './helpers/harness';
import { declarePostgresPresence, freshStoreConfig, openTestStore, prepareHome, silentLogger, STORE_KINDS, type TestStoreConfig } from './helpers/stores';

// Tokens (`proxygraph token ...`) and the bearer-token check over real HTTP, on both stores.

jest.setTimeout(60_000);
declarePostgresPresence('tokens and access control');

function capture(): CommandOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

const CREATE = `mutation { createEntity(input: { id: "auth-test-militia", kind: ORGANIZATION, name: "Auth test" }) { id version } }`;

describe.each(STORE_KINDS)('tokens and access on the %s store', (kind) => {
  let test_: TestStoreConfig;
  let editorSecret: string;
  let readerSecret: string;
  beforeAll(async () => {
    test_ = await freshStoreConfig(kind);
    await prepareHome(test_);
  });
  afterAll(() => test_?.cleanup());

  test('token create prints a secret once and stores only its hash; list and revoke', async () => {
    const created = capture();
    expect(await tokenCommand(['create', '--name', 'alice', '--role', 'editor'], created, test_.env)).toBe(0);
    expect(created.lines).toHaveLength(1);
    editorSecret = created.lines[0];
    expect(editorSecret).toMatch(/^pxg_[A-Za-z0-9_-]{43}$/);
    const reader = capture();
    expect(await tokenCommand(['create', '--name=rita', '--role=reader'], reader, test_.env)).toBe(0);
    readerSecret = reader.lines[0];
    expect(await tokenCommand(['create', '--name', 'mallory', '--role', 'editor'], capture(), test_.env)).toBe(0);

    const duplicate = capture();
    expect(await tokenCommand(['create', '--name', 'alice', '--role', 'admin'], duplicate, test_.env)).toBe(1);
    expect(duplicate.errors[0]).toMatch(/exists already/);
    expect(await tokenCommand(['create', '--name', 'bob', '--role', 'owner'], capture(), test_.env)).toBe(2);
    expect(await tokenCommand(['create', '--name', 'bob'], capture(), test_.env)).toBe(2);

    expect(await tokenCommand(['revoke', 'mallory'], capture(), test_.env)).toBe(0);
    expect(await tokenCommand(['revoke', 'mallory'], capture(), test_.env)).toBe(1);
    const list = capture();
    expect(await tokenCommand(['list'], list, test_.env)).toBe(0);
    expect(list.lines.map((line) => line.split('\t').slice(0, 2).join(' '))).toEqual(['alice editor', 'mallory editor', 'rita reader']);
    expect(list.lines[1]).toMatch(/\trevoked /);

    const store = await openTestStore(test_);
    try {
      const { rows } = await store.driver.query<{ secret_hash: string }>('SELECT secret_hash FROM tokens');
      expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.secret_hash) && !row.secret_hash.includes(editorSecret))).toBe(true);
      if (kind === 'embedded') {
        // One process at a time opens an embedded store: a command run beside a server is refused, not let in.
        const busy = capture();
        expect(await tokenCommand(['list'], busy, test_.env)).toBe(1);
        expect(busy.errors[0]).toMatch(/already open in this process/);
      }
    } finally {
      await store.close();
    }
  });

  describe('over HTTP', () => {
    let store: Store;
    let editor: GraphEditor;
    let open: App;
    let closed: App;
    let openUrl: string;
    let closedUrl: string;
    beforeAll(async () => {
      store = await openTestStore(test_);
      editor = await GraphEditor.open(store, silentLogger);
      await seedIfPristine(editor, () => readDatasetFiles(SEED_DATASET));
      const options = { ...serverOptionsFromEnv({}), port: 0 };
      open = await createApp(editor.graph, options, silentLogger, { editor, readAccess: 'open' });
      closed = await createApp(editor.graph, options, silentLogger, { editor, readAccess: 'token' });
      openUrl = await open.listen();
      closedUrl = await closed.listen();
    });
    afterAll(async () => {
      await open?.stop();
      await closed?.stop();
      await editor?.close();
    });

    async function post(url: string, query: string, secret?: string, authorization = secret && `Bearer ${secret}`) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization && { authorization }) }, body: JSON.stringify({ query }) });
      return { status: response.status, headers: response.headers, body: (await response.json()) as any };
    }

    test('open reading: anyone reads; a mutation without a token is UNAUTHENTICATED and changes nothing', async () => {
      expect((await post(openUrl, '{ entity(id: "iran") { name version } }')).body.data.entity).toEqual({ name: 'Iran', version: 1 });
      const before = await snapshotOf(store, editor.graph);
      const { status, body } = await post(openUrl, CREATE);
      expect(status).toBe(200);
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0].message).toMatch(/Authorization: Bearer/);
      expect(await snapshotOf(store, editor.graph)).toEqual(before);
    });

    test('a reader token may not edit (FORBIDDEN); an unknown, revoked or malformed token is refused with 401', async () => {
      const before = await snapshotOf(store, editor.graph);
      expect((await post(openUrl, CREATE, readerSecret)).body.errors[0].extensions.code).toBe('FORBIDDEN');
      for (const authorization of ['Bearer pxg_not-a-real-token', 'Basic YWxpY2U6c2VjcmV0', `Bearer ${editorSecret} extra`]) {
        const { status, headers, body } = await post(openUrl, CREATE, undefined, authorization);
        expect(status).toBe(401);
        expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
      expect(await snapshotOf(store, editor.graph)).toEqual(before);
    });

    test('an editor token edits, and the history names the token', async () => {
      const { body } = await post(openUrl, CREATE, editorSecret);
      expect(body.data.createEntity).toEqual({ id: 'auth-test-militia', version: 1 });
      // The change log needs a token even when reading is open (hostile-text.test.ts); a reader's will do.
      const history = await post(openUrl, '{ history(id: "auth-test-militia") { actor operation } }', readerSecret);
      expect(history.body.data.history).toEqual([{ actor: 'alice', operation: 'createEntity' }]);
    });

    test('token reading: without a token 401, with any valid token the data', async () => {
      const anonymous = await post(closedUrl, '{ entity(id: "iran") { name } }');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await post(closedUrl, '{ entity(id: "iran") { name } }', readerSecret)).body.data.entity.name).toBe('Iran');
    });

    test('a revoked token stops working at once', async () => {
      const secret = await createToken(store, 'temp-editor', 'editor');
      expect((await post(openUrl, '{ entity(id: "iran") { id } }', secret)).status).toBe(200);
      await revokeToken(store, 'temp-editor');
      expect((await post(openUrl, '{ entity(id: "iran") { id } }', secret)).status).toBe(401);
    });
  });
});
