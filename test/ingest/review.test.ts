import { EDITOR, READER, openHarness, type Harness } from '../store/helpers/harness';
import { declarePostgresPresence, STORE_KINDS } from '../store/helpers/stores';

// The review mutations over the GraphQL API, on the embedded store and on PostgreSQL: drafts are stored, nothing enters
// the graph until accepted, accepting goes through the same validation as editing and is recorded in the history.

jest.setTimeout(90_000);
declarePostgresPresence('ingestion review');

const DRAFT = `id sourceId version paragraphs
  mentions { id paragraph start end text entity entityName match kind newEntity { name kind } candidates { entity score reasons } flags linkedBy }
  newEntities { id name kind mentions created flags }
  proposals { id type source { entity name kind mention } target { entity name kind mention } start end confidence status existing conflicts
    evidence { paragraph locator quote } decision { status by relationship reason } }`;
const INGEST = `mutation($input: IngestReportInput!) { ingestReport(input: $input) { ${DRAFT} } }`;
const ACCEPT = `mutation($draft: ID!, $proposal: ID!, $edit: ProposalEdit) { acceptProposal(draft: $draft, proposal: $proposal, edit: $edit) { draft { ${DRAFT} } relationship { id type start confidence evidence { source { id } locator note } } } }`;
const REJECT = `mutation($draft: ID!, $proposal: ID!, $reason: String) { rejectProposal(draft: $draft, proposal: $proposal, reason: $reason) { ${DRAFT} } }`;
const ACCEPT_ENTITY = `mutation($draft: ID!, $entity: ID!, $edit: EntityEdit) { acceptEntity(draft: $draft, entity: $entity, edit: $edit) { draft { ${DRAFT} } entity { id kind name } } }`;
const LINK = `mutation($draft: ID!, $mention: ID!, $entity: ID) { linkMention(draft: $draft, mention: $mention, entity: $entity) { ${DRAFT} } }`;
const DRAFTS = `{ drafts { id title published createdBy proposals decided } }`;
const HISTORY = `query($id: ID!, $kind: RecordKind) { history(id: $id, kind: $kind) { actor operation op } }`;

const ARTICLE = [
  'Militia report',
  'Abu Fadak al-Mohammedawi, the leader of Kataib Hezbollah, spoke on Friday.',
  'Kataib Hezbollah, which is backed by Iran, fired rockets at Camp Victory last month.',
  'Qais Khazali, the leader of Asaib Ahl al-Haq, threatened Israel.',
].join('\n\n');
const SOURCE = { title: 'Militia report', published: '2024-04-21', publisher: 'Test Wire', url: 'https://example.org/militia-report' };

type Draft = { id: string; sourceId: string; paragraphs: string[]; proposals: any[]; mentions: any[]; newEntities: any[] };

describe.each(STORE_KINDS)('reviewing an ingested article on the %s store', (kind) => {
  let h: Harness;
  let draft: Draft;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(() => h?.close());

  const proposal = (of: Draft, type: string, source: string) => of.proposals.find((candidate) => candidate.type === type && (candidate.source.entity === source || candidate.source.name === source));

  test('ingestReport stores a draft and changes nothing in the graph', async () => {
    const before = await h.snapshot();
    const result = await h.gql(INGEST, { input: { text: ARTICLE, source: SOURCE } });
    expect(result.errors).toBeUndefined();
    draft = result.data.ingestReport;
    expect(draft.paragraphs).toHaveLength(4);
    expect(proposal(draft, 'BACKS', 'iran')).toMatchObject({ status: 'ADDS_EVIDENCE', existing: 'iran-backs-kataib-hezbollah', evidence: { locator: '¶3' } });
    expect(proposal(draft, 'LEADS', 'qais-khazali')).toMatchObject({ status: 'ADDS_EVIDENCE', existing: 'khazali-leads-asaib-ahl-al-haq' });
    const after = await h.snapshot();
    expect(after.graph).toBe(before.graph);
    expect(after.store).toBe(before.store);
    const listed = await h.gql(DRAFTS);
    expect(listed.data.drafts.map((item: { id: string }) => item.id)).toContain(draft.id);
  });

  test('accepting creates the source once, then the relationship, and the history records who', async () => {
    const fired = proposal(draft, 'ATTACKED', 'kataib-hezbollah');
    expect(fired.target.entity).toBeNull();
    const refused = await h.gql(ACCEPT, { draft: draft.id, proposal: fired.id });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/acceptEntity|linkMention/);

    const camp = draft.newEntities.find((entity) => entity.name === 'Camp Victory')!;
    const created = await h.gql(ACCEPT_ENTITY, { draft: draft.id, entity: camp.id });
    expect(created.errors).toBeUndefined();
    expect(created.data.acceptEntity.entity).toMatchObject({ id: 'camp-victory', kind: 'LOCATION' });
    const now = created.data.acceptEntity.draft as Draft;
    expect(proposal(now, 'ATTACKED', 'kataib-hezbollah').target.entity).toBe('camp-victory');

    const accepted = await h.gql(ACCEPT, { draft: draft.id, proposal: fired.id, edit: { note: 'KH rockets on the camp, per the wire.' } });
    expect(accepted.errors).toBeUndefined();
    const relationship = accepted.data.acceptProposal.relationship;
    expect(relationship).toMatchObject({ type: 'ATTACKED', start: '2024-03', evidence: [{ source: { id: draft.sourceId }, locator: '¶3', note: 'KH rockets on the camp, per the wire.' }] });
    expect(h.graph.hasEdge(relationship.id)).toBe(true);
    expect(h.graph.getAttribute('sources').get(draft.sourceId)).toMatchObject({ title: 'Militia report', publisher: 'Test Wire', url: SOURCE.url });
    expect(proposal(accepted.data.acceptProposal.draft, 'ATTACKED', 'kataib-hezbollah').decision).toMatchObject({ status: 'ACCEPTED', by: EDITOR.name, relationship: relationship.id });
    const history = await h.gql(HISTORY, { id: relationship.id });
    expect(history.data.history).toEqual([{ actor: EDITOR.name, operation: 'acceptProposal', op: 'CREATE' }]);

    // A second acceptance reuses the source: it is created once.
    const backs = proposal(draft, 'BACKS', 'iran');
    const again = await h.gql(ACCEPT, { draft: draft.id, proposal: backs.id });
    expect(again.errors).toBeUndefined();
    expect(again.data.acceptProposal.relationship.id).toBe('iran-backs-kataib-hezbollah');
    expect(again.data.acceptProposal.relationship.evidence.map((evidence: { source: { id: string } }) => evidence.source.id)).toContain(draft.sourceId);
    const sourceHistory = await h.gql(HISTORY, { id: draft.sourceId, kind: 'SOURCE' });
    expect(sourceHistory.data.history).toEqual([{ actor: EDITOR.name, operation: 'acceptProposal', op: 'CREATE' }]);
    const twice = await h.gql(ACCEPT, { draft: draft.id, proposal: backs.id });
    expect(twice.errors?.[0].message).toMatch(/no longer pending: it was accepted by alice/);
  });

  test('accepting with an edit fixes the type or the dates, and still obeys the relation rules', async () => {
    const leads = proposal(draft, 'LEADS', 'qais-khazali');
    const wrong = await h.gql(ACCEPT, { draft: draft.id, proposal: leads.id, edit: { type: 'KILLED', target: 'iraq' } });
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fixed = await h.gql(ACCEPT, { draft: draft.id, proposal: leads.id, edit: { type: 'MEMBER_OF', start: '2006' } });
    expect(fixed.errors).toBeUndefined();
    expect(fixed.data.acceptProposal.relationship).toMatchObject({ type: 'MEMBER_OF', start: '2006' });
  });

  test('rejecting and linking change only the draft; readers and anonymous callers are refused', async () => {
    const threat = proposal(draft, 'THREATENED', 'qais-khazali');
    const before = await h.snapshot();
    expect((await h.gql(REJECT, { draft: draft.id, proposal: threat.id }, READER)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await h.gql(REJECT, { draft: draft.id, proposal: threat.id }, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const other = draft.proposals.find((candidate) => !['THREATENED', 'ATTACKED', 'BACKS', 'LEADS'].includes(candidate.type) && candidate.id !== threat.id);
    if (other) expect((await h.gql(REJECT, { draft: draft.id, proposal: other.id })).errors).toBeUndefined();
    const rejected = await h.gql(REJECT, { draft: draft.id, proposal: threat.id, reason: 'a rumour' });
    expect(proposal(rejected.data.rejectProposal, 'THREATENED', 'qais-khazali').decision).toMatchObject({ status: 'REJECTED', by: EDITOR.name, reason: 'a rumour' });
    const fadak = draft.mentions.find((mention) => mention.text === 'Abu Fadak al-Mohammedawi')!;
    const linked = await h.gql(LINK, { draft: draft.id, mention: fadak.id, entity: 'abu-mahdi-al-muhandis' });
    expect(linked.errors).toBeUndefined();
    const mention = linked.data.linkMention.mentions.find((candidate: { id: string }) => candidate.id === fadak.id);
    expect(mention).toMatchObject({ entity: 'abu-mahdi-al-muhandis', linkedBy: EDITOR.name });
    expect(proposal(linked.data.linkMention, 'LEADS', 'abu-mahdi-al-muhandis')).toBeDefined();
    const after = await h.snapshot();
    expect(after.graph).toBe(before.graph);
    const missing = await h.gql(LINK, { draft: draft.id, mention: fadak.id, entity: 'no-such-entity' });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  test('bad input is refused with the argument named, and no draft is stored', async () => {
    const count = async () => Number((await h.store.driver.query<{ n: string }>('SELECT count(*) AS n FROM report_drafts')).rows[0].n);
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '   ', source: SOURCE }, 'text'],
      [{ text: ARTICLE, source: { ...SOURCE, published: '2024-02-30' } }, 'source.published'],
      [{ text: ARTICLE, source: { ...SOURCE, published: '2024' } }, 'source.published'],
      [{ text: 'a\u0000b\u0001c', source: SOURCE }, 'text'],
      [{ text: ARTICLE, source: { ...SOURCE, url: 'javascript:alert(1)' } }, 'source.url'],
    ];
    for (const [input, argument] of cases) {
      const result = await h.gql(INGEST, { input });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    expect(await count()).toBe(before);
  });
});
