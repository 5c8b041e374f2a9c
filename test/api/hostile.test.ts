import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_QUERY_LIMITS } from '../../src/api/limits';
import { loadGraph, MAX_FILE_BYTES } from '../../src/load';
import { DataValidationError, type Problem } from '../../src/model';
import { SEED_DATASET } from '../helpers/fixture-datasets';
import { codeOf, expectServes, NORMAL_QUERY, startTestServer, type TestResponse, type TestServer } from './http-harness';

// Hostile input everywhere: each case asserts the exact refusal, then that the server (or the loader) still works.
const L = DEFAULT_QUERY_LIMITS;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(loadGraph(SEED_DATASET), { NODE_ENV: 'production', PROXYGRAPH_MAX_BODY_BYTES: '100000' });
});
afterAll(() => server.stop());
afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

function nested(levels: number, inner = 'id'): string {
  let selection = inner;
  for (let level = 0; level < levels; level++) selection = `relationships { target { ${selection} } }`;
  return selection;
}

function fragmentBomb(levels: number): string {
  let fragments = 'fragment F0 on Entity { id name }\n';
  for (let i = 1; i <= levels; i++) fragments += `fragment F${i} on Entity { ...F${i - 1} a${i}: relationships { target { ...F${i - 1} } } }\n`;
  return `{ entity(id: "hezbollah") { ...F${levels} } }\n${fragments}`;
}

interface Refusal {
  readonly status: number;
  readonly code: string;
  /** A part of the first error's message. */
  readonly message?: string | RegExp;
}

describe('queries and variables', () => {
  const cases: [string, Record<string, unknown> | string, Refusal][] = [
    ['a field nested 25 levels deep', { query: `{ entity(id: "hezbollah") { ${nested(25)} } }` }, { status: 400, code: 'QUERY_TOO_DEEP', message: `maxDepth = ${L.maxDepth}` }],
    [
      'depth hidden in fragments',
      { query: `{ entity(id: "hezbollah") { ...A } } fragment A on Entity { relationships { target { ...B } } } fragment B on Entity { ${nested(5)} }` },
      { status: 400, code: 'QUERY_TOO_DEEP' },
    ],
    ['31 aliases', { query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: stats { entities }`).join(' ')} }` }, { status: 400, code: 'TOO_MANY_ALIASES', message: `maxAliases = ${L.maxAliases}` }],
    [
      'aliases multiplied by spreading a fragment',
      { query: `{ stats { ...S } a: stats { ...S } b: stats { ...S } c: stats { ...S } } fragment S on Stats { ${Array.from({ length: 8 }, (_, i) => `e${i}: entities`).join(' ')} }` },
      { status: 400, code: 'TOO_MANY_ALIASES' },
    ],
    ['21 directives', { query: `{ stats { ${'entities @include(if: true) '.repeat(21)} } }` }, { status: 400, code: 'TOO_MANY_DIRECTIVES', message: `maxDirectives = ${L.maxDirectives}` }],
    ['a document over the token limit', { query: `{ ${'stats { entities } '.repeat(700)} }` }, { status: 400, code: 'TOO_MANY_TOKENS', message: 'maxTokens = 2,000' }],
    [
      '1,000 aliases of a deep field (7 MB from a plain Apollo Server)',
      { query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: neighborhood(id: "hezbollah", depth: 4) { nodes { id } }`).join(' ')} }` },
      { status: 400, code: 'TOO_MANY_TOKENS' },
    ],
    [
      'neighborhood depth 4, limit 5000, with relationships under it',
      { query: '{ neighborhood(id: "hezbollah", depth: 4, limit: 5000) { nodes { id relationships { id target { id } } } } }' },
      { status: 400, code: 'QUERY_TOO_COSTLY', message: 'maxCost = 100,000' },
    ],
    ['the whole network with two levels of relationships', { query: `{ network { nodes { id ${nested(2)} } } }` }, { status: 400, code: 'QUERY_TOO_COSTLY' }],
    [
      'paths k: 20 with two levels of relationships under each entity',
      { query: `{ paths(from: "kataib-hezbollah", to: "israel", k: 20) { nodes { id ${nested(2)} } } }` },
      { status: 400, code: 'QUERY_TOO_COSTLY' },
    ],
    ['500 entities with two levels of relationships', { query: `{ entities(first: 500) { edges { node { ${nested(2)} } } } }` }, { status: 400, code: 'QUERY_TOO_COSTLY' }],
    [
      'a costly limit passed in a variable',
      { query: 'query($n: Int) { neighborhood(id: "hezbollah", depth: 4, limit: $n) { nodes { id name kind } edges { id source { id } target { id } } } }', variables: { n: 5000 } },
      { status: 400, code: 'QUERY_TOO_COSTLY' },
    ],
    ['a fragment bomb (2^30 selections in 1.5 KB)', { query: fragmentBomb(30) }, { status: 400, code: 'QUERY_TOO_DEEP' }],
    ['a syntax error', { query: '{ stats { entities ' }, { status: 400, code: 'GRAPHQL_PARSE_FAILED' }],
    ['an unknown field', { query: '{ stats { entities secrets } }' }, { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: 'Cannot query field "secrets" on type "Stats".' }],
    ['introspection in production', { query: '{ __schema { types { name } } }' }, { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /introspection/i }],
    ['two anonymous operations', { query: '{ stats { entities } } { stats { relationships } }' }, { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' }],
    ['an operation name that is not in the document', { query: 'query A { stats { entities } }', operationName: 'B' }, { status: 400, code: 'OPERATION_RESOLUTION_FAILURE', message: 'Unknown operation named "B".' }],
    ['neighborhood depth 99', { query: '{ neighborhood(id: "hezbollah", depth: 99) { nodes { id } } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'depth: must be an integer from 1 to 4, got 99' }],
    ['neighborhood limit -1', { query: '{ neighborhood(id: "hezbollah", limit: -1) { nodes { id } } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'limit: must be an integer from 1 to 5000, got -1' }],
    ['search text of 10,000 characters', { query: 'query($t: String!) { search(text: $t) { id } }', variables: { t: 'a'.repeat(10_000) } }, { status: 200, code: 'BAD_USER_INPUT', message: 'text: is 10000 characters long' }],
    ['search limit 1000', { query: '{ search(text: "hezbollah", limit: 1000) { id } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'limit: must be an integer from 1 to 100' }],
    ['a neighbourhood around "constructor"', { query: '{ neighborhood(id: "constructor") { nodes { id } } }' }, { status: 200, code: 'NOT_FOUND', message: 'entity "constructor" not found' }],
    ['a forged cursor', { query: '{ entities(after: "Li4vLi4vZXRjL3Bhc3N3ZA") { totalCount } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'after: is not a cursor returned by this API' }],
    ['an impossible asOf date', { query: '{ stats(asOf: "2020-13-45") { entities } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'asOf:' }],
    ['minConfidence 2', { query: '{ neighborhood(id: "hezbollah", minConfidence: 2) { nodes { id } } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'minConfidence: must be a number from 0 to 1, got 2' }],
    ['a variable of the wrong type', { query: 'query($n: Int) { search(text: "x", limit: $n) { id } }', variables: { n: 'ten' } }, { status: 400, code: 'BAD_USER_INPUT', message: 'Variable "$n" got invalid value' }],
    ['a missing required variable', { query: 'query($t: String!) { search(text: $t) { id } }', variables: {} }, { status: 400, code: 'BAD_USER_INPUT', message: 'Variable "$t" of required type "String!" was not provided.' }],
    ['variables given as a string', { query: '{ stats { entities } }', variables: '{"a":1}' }, { status: 400, code: 'BAD_REQUEST', message: '`variables` in a POST body should be provided as an object' }],
    ['a query given as an object', { query: { kind: 'Document' } }, { status: 400, code: 'BAD_REQUEST', message: 'GraphQL queries must be strings.' }],
    [
      'a variable nested 20,000 arrays deep',
      `{"query":"query($t: String!) { search(text: $t) { id } }","variables":{"t":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`,
      { status: 400, code: 'BAD_USER_INPUT', message: 'String cannot represent a non string value' },
    ],
  ];
  test.each(cases)('%s', async (_name, body, refusal) => {
    const response = await server.post(body);
    expect([response.status, codeOf(response)]).toEqual([refusal.status, refusal.code]);
    if (refusal.message) expect(response.body.errors[0].message).toMatch(typeof refusal.message === 'string' ? escape(refusal.message) : refusal.message);
    if (refusal.status === 400) expect(response.body.data).toBeUndefined();
    expect(response.text).not.toMatch(/\/work\/|node_modules|\bat .+:\d+:\d+/);
    await expectServes(server);
  });

  test('an entity id of "__proto__" is simply unknown', async () => {
    const response = await server.post({ query: '{ entity(id: "__proto__") { id } toString: entity(id: "toString") { id } }' });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ entity: null, toString: null });
    await expectServes(server);
  });

  test('variables carrying "__proto__" pollute nothing', async () => {
    const body = `{"query":"query($id: ID!) { entity(id: $id) { id } }","variables":{"id":"hezbollah","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}`;
    const response = await server.post(body);
    expect(response.status).toBe(200);
    expect(response.body.data.entity.id).toBe('hezbollah');
    await expectServes(server);
  });
});

function escape(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

describe('HTTP', () => {
  const small = JSON.stringify({ query: NORMAL_QUERY });
  const cases: [string, (s: TestServer) => Promise<TestResponse | string>, Refusal][] = [
    ['malformed JSON', (s) => s.post('{"query": "{ stats { entities } }",'), { status: 400, code: 'BAD_REQUEST', message: 'request body is not valid JSON' }],
    ['an empty JSON body', (s) => s.post(''), { status: 400, code: 'BAD_REQUEST' }],
    ['a JSON body that is a number', (s) => s.post('42'), { status: 400, code: 'BAD_REQUEST' }],
    ['a body over the size limit', (s) => s.post({ query: NORMAL_QUERY, pad: 'x'.repeat(200_000) }), { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'request body is larger than 100000 bytes' }],
    [
      'a chunked body over the size limit',
      async (s) => {
        const stream = new ReadableStream({
          start(controller) {
            for (let i = 0; i < 30; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
            controller.close();
          },
        });
        const response = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
        return { status: response.status, headers: response.headers, text: '', body: await response.json() };
      },
      { status: 413, code: 'PAYLOAD_TOO_LARGE' },
    ],
    ['a batch when batching is off', (s) => s.post([{ query: NORMAL_QUERY }]), { status: 400, code: 'BAD_REQUEST', message: 'Operation batching disabled.' }],
    ['a text/plain POST (CSRF)', (s) => s.post(small, { 'content-type': 'text/plain' }), { status: 400, code: 'BAD_REQUEST', message: /CSRF/ }],
    ['a form-encoded POST (CSRF)', (s) => s.post(`query=${encodeURIComponent(NORMAL_QUERY)}`, { 'content-type': 'application/x-www-form-urlencoded' }), { status: 400, code: 'BAD_REQUEST', message: /CSRF/ }],
    ['a GET without a preflight header (CSRF)', (s) => s.get(`/graphql?query=${encodeURIComponent(NORMAL_QUERY)}`), { status: 400, code: 'BAD_REQUEST', message: /CSRF/ }],
    ['a mutation over GET', (s) => s.get(`/graphql?query=${encodeURIComponent('mutation { __typename }')}`, { 'apollo-require-preflight': '1' }), { status: 405, code: 'BAD_REQUEST', message: 'GET requests only support query operations' }],
    ['a PUT', (s) => s.post(small, {}).then(() => fetch(s.url, { method: 'PUT', body: small, headers: { 'content-type': 'application/json' } })).then(toResponse), { status: 405, code: 'BAD_REQUEST' }],
    ['a request target that is not a URL', (s) => s.raw('GET http://[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'), { status: 400, code: 'BAD_REQUEST', message: 'the request target is not a valid URL' }],
    ['headers of 20 KB', (s) => s.raw(`GET /graphql HTTP/1.1\r\nHost: localhost\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`), { status: 431, code: 'HEADERS_TOO_LARGE' }],
    ['a malformed request line', (s) => s.raw('HELLO WORLD\r\n\r\n'), { status: 400, code: 'BAD_REQUEST', message: 'malformed HTTP request' }],
    ['a path that climbs out of the client directory', (s) => s.raw('GET /../../../../etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'), { status: 404, code: 'NOT_FOUND' }],
    ['an encoded climb', (s) => s.get('/%2e%2e/%2e%2e/%2e%2e/etc/passwd'), { status: 404, code: 'NOT_FOUND' }],
    ['a NUL byte in the path', (s) => s.get('/index.html%00.js'), { status: 404, code: 'NOT_FOUND' }],
    [
      'invalid UTF-8 in a JSON body',
      (s) => fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat([Buffer.from('{"query":"{ stats { entities } }\xff'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]) }).then(toResponse),
      { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    ],
  ];
  test.each(cases)('%s', async (_name, send, refusal) => {
    const result = await send(server);
    const response = typeof result === 'string' ? fromRaw(result) : result;
    expect([response.status, codeOf(response)]).toEqual([refusal.status, refusal.code]);
    if (refusal.message) expect(response.body.errors[0].message).toMatch(typeof refusal.message === 'string' ? escape(refusal.message) : refusal.message);
    expect(response.text).not.toContain('root:');
    await expectServes(server);
  });
});

async function toResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

function fromRaw(raw: string): TestResponse {
  const split = raw.indexOf('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
  const text = raw.slice(split + 4);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status, headers: new Headers(), text, body };
}

describe('data files', () => {
  const BASE = join(__dirname, '..', 'fixtures', 'hostile', 'base');
  const FILES = ['sources.yaml', 'entities.yaml', 'relationships.yaml'] as const;
  type DataFile = (typeof FILES)[number];
  const created: string[] = [];
  afterAll(() => created.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

  const baseLines = (file: DataFile) => readFileSync(join(BASE, file), 'utf8').split('\n').length - 1;

  /** A copy of the base dataset with `content` appended to (or replacing) one file. */
  function dataset(file: DataFile, content: string | Buffer, mode: 'append' | 'replace' = 'append'): string {
    const directory = mkdtempSync(join(tmpdir(), 'proxygraph-hostile-'));
    created.push(directory);
    for (const name of FILES) copyFileSync(join(BASE, name), join(directory, name));
    const existing = mode === 'append' ? readFileSync(join(BASE, file)) : Buffer.alloc(0);
    writeFileSync(join(directory, file), Buffer.concat([existing, Buffer.from(content)]));
    return directory;
  }

  function problemsOf(directory: string): Problem[] {
    try {
      loadGraph(directory);
    } catch (error) {
      if (error instanceof DataValidationError) return [...error.problems];
      throw error;
    }
    throw new Error('the dataset loaded');
  }

  const entity = (id: string, more = '') => `- id: ${id}\n  kind: ORGANIZATION\n  name: Test\n${more}`;
  const relationship = (id: string, more: string) => `- id: ${id}\n  type: BACKS\n  source: iran\n  target: kataib-hezbollah\n${more}`;
  const evidence = '  evidence:\n    - source: report-a\n';

  /** [name, file, content, mode, expected code, line (counted from the first appended line, or absolute when replacing)] */
  const cases: [string, DataFile, string | Buffer, 'append' | 'replace', string, number][] = [
    ['a YAML syntax error', 'entities.yaml', '- id: x\n  name: [unclosed\n', 'append', 'FILE_SYNTAX', 3],
    ['a byte order mark', 'sources.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(BASE, 'sources.yaml'))]), 'replace', 'FILE_BOM', 1],
    ['invalid UTF-8', 'entities.yaml', Buffer.from([0x2d, 0x20, 0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), 'append', 'FILE_ENCODING', 1],
    ['an empty file', 'relationships.yaml', '', 'replace', 'FILE_EMPTY', 0],
    ['an unknown kind', 'entities.yaml', '- id: x\n  kind: MILITIA\n  name: X\n', 'append', 'UNKNOWN_KIND', 2],
    ['an unknown relation type', 'relationships.yaml', '- id: r\n  type: FUNDS\n  source: iran\n  target: kataib-hezbollah\n' + evidence, 'append', 'UNKNOWN_TYPE', 2],
    ['a duplicate id', 'entities.yaml', entity('iran'), 'append', 'DUPLICATE_ID', 1],
    ['a dangling reference', 'relationships.yaml', '- id: r\n  type: BACKS\n  source: iran\n  target: nobody\n' + evidence, 'append', 'DANGLING_REFERENCE', 4],
    ['a bad date', 'entities.yaml', entity('x', '  start: "2020-02-30"\n'), 'append', 'INVALID_DATE', 4],
    ['an end before its start', 'entities.yaml', entity('x', '  start: "2020"\n  end: "2019"\n'), 'append', 'END_BEFORE_START', 5],
    ['a kind the relation type does not allow', 'relationships.yaml', '- id: r\n  type: LEADS\n  source: iran\n  target: kataib-hezbollah\n' + evidence, 'append', 'KIND_NOT_ALLOWED', 3],
    ['missing evidence', 'relationships.yaml', relationship('r', ''), 'append', 'MISSING_EVIDENCE', 1],
    ['an unknown source', 'relationships.yaml', relationship('r', '  evidence:\n    - source: report-z\n'), 'append', 'UNKNOWN_SOURCE', 5],
    ['an unsafe id', 'entities.yaml', entity('Bad Id'), 'append', 'UNSAFE_ID', 1],
    ['a confidence out of range', 'relationships.yaml', relationship('r', '  confidence: 1.5\n' + evidence), 'append', 'CONFIDENCE_RANGE', 5],
    ['the id "__proto__"', 'entities.yaml', entity('__proto__'), 'append', 'UNSAFE_ID', 1],
    ['the id "constructor"', 'entities.yaml', entity('constructor'), 'append', 'UNSAFE_ID', 1],
    ['the id "tostring"', 'entities.yaml', entity('tostring').replace('tostring', 'toString'), 'append', 'UNSAFE_ID', 1],
    ['an attribute named "__proto__"', 'entities.yaml', entity('x', '  attributes:\n    __proto__:\n      polluted: yes\n'), 'append', 'UNSAFE_KEY', 4],
    ['an attribute named "constructor"', 'entities.yaml', entity('x', '  attributes:\n    constructor: 1\n'), 'append', 'UNSAFE_KEY', 4],
    ['a javascript: URL in a source', 'sources.yaml', '- id: evil\n  title: Evil\n  url: "javascript:alert(1)"\n', 'append', 'UNSAFE_URL', 3],
    ['"__proto__" at the top of a record', 'entities.yaml', entity('x', '  __proto__:\n    polluted: yes\n'), 'append', 'UNKNOWN_FIELD', 4],
    ['"__proto__" in an evidence item', 'relationships.yaml', relationship('r', '  evidence:\n    - source: report-a\n      __proto__: { polluted: yes }\n'), 'append', 'UNKNOWN_FIELD', 5],
    ['"__proto__" in an alias', 'entities.yaml', entity('x', '  aliases:\n    - name: X\n      __proto__: { polluted: yes }\n'), 'append', 'UNKNOWN_FIELD', 4],
    ['a "<<" merge key', 'entities.yaml', '- &base\n  id: x\n  kind: STATE\n  name: X\n- <<: *base\n  id: y\n  __proto__: { polluted: yes }\n', 'append', 'UNKNOWN_FIELD', 5],
    [
      'a billion-laughs alias bomb',
      'entities.yaml',
      '- id: lol\n  kind: STATE\n  name: X\n  attributes:\n    a: &a lol\n' +
        '  aliases: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  description: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  start: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n  end: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n',
      'append',
      'FILE_ALIASES',
      1,
    ],
    ['collections nested 10,000 deep (flow)', 'entities.yaml', `- id: x\n  name: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'append', 'FILE_TOO_DEEP', 2],
    ['collections nested 200 deep (block)', 'entities.yaml', '- id: x\n' + Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 * (i + 1))}k${i}:`).join('\n') + ' 1\n', 'append', 'FILE_TOO_DEEP', 65],
    ['two YAML documents in one file', 'sources.yaml', '---\n- id: more\n  title: More\n', 'append', 'FILE_SYNTAX', 1],
    ['a file that is a map, not a list', 'sources.yaml', 'id: report-a\ntitle: Not a list\n', 'replace', 'FILE_SHAPE', 1],
  ];

  test.each(cases)('%s', (_name, file, content, mode, code, line) => {
    const problems = problemsOf(dataset(file, content, mode));
    const problem = problems.find((p) => p.code === code);
    expect([problem?.code, problems.map((p) => p.code)]).toEqual([code, expect.any(Array)]);
    expect(problem!.file).toMatch(new RegExp(`${file.replace('.', '\\.')}$`));
    const expectedLine = mode === 'append' && line > 0 ? baseLines(file) + line : line || undefined;
    expect(problem!.line).toBe(expectedLine);
    // Nothing leaked into Object.prototype, and the loader still loads a valid dataset.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(loadGraph(BASE).order).toBe(3);
  });

  test('a file larger than the limit is refused before it is read', () => {
    const directory = dataset('relationships.yaml', '');
    const handle = openSync(join(directory, 'relationships.yaml'), 'r+');
    ftruncateSync(handle, MAX_FILE_BYTES + 1);
    closeSync(handle);
    const problems = problemsOf(directory);
    expect(problems.map((p) => p.code)).toEqual(['FILE_TOO_LARGE']);
  });

  test('a 5 MB file of valid records loads in bounded time', () => {
    const records = Array.from({ length: 10_000 }, (_, i) => entity(`org-${i}`, `  description: ${'d'.repeat(400)}\n`)).join('');
    const started = Date.now();
    const graph = loadGraph(dataset('entities.yaml', records));
    expect(graph.order).toBe(10_003);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test('aliases that are used sensibly still resolve to their values (not to { source: "…" })', () => {
    const directory = dataset('relationships.yaml', relationship('r', '  evidence:\n    - &ev\n      source: report-a\n      note: shared\n') + relationship('s', '  evidence: [*ev]\n').replace('iran\n', 'iran\n'));
    const graph = loadGraph(directory);
    expect(graph.getEdgeAttributes('s').record.evidence).toEqual([{ source: 'report-a', note: 'shared' }]);
  });
});

test('there are at least 40 hostile cases', () => {
  // queries/variables + HTTP + data files, counted from the tables above (kept honest by this test).
  const source = readFileSync(__filename, 'utf8');
  const rows = source.match(/^ {4}\['/gm) ?? [];
  expect(rows.length).toBeGreaterThanOrEqual(40);
});
