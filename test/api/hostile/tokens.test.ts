import { authenticate, listTokens } from '../../../src/store';
import { declarePostgresPresence, STORE_KINDS } from '../../store/helpers/stores';
import type { TestServer } from '../http-harness';
import { expectRefusal, hostileCases, type HostileCase } from './hostile-cases';
import { bearer, startStoreServer, type StoreServer } from './store-server';

// Token mutations (createToken, revokeToken) and the tokens list, as an attacker would try them: admins only, names
// checked before the database sees them, the last admin kept, and a secret shown once and never again (nor logged).

jest.setTimeout(60_000);
declarePostgresPresence('hostile token mutations');

const CREATE = 'mutation($name: String!, $role: Role!) { createToken(name: $name, role: $role) { secret token { name role } } }';
const REVOKE = 'mutation($name: String!) { revokeToken(name: $name) { name revokedAt } }';
const TOKENS = '{ tokens { name role createdBy revokedBy } }';

describe.each(STORE_KINDS)('token mutations on the %s store', (kind) => {
  let s: StoreServer;
  beforeAll(async () => {
    s = await startStoreServer(kind);
  });
  afterAll(() => s?.close());

  type As = 'admin' | 'editor' | 'reader' | null;
  const as = (who: As) => (who ? bearer(s.secrets[who]) : {});
  const create = (name: string, who: As = 'admin', role = 'READER') => (server: TestServer) => server.post({ query: CREATE, variables: { name, role } }, as(who));
  const revoke = (name: string, who: As = 'admin') => (server: TestServer) => server.post({ query: REVOKE, variables: { name } }, as(who));
  const list = (who: As) => (server: TestServer) => server.post({ query: TOKENS }, as(who));
  const NOT_A_NAME = /^name: .* is not a token name: use 1-64 letters, digits/;

  const cases: HostileCase[] = [
    ['createToken without a token', create('mallory', null), { status: 200, code: 'UNAUTHENTICATED', message: 'createToken needs a token with the admin role' }],
    ['createToken with a reader token', create('mallory', 'reader'), { status: 200, code: 'FORBIDDEN', message: 'createToken needs the admin role; token "rita" has the reader role' }],
    ['createToken with an editor token', create('mallory', 'editor', 'ADMIN'), { status: 200, code: 'FORBIDDEN', message: 'createToken needs the admin role; token "eddie" has the editor role' }],
    ['revokeToken without a token', revoke('ada', null), { status: 200, code: 'UNAUTHENTICATED', message: 'revokeToken needs a token with the admin role' }],
    ['revokeToken with an editor token', revoke('ada', 'editor'), { status: 200, code: 'FORBIDDEN', message: 'revokeToken needs the admin role' }],
    ['revokeToken with a reader token', revoke('eddie', 'reader'), { status: 200, code: 'FORBIDDEN', message: 'revokeToken needs the admin role' }],
    ['the tokens list without a token', list(null), { status: 200, code: 'UNAUTHENTICATED', message: 'tokens needs a token with the admin role' }],
    ['the tokens list with an editor token', list('editor'), { status: 200, code: 'FORBIDDEN', message: 'tokens needs the admin role' }],
    ['a name with a control character', create('bell\u0007name'), { status: 200, code: 'BAD_USER_INPUT', message: NOT_A_NAME }],
    ['a name with a NUL', create('a\u0000b'), { status: 200, code: 'BAD_USER_INPUT', message: NOT_A_NAME }],
    ['a name with a line break (a forged log line)', create('eve\n{"level":30,"msg":"admin created"}'), { status: 200, code: 'BAD_USER_INPUT', message: NOT_A_NAME }],
    ['a name with a right-to-left override', create('nimda\u202Eeve'), { status: 200, code: 'BAD_USER_INPUT', message: NOT_A_NAME }],
    ['a name of 10 KB', create('a'.repeat(10_000)), { status: 200, code: 'BAD_USER_INPUT', message: /^name: "a{60}…" \(10,000 characters\) is not a token name/ }],
    ['an empty name', create(''), { status: 200, code: 'BAD_USER_INPUT', message: NOT_A_NAME }],
    ['the reserved name "seed"', create('seed'), { status: 200, code: 'BAD_USER_INPUT', message: 'name: "seed" names changes made by commands in the history' }],
    ['the reserved name "cli"', create('cli'), { status: 200, code: 'BAD_USER_INPUT', message: 'name: "cli" names changes made by commands in the history' }],
    ['the name "__proto__"', create('__proto__'), { status: 200, code: 'BAD_USER_INPUT', message: NOT_A_NAME }],
    ['a name taken by a token', create('eddie'), { status: 200, code: 'BAD_USER_INPUT', message: 'name: a token named "eddie" exists already' }],
    ['a role that does not exist', create('mallory', 'admin', 'ROOT'), { status: 400, code: 'BAD_USER_INPUT', message: 'Variable "$role" got invalid value "ROOT"' }],
    ['revoking an unknown token', revoke('nobody'), { status: 200, code: 'NOT_FOUND', message: 'token "nobody" not found' }],
    ['revoking a name with a NUL', revoke('ada\u0000'), { status: 200, code: 'BAD_USER_INPUT', message: NOT_A_NAME }],
    ['revoking a name of 10 KB', revoke('b'.repeat(10_000)), { status: 200, code: 'BAD_USER_INPUT', message: /^name: "b{60}…" \(10,000 characters\) is not a token name/ }],
    ['revoking the last admin token', revoke('ada'), { status: 200, code: 'BAD_USER_INPUT', message: 'name: "ada" is the last admin token that works' }],
    ['a bearer token of 10 KB', (server) => server.post({ query: '{ viewer { name } }' }, bearer(`pxg_${'x'.repeat(10_000)}`)), { status: 401, code: 'UNAUTHENTICATED', message: 'the token is not valid' }],
    ['an Authorization header that is not a bearer token', (server) => server.post({ query: '{ viewer { name } }' }, { authorization: 'Basic YWRhOmFkYQ==' }), { status: 401, code: 'UNAUTHENTICATED', message: 'the Authorization header must be "Bearer <token>"' }],
  ];
  hostileCases(() => s.server, cases);

  test('nothing was created or revoked by the refused requests', async () => {
    expect((await listTokens(s.store)).map((token) => [token.name, token.role, token.revokedAt])).toEqual([
      ['ada', 'admin', null],
      ['eddie', 'editor', null],
      ['rita', 'reader', null],
    ]);
  });

  test('a revoked token is refused at once, with 401, and its stream of requests gets nothing more', async () => {
    const created = await s.server.post({ query: CREATE, variables: { name: 'temp-editor', role: 'EDITOR' } }, as('admin'));
    const secret: string = created.body.data.createToken.secret;
    expect((await s.server.post({ query: '{ viewer { name } }' }, bearer(secret))).body.data.viewer.name).toBe('temp-editor');
    expect((await revoke('temp-editor')(s.server)).body.data.revokeToken.revokedAt).not.toBeNull();
    await expectRefusal(s.server, await s.server.post({ query: '{ viewer { name } }' }, bearer(secret)), { status: 401, code: 'UNAUTHENTICATED', message: 'the token is not valid: it is unknown or was revoked' });
    // Revoking it again is refused as unknown-or-revoked, not silently accepted.
    await expectRefusal(s.server, await revoke('temp-editor')(s.server), { status: 200, code: 'BAD_USER_INPUT', message: 'name: token "temp-editor" was revoked already' });
  });

  test('a token is rate limited wherever it comes from: 429 with Retry-After from a fresh address; other tokens go on', async () => {
    const limited = await s.another({ PROXYGRAPH_RATE_LIMIT: '3/60', PROXYGRAPH_TRUST_PROXY: '1' });
    const PATHS = { query: '{ paths(from: "kataib-hezbollah", to: "israel", k: 2) { length } }' };
    const from = (address: string, who: As) => ({ ...as(who), 'x-forwarded-for': address });
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) expect((await limited.post(PATHS, from(address, 'reader'))).status).toBe(200);
    // A fourth address, never seen: only the token's bucket is empty.
    const refused = await limited.post(PATHS, from('203.0.113.4', 'reader'));
    await expectRefusal(limited, refused, { status: 429, code: 'RATE_LIMITED', message: 'per token and per address (PROXYGRAPH_RATE_LIMIT=3/60)' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Another token from another fresh address, and the same address without a token, are served.
    expect((await limited.post(PATHS, from('203.0.113.5', 'editor'))).status).toBe(200);
    expect((await limited.post(PATHS, from('203.0.113.4', null))).status).toBe(200);
  });

  test('a secret is shown once: never in the logs, the tokens list, errors or any later response', async () => {
    const responses: string[] = [];
    const created = await s.server.post({ query: CREATE, variables: { name: 'secret-keeper', role: 'EDITOR' } }, as('admin'));
    const secret: string = created.body.data.createToken.secret;
    expect(secret).toMatch(/^pxg_/);
    const send = async (body: unknown, headers: Record<string, string> = bearer(secret)) => responses.push((await s.server.post(body, headers)).text);
    await send({ query: '{ viewer { name role } }' });
    await send({ query: TOKENS }, as('admin'));
    await send({ query: CREATE, variables: { name: 'secret-keeper', role: 'EDITOR' } }, as('admin'));
    await send({ query: 'mutation { createEntity(input: { id: "secret-test", kind: ORGANIZATION, name: "Secret Test" }) { id } }' });
    await send({ query: '{ history(id: "secret-test") { actor operation } }' });
    await send({ query: '{ changes(since: 0, limit: 1000) { changes { actor } } }' });
    await send({ query: '{ stats { entities } syntax error' });
    await send({ query: '{ viewer { name } }' }, bearer(`${secret}x`));
    expect(responses.join('\n')).toContain('secret-keeper');
    for (const text of [...responses, JSON.stringify(s.server.logs)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(4, 24));
    }
    // No secret of any token reaches the log, whichever way it was sent.
    expect(JSON.stringify(s.server.logs)).not.toMatch(/pxg_[A-Za-z0-9_-]{8}/);
    expect(await authenticate(s.store, secret)).toEqual({ name: 'secret-keeper', role: 'editor' });
  });
});
