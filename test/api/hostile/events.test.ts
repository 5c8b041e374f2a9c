import { changesOf, isChanges, openStream, type Stream } from '../../helpers/event-stream-reader';
import { declarePostgresPresence, STORE_KINDS } from '../../store/helpers/stores';
import { expectServes, type TestServer } from '../http-harness';
import { expectRefusal, hostileCases, toResponse, type HostileCase } from './hostile-cases';
import { bearer, startStoreServer, type StoreServer } from './store-server';

// The live change stream (GET /events) as an attacker would use it: wrong methods and credentials refused with the
// exact error, resume cursors that are not numbers ignored, token names kept from anonymous readers, and the number of
// open streams bounded, the server answering throughout.

jest.setTimeout(90_000);
declarePostgresPresence('hostile change streams');

const isReady = (event: { event: string }) => event.event === 'ready';

describe.each(STORE_KINDS)('the change stream on the %s store', (kind) => {
  let s: StoreServer;
  let closed: TestServer;
  beforeAll(async () => {
    s = await startStoreServer(kind);
    closed = await s.another({}, 'token');
  });
  afterAll(() => s?.close());

  const events = (init: RequestInit = {}, server: () => TestServer = () => s.server) => () => fetch(`${server().origin}/events`, init).then(toResponse);
  const edit = async (query: string) => {
    const response = await s.server.post({ query }, bearer(s.secrets.editor));
    expect(response.body.errors).toBeUndefined();
  };

  const cases: HostileCase[] = [
    ['POST to the stream', events({ method: 'POST', body: '{}' }), { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'the change stream is read with GET' }],
    ['DELETE to the stream', events({ method: 'DELETE' }), { status: 405, code: 'METHOD_NOT_ALLOWED' }],
    ['a bearer token that does not exist', events({ headers: bearer('pxg_nothing') }), { status: 401, code: 'UNAUTHENTICATED', message: 'the token is not valid: it is unknown or was revoked' }],
    ['a bearer token of 10 KB', events({ headers: bearer(`pxg_${'y'.repeat(10_000)}`) }), { status: 401, code: 'UNAUTHENTICATED', message: 'the token is not valid' }],
    ['Basic credentials', events({ headers: { authorization: 'Basic YWRhOmFkYQ==' } }), { status: 401, code: 'UNAUTHENTICATED', message: 'the Authorization header must be "Bearer <token>"' }],
    ['no token where reading needs one', events({}, () => closed), { status: 401, code: 'UNAUTHENTICATED' }],
    ['a wrong token where reading needs one', events({ headers: bearer('pxg_wrong') }, () => closed), { status: 401, code: 'UNAUTHENTICATED', message: 'the token is not valid' }],
    [
      'headers over the size limit',
      (server) => server.raw(`GET /events HTTP/1.1\r\nHost: localhost\r\nLast-Event-ID: ${'9'.repeat(20_000)}\r\nX-Pad: ${'p'.repeat(20_000)}\r\n\r\n`),
      { status: 431, code: 'HEADERS_TOO_LARGE', message: 'request headers (or the URL) are too large' },
    ],
  ];
  hostileCases(() => s.server, cases);

  test('a stream without a token is told every change, but never the name of the token that made it', async () => {
    const anonymous = await openStream(s.server.origin);
    const signed = await openStream(s.server.origin, bearer(s.secrets.reader));
    await anonymous.next(isReady);
    await signed.next(isReady);
    await edit('mutation { createEntity(input: { id: "stream-probe", kind: ORGANIZATION, name: "Stream Probe" }) { id } }');
    await edit('mutation { deleteEntity(id: "stream-probe") { id } }');
    const told: Record<string, unknown>[] = [];
    while (told.length < 2) told.push(...changesOf(await anonymous.next(isChanges)));
    expect(told.map((change) => [change.op, change.id, change.actor])).toEqual([
      ['create', 'stream-probe', null],
      ['delete', 'stream-probe', null],
    ]);
    expect(JSON.stringify(told)).not.toMatch(/eddie|ada|rita/);
    // A reader with a token sees who did it, as history and changes would tell it.
    expect(changesOf(await signed.next(isChanges))[0]).toMatchObject({ id: 'stream-probe', actor: 'eddie' });
    anonymous.close();
    signed.close();
  });

  test.each([
    ['letters', 'abc'],
    ['a negative number', '-1'],
    ['an exponent', '1e309'],
    ['too many digits', '9'.repeat(40)],
    ['"__proto__"', '__proto__'],
    ['a NUL', '1\u00002'],
  ])('a resume cursor of %s is ignored: the stream starts at the latest change', async (_name, cursor) => {
    const since = await openStream(s.server.origin, {}, `?since=${encodeURIComponent(cursor)}`);
    const ready = JSON.parse((await since.next(isReady)).data) as { lastSeq: number };
    expect(ready.lastSeq).toBe(s.editor.appliedSeq);
    since.close();
    if (!/\u0000/.test(cursor)) {
      const header = await openStream(s.server.origin, { 'last-event-id': cursor });
      expect(JSON.parse((await header.next(isReady)).data)).toEqual({ lastSeq: s.editor.appliedSeq });
      header.close();
    }
    await expectServes(s.server);
  });

  test('a cursor beyond any change of the store gets a reset, not an error', async () => {
    const stream = await openStream(s.server.origin, { 'last-event-id': '999999999999' });
    await stream.next(isReady);
    const reset = await stream.next((event) => event.event === 'reset');
    expect(JSON.parse(reset.data)).toEqual({ lastSeq: s.editor.appliedSeq });
    stream.close();
  });

  test('streams past PROXYGRAPH_MAX_EVENT_STREAMS: 503 with Retry-After; GraphQL and /healthz answer; closing frees room', async () => {
    const limited = await s.another({ PROXYGRAPH_MAX_EVENT_STREAMS: '50' });
    // 60 at once, each with a token to check: exactly 50 open.
    const opened = await Promise.all(Array.from({ length: 60 }, () => openStream(limited.origin, bearer(s.secrets.reader))));
    const streams = opened.filter((stream) => stream.status === 200);
    expect([streams.length, opened.filter((stream) => stream.status === 503).length]).toEqual([50, 10]);
    await Promise.all(streams.map((stream) => stream.next(isReady)));
    const refused = await fetch(`${limited.origin}/events`).then(toResponse);
    await expectRefusal(limited, refused, { status: 503, code: 'TOO_MANY_STREAMS', message: '50 change streams are open already, the most this server keeps (PROXYGRAPH_MAX_EVENT_STREAMS)' });
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await limited.get('/healthz')).status).toBe(200);
    // Every open stream is still told the next change.
    await edit('mutation { createSource(input: { id: "many-streams", title: "Many streams" }) { id } }');
    const told = await Promise.all(streams.map((stream) => stream.next(isChanges)));
    expect(told.every((event) => changesOf(event).some((change) => change.id === 'many-streams'))).toBe(true);
    streams.splice(0, 10).forEach((stream) => stream.close());
    // The server notices the closed sockets; then new streams are let in again.
    let again: Stream | null = null;
    for (let attempt = 0; attempt < 50 && !again; attempt++) {
      const tried = await openStream(limited.origin);
      if (tried.status === 200) again = tried;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(again?.status).toBe(200);
    again?.close();
    streams.forEach((stream) => stream.close());
  });
});
