import { parseEventStream, type StreamEvent } from '../../client/event-stream';
import { createApp, type App } from '../../src/api/create-app';
import { serverOptionsFromEnv } from '../../src/api/server-options';
import { createToken, GraphEditor, readDatasetFiles, revokeToken, seedIfPristine, type Store } from '../../src/store';
import { SEED_DATASET } from '../helpers/fixture-datasets';
import { ensureBuilt, startServer, stopServer, type ServerProcess } from './helpers/server-process';
import { declarePostgresPresence, describeWithPostgres, freshStoreConfig, openTestStore, prepareHome, silentLogger, STORE_KINDS, type TestStoreConfig } from './helpers/stores';

// The live change stream (GET /events, Server-Sent Events) over real HTTP: what it tells, resuming, access, and two
// servers on one PostgreSQL.

jest.setTimeout(90_000);
declarePostgresPresence('the live change stream');

interface Stream {
  readonly status: number;
  /** The next event matching `predicate` (events before it are consumed). */
  next(predicate?: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

async function openStream(origin: string, headers: Record<string, string> = {}): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${origin}/events`, { headers, signal: controller.signal });
  const queue: StreamEvent[] = [];
  const waiters: (() => void)[] = [];
  let done = false;
  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        const parsed = parseEventStream(buffer);
        buffer = parsed.rest;
        queue.push(...parsed.events);
        waiters.splice(0).forEach((wake) => wake());
      }
    } catch {
      // aborted
    } finally {
      done = true;
      waiters.splice(0).forEach((wake) => wake());
    }
  })();
  return {
    status: response.status,
    ended,
    close: () => controller.abort(),
    async next(predicate = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = queue.findIndex(predicate);
        if (index >= 0) return queue.splice(0, index + 1)[index];
        if (done) throw new Error('the stream ended');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms (had: ${queue.map((event) => event.event).join(', ')})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}

const changesOf = (event: StreamEvent) => (JSON.parse(event.data) as { changes: Record<string, unknown>[] }).changes;
const isChanges = (event: StreamEvent) => event.event === 'changes';

describe.each(STORE_KINDS)('the change stream on the %s store', (kind) => {
  let test_: TestStoreConfig;
  let store: Store;
  let editor: GraphEditor;
  let open: App;
  let closed: App;
  let openOrigin: string;
  let closedOrigin: string;
  let editorSecret: string;
  let readerSecret: string;
  beforeAll(async () => {
    test_ = await freshStoreConfig(kind);
    await prepareHome(test_, { seeded: true });
    store = await openTestStore(test_);
    editor = await GraphEditor.open(store, silentLogger);
    await seedIfPristine(editor, () => readDatasetFiles(SEED_DATASET));
    editorSecret = await createToken(store, 'alice', 'editor');
    readerSecret = await createToken(store, 'rita', 'reader');
    const options = { ...serverOptionsFromEnv({}), port: 0, shutdownGraceMs: 60_000 };
    open = await createApp(editor.graph, options, silentLogger, { editor, readAccess: 'open' });
    closed = await createApp(editor.graph, options, silentLogger, { editor, readAccess: 'token' });
    openOrigin = new URL(await open.listen()).origin;
    closedOrigin = new URL(await closed.listen()).origin;
  });
  afterAll(async () => {
    await open?.stop();
    await closed?.stop();
    await editor?.close();
    await test_?.cleanup();
  });

  const edit = async (query: string) => {
    const response = await fetch(`${openOrigin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${editorSecret}` }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
  };

  test('tells each committed change, with who made it and with which operation, its seq as the event id', async () => {
    const stream = await openStream(openOrigin);
    expect(stream.status).toBe(200);
    const ready = await stream.next((event) => event.event === 'ready');
    const { lastSeq } = JSON.parse(ready.data) as { lastSeq: number };
    expect(lastSeq).toBe(editor.appliedSeq);
    await edit('mutation { createEntity(input: { id: "sse-militia", kind: ORGANIZATION, name: "SSE Militia" }) { id } }');
    const event = await stream.next(isChanges);
    expect(changesOf(event)).toEqual([expect.objectContaining({ seq: lastSeq + 1, actor: 'alice', operation: 'createEntity', op: 'create', kind: 'entity', id: 'sse-militia', version: 1, label: 'SSE Militia' })]);
    expect(event.id).toBe(String(lastSeq + 1));
    // A cascade: the relationship names its ends, the deleted entity included.
    await edit('mutation { createRelationship(input: { id: "sse-in-iraq", type: LOCATED_AT, source: "sse-militia", target: "iraq", evidence: [{ source: "article-2024-04-21" }] }) { id } }');
    await stream.next(isChanges);
    await edit('mutation { deleteEntity(id: "sse-militia", cascade: true) { id } }');
    const cascade = changesOf(await stream.next(isChanges));
    expect(cascade.map((change) => [change.op, change.kind, change.id])).toEqual([
      ['delete', 'relationship', 'sse-in-iraq'],
      ['delete', 'entity', 'sse-militia'],
    ]);
    expect(cascade[0]).toMatchObject({ label: 'SSE Militia LOCATED_AT Iraq', relationship: { type: 'LOCATED_AT', source: { id: 'sse-militia', name: 'SSE Militia' }, target: { id: 'iraq', name: 'Iraq' } } });
    stream.close();
  });

  test('a stream resumed with Last-Event-ID first gets the changes it missed, in order, and no others', async () => {
    const first = await openStream(openOrigin);
    await first.next((event) => event.event === 'ready');
    await edit('mutation { createSource(input: { id: "sse-source-1", title: "First" }) { id } }');
    const seen = await first.next(isChanges);
    first.close();
    await edit('mutation { createSource(input: { id: "sse-source-2", title: "Second" }) { id } }');
    await edit('mutation { createSource(input: { id: "sse-source-3", title: "Third" }) { id } }');
    const resumed = await openStream(openOrigin, { 'last-event-id': seen.id! });
    const missed: Record<string, unknown>[] = [];
    while (missed.length < 2) missed.push(...changesOf(await resumed.next(isChanges)));
    expect(missed.map((change) => change.id)).toEqual(['sse-source-2', 'sse-source-3']);
    expect(missed.map((change) => change.seq)).toEqual([Number(seen.id) + 1, Number(seen.id) + 2]);
    resumed.close();
  });

  test('with reading behind tokens: refused without one (401), served to a reader; a revoked token ends its stream', async () => {
    const refused = await fetch(`${closedOrigin}/events`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${closedOrigin}/events`, { headers: { authorization: 'Bearer pxg_wrong' } })).status).toBe(401);
    expect((await fetch(`${closedOrigin}/events`, { method: 'POST' })).status).toBe(405);

    const stream = await openStream(closedOrigin, { authorization: `Bearer ${readerSecret}` });
    expect(stream.status).toBe(200);
    await stream.next((event) => event.event === 'ready');
    await revokeToken(store, 'rita');
    await edit('mutation { createSource(input: { id: "sse-after-revoke", title: "After" }) { id } }');
    const revoked = await stream.next((event) => event.event !== 'ready');
    expect(revoked.event).toBe('revoked');
    await stream.ended;
  });

  test('stopping the server ends open streams, so that it does not wait out the grace period', async () => {
    const options = { ...serverOptionsFromEnv({}), port: 0, shutdownGraceMs: 600_000 };
    const app = await createApp(editor.graph, options, silentLogger, { editor, readAccess: 'open' });
    const origin = new URL(await app.listen()).origin;
    const stream = await openStream(origin);
    await stream.next((event) => event.event === 'ready');
    await app.stop();
    await stream.ended;
  }, 20_000);
});

describeWithPostgres('the change stream of two servers on one PostgreSQL', () => {
  let test_: TestStoreConfig;
  let secret: string;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    ensureBuilt();
    test_ = await freshStoreConfig('postgres');
    const store = await openTestStore(test_);
    secret = await createToken(store, 'alice', 'editor');
    await store.close();
    [a, b] = await Promise.all([startServer(test_.env), startServer(test_.env)]);
  }, 300_000);
  afterAll(async () => {
    for (const server of [a, b]) if (server) await stopServer(server);
    await test_?.cleanup();
  });

  test('a change committed through one server is told on the stream of the other', async () => {
    const stream = await openStream(new URL(b.url).origin);
    await stream.next((event) => event.event === 'ready');
    expect((await a.gql('mutation { createEntity(input: { id: "made-on-a", kind: PERSON, name: "Made on A" }) { id } }', {}, secret)).errors).toBeUndefined();
    const changes = changesOf(await stream.next(isChanges));
    expect(changes).toEqual([expect.objectContaining({ actor: 'alice', operation: 'createEntity', id: 'made-on-a', label: 'Made on A' })]);
    // Told once B's graph serves it: a client that reloads on the event sees the change.
    expect((await b.gql('{ entity(id: "made-on-a") { name } }')).data.entity).toEqual({ name: 'Made on A' });
    stream.close();
  });
});
