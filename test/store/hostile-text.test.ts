import { EDITOR, openHarness, READER, type Harness } from './helpers/harness';
import { declarePostgresPresence, STORE_KINDS } from './helpers/stores';

// Text the database cannot hold, in lookups and in records, is refused as bad input (never an internal error from the
// database); text that is strange but representable (bidi overrides, zero-width characters) is kept exactly, as data.
// And the change log is read with a token only, even when reading is open.

jest.setTimeout(60_000);
declarePostgresPresence('hostile text and the reading of history');

const CREATE_ENTITY = 'mutation($input: EntityInput!) { createEntity(input: $input) { id name aliases } }';

describe.each(STORE_KINDS)('on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(() => h?.close());

  test.each([
    ['history(id: "a\\u0000b")', 'query { history(id: "a\\u0000b") { seq } }', {}, 'id'],
    ['merges(entity: "\\u0000")', 'query { merges(entity: "\\u0000") { id } }', {}, 'entity'],
    // A GraphQL string literal cannot hold a lone surrogate (a parse error); a variable can.
    ['history of a lone surrogate', 'query($id: ID!) { history(id: $id) { seq } }', { id: 'a\ud800' }, 'id'],
  ])('%s is BAD_USER_INPUT naming the argument', async (_name, query, variables, argument) => {
    const result = await h.gql(query, variables, READER);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(result.errors?.[0]?.message).toContain('is not an id');
  });

  test.each([
    ['a NUL in a name', { name: 'Bad\u0000Name' }, 'U+0000'],
    ['a lone surrogate in a name', { name: 'Bad\ud800Name' }, 'U+D800'],
    ['a C1 control in a description', { name: 'Fine', description: 'text \u0085 more' }, 'U+0085'],
    ['a line break in a name', { name: 'Two\nLines' }, 'U+000A'],
    ['a NUL in an alias', { name: 'Fine', aliases: [{ name: 'ok' }, { name: 'b\u0000d' }] }, 'U+0000'],
  ])('%s is refused with INVALID_TEXT, nothing stored', async (_name, fields, codePoint) => {
    const before = await h.snapshot();
    const result = await h.gql(CREATE_ENTITY, { input: { id: `text-${Math.random().toString(36).slice(2, 8)}`, kind: 'ORGANIZATION', ...fields } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problem = result.errors![0].extensions!.problems[0];
    expect(problem.code).toBe('INVALID_TEXT');
    expect(problem.message).toContain(codePoint);
    expect(await h.snapshot()).toEqual(before);
  });

  test('bidi overrides and zero-width characters are data: stored and given back exactly', async () => {
    const name = 'Kata\u200bib \u202eHezbollah\u202c';
    const result = await h.gql(CREATE_ENTITY, { input: { id: `bidi-${kind}`, kind: 'ORGANIZATION', name, aliases: [{ name: '\u2066KH\u2069' }] } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createEntity).toEqual({ id: `bidi-${kind}`, name, aliases: ['\u2066KH\u2069'] });
  });

  test.each([['history', '{ history(id: "iran") { seq actor } }'], ['changes', '{ changes { changes { seq actor before } } }'], ['merges', '{ merges { id actor } }']])(
    '%s needs a token even when reading is open (token names and deleted records are in it)',
    async (_name, query) => {
      const anonymous = await h.gql(query, {}, null);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(anonymous.errors?.[0]?.message).toContain('needs a token');
      expect(anonymous.data ?? null).toBeNull();
      const reader = await h.gql(query, {}, READER);
      expect(reader.errors).toBeUndefined();
      expect(EDITOR.role).toBe('editor');
    },
  );
});
