import { authenticate, listTokens } from '../../src/store';
import { ADMIN, EDITOR, openHarness, READER, type Harness } from './helpers/harness';
import { declarePostgresPresence, STORE_KINDS } from './helpers/stores';

// Tokens over the API (viewer, tokens, createToken, revokeToken), on both stores: admins only, secrets shown once.

jest.setTimeout(60_000);
declarePostgresPresence('tokens over the API');

const CREATE = `mutation($name: String!, $role: Role!) { createToken(name: $name, role: $role) { secret token { name role createdBy revokedAt } } }`;
const REVOKE = `mutation($name: String!) { revokeToken(name: $name) { name revokedBy revokedAt } }`;
const TOKENS = `{ tokens { name role createdBy revokedBy revokedAt } }`;

describe.each(STORE_KINDS)('tokens over the API on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind, { seed: false });
  });
  afterAll(() => h?.close());

  test('viewer names the token and its role; null without one; editable says the server has a store', async () => {
    expect((await h.gql('{ viewer { name role } editable }', {}, EDITOR)).data).toEqual({ viewer: { name: 'alice', role: 'EDITOR' }, editable: true });
    expect((await h.gql('{ viewer { name role } editable }', {}, null)).data).toEqual({ viewer: null, editable: true });
  });

  test('an admin creates a token: its secret works, is shown once and stored hashed; who created it is recorded', async () => {
    const result = await h.gql(CREATE, { name: 'carol', role: 'EDITOR' }, ADMIN);
    expect(result.errors).toBeUndefined();
    const { secret, token } = result.data.createToken;
    expect(secret).toMatch(/^pxg_[A-Za-z0-9_-]{43}$/);
    expect(token).toEqual({ name: 'carol', role: 'EDITOR', createdBy: ADMIN.name, revokedAt: null });
    expect(await authenticate(h.store, secret)).toEqual({ name: 'carol', role: 'editor' });
    const listed = await h.gql(TOKENS, {}, ADMIN);
    expect(JSON.stringify(listed.data)).not.toContain(secret);
    expect(listed.data.tokens).toContainEqual({ name: 'carol', role: 'EDITOR', createdBy: ADMIN.name, revokedBy: null, revokedAt: null });
    const { rows } = await h.store.driver.query<{ secret_hash: string }>("SELECT secret_hash FROM tokens WHERE name = 'carol'");
    expect(rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('editors, readers and anonymous callers may not list, create or revoke tokens; nothing changes', async () => {
    const before = await listTokens(h.store);
    for (const [actor, code] of [
      [EDITOR, 'FORBIDDEN'],
      [READER, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      expect((await h.gql(TOKENS, {}, actor)).errors?.[0].extensions?.code).toBe(code);
      expect((await h.gql(CREATE, { name: 'mallory', role: 'ADMIN' }, actor)).errors?.[0].extensions?.code).toBe(code);
      expect((await h.gql(REVOKE, { name: 'carol' }, actor)).errors?.[0].extensions?.code).toBe(code);
    }
    expect(await listTokens(h.store)).toEqual(before);
  });

  test('bad names are refused naming the argument: taken, malformed, reserved for commands', async () => {
    for (const name of ['carol', 'has space', 'seed', 'cli']) {
      const result = await h.gql(CREATE, { name, role: 'READER' }, ADMIN);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'name' });
    }
  });

  test('revoking stops the token at once and records who revoked it; unknown names are NOT_FOUND', async () => {
    const { secret } = (await h.gql(CREATE, { name: 'dave', role: 'READER' }, ADMIN)).data.createToken;
    const revoked = await h.gql(REVOKE, { name: 'dave' }, ADMIN);
    expect(revoked.data.revokeToken).toMatchObject({ name: 'dave', revokedBy: ADMIN.name });
    expect(revoked.data.revokeToken.revokedAt).not.toBeNull();
    expect(await authenticate(h.store, secret)).toBeNull();
    expect((await h.gql(REVOKE, { name: 'nobody' }, ADMIN)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  test('the last working admin token cannot be revoked over the API; with another admin it can', async () => {
    const first = (await h.gql(CREATE, { name: 'admin-one', role: 'ADMIN' }, ADMIN)).data.createToken;
    expect(first.token.name).toBe('admin-one');
    // ADMIN (root-admin) is a context actor, not a stored token: admin-one is the only stored admin.
    const refused = await h.gql(REVOKE, { name: 'admin-one' }, ADMIN);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'name' });
    expect(refused.errors?.[0].message).toMatch(/last admin token/);
    expect((await authenticate(h.store, first.secret))?.name).toBe('admin-one');
    await h.gql(CREATE, { name: 'admin-two', role: 'ADMIN' }, ADMIN);
    expect((await h.gql(REVOKE, { name: 'admin-one' }, ADMIN)).data.revokeToken.name).toBe('admin-one');
    expect(await authenticate(h.store, first.secret)).toBeNull();
  });
});
