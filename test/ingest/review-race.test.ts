import { acceptProposal, type Plan, type AcceptResult } from '../../src/store';
import { EDITOR, openHarness, type Harness } from '../store/helpers/harness';
import { declarePostgresPresence, STORE_KINDS } from '../store/helpers/stores';

// An accept and a reject of the same proposal never both win: the proposal's state is checked again, row locked, in
// the transaction that commits the acceptance, so a rejection that lands between the accept's read and its commit makes
// the accept fail (and its relationship roll back) instead of being overwritten as accepted.

jest.setTimeout(90_000);
declarePostgresPresence('ingestion review races');

const INGEST = `mutation($input: IngestReportInput!) { ingestReport(input: $input) { id proposals { id type source { entity } target { entity } status } } }`;
const ACCEPT = `mutation($draft: ID!, $proposal: ID!) { acceptProposal(draft: $draft, proposal: $proposal) { relationship { id } } }`;
const REJECT = `mutation($draft: ID!, $proposal: ID!) { rejectProposal(draft: $draft, proposal: $proposal, reason: "not so") { id } }`;
const DECISIONS = `query($id: ID!) { draft(id: $id) { proposals { id decision { status relationship } } } }`;

// Facts the seed graph does not hold between these known ends, so each acceptance would create a relationship.
const ARTICLE = [
  'Race report',
  'Qais Khazali, the leader of Kataib Hezbollah, spoke.',
  'Hezbollah fired rockets at Camp Kalsu.',
  'Badr fired rockets at Tower 22.',
  'Hamas fired rockets at Camp Kalsu.',
  'Kataib Hezbollah fired rockets at Eilat.',
].join('\n\n');
const SOURCE = { title: 'Race report', published: '2024-04-21', url: 'https://example.org/race-report' };

type Proposal = { id: string; type: string; source: { entity: string | null }; target: { entity: string | null }; status: string };

describe.each(STORE_KINDS)('accepting and rejecting one proposal at once, on the %s store', (kind) => {
  let h: Harness;
  let draft: { id: string; proposals: Proposal[] };
  beforeAll(async () => {
    h = await openHarness(kind);
    const result = await h.gql(INGEST, { input: { text: ARTICLE, source: SOURCE } });
    expect(result.errors).toBeUndefined();
    draft = result.data.ingestReport;
  });
  afterAll(() => h?.close());

  const acceptable = () => draft.proposals.filter((proposal) => proposal.status === 'NEW' && proposal.source.entity && proposal.target.entity);

  test('a rejection between the read and the commit of an accept makes the accept fail, and nothing is written', async () => {
    const [proposal] = acceptable();
    // The accept reads the draft and plans its changes while the proposal is pending …
    const plan: Plan<AcceptResult> = await h.store.driver.transaction(async (sql) => acceptProposal(draft.id, proposal.id)({ graph: h.graph, sql, actor: EDITOR.name }));
    expect(plan.changes.length).toBeGreaterThan(0);
    // … then someone rejects it, before the accept commits.
    expect((await h.gql(REJECT, { draft: draft.id, proposal: proposal.id })).errors).toBeUndefined();
    const before = await h.snapshot();
    await expect(h.editor.commit(EDITOR, 'editor', 'acceptProposal', () => plan)).rejects.toThrow(/no longer pending: it was rejected by alice .*nothing was accepted/);
    const after = await h.snapshot();
    expect(after).toEqual(before);
    const decisions = await h.gql(DECISIONS, { id: draft.id });
    expect(decisions.data.draft.proposals.find((item: { id: string }) => item.id === proposal.id).decision).toEqual({ status: 'REJECTED', relationship: null });
  });

  test('sent together, exactly one of accept and reject wins, and the graph agrees with the draft', async () => {
    const contested = acceptable().slice(1);
    expect(contested.length).toBeGreaterThanOrEqual(3);
    for (const [index, proposal] of contested.entries()) {
      const calls = [h.gql(ACCEPT, { draft: draft.id, proposal: proposal.id }), h.gql(REJECT, { draft: draft.id, proposal: proposal.id })];
      const [accepted, rejected] = await Promise.all(index % 2 === 0 ? calls : [...calls].reverse()).then((results) => (index % 2 === 0 ? results : results.reverse()));
      const acceptWon = accepted.errors === undefined;
      const rejectWon = rejected.errors === undefined;
      expect(acceptWon !== rejectWon).toBe(true);
      const decision = (await h.gql(DECISIONS, { id: draft.id })).data.draft.proposals.find((item: { id: string }) => item.id === proposal.id).decision;
      if (acceptWon) {
        expect(rejected.errors?.[0].message).toMatch(/already accepted/);
        expect(decision).toEqual({ status: 'ACCEPTED', relationship: accepted.data.acceptProposal.relationship.id });
        expect(h.graph.hasEdge(decision.relationship)).toBe(true);
      } else {
        expect(accepted.errors?.[0].message).toMatch(/no longer pending: it was rejected/);
        expect(decision).toEqual({ status: 'REJECTED', relationship: null });
        expect(h.graph.edges(proposal.source.entity!, proposal.target.entity!).filter((edge) => h.graph.getEdgeAttribute(edge, 'record').type === proposal.type)).toEqual([]);
      }
    }
  });
});
