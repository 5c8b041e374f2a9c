import { compareWithGraph } from '../../src/ingest';
import { buildGraph, loadDataset } from '../../src/load';
import { join } from 'node:path';
import { read, SEED_GRAPH } from './helpers';

describe('proposals against what the graph knows', () => {
  test('a repeat of a known relationship adds evidence to it', () => {
    const proposal = read('Qais Khazali, the leader of Asaib Ahl al-Haq, spoke.').proposals.find((candidate) => candidate.type === 'LEADS')!;
    expect(proposal).toMatchObject({ status: 'ADDS_EVIDENCE', existing: 'khazali-leads-asaib-ahl-al-haq', conflicts: [] });
  });

  test('a different date for the same event is a conflict, with both evidences', () => {
    // The graph dates the Tower 22 attack 28 January 2024; this text says the 25th.
    const reading = read('Iraqi militias carried out the drone attack in Jordan on January 25, 2024.', { published: '2024-02-01' });
    const linked = reading.proposals.find((proposal) => proposal.target.entity === 'jordan-drone-attack-2024' || proposal.source.entity === 'jordan-drone-attack-2024');
    expect(linked?.status).toBe('CONFLICT');
    expect(linked!.conflictDetails[0].reason).toMatch(/different date for the same event/);
    expect(linked!.conflictDetails[0].known.length).toBeGreaterThan(0);
    expect(linked!.evidence.quote).toContain('January 25, 2024');
  });

  test('a different leader of the same group at the same time is a conflict', () => {
    const standing = compareWithGraph(SEED_GRAPH, { type: 'LEADS', source: 'muqtada-al-sadr', target: 'asaib-ahl-al-haq', start: null, end: null, dateOff: false }, '2024-04-21');
    expect(standing.status).toBe('CONFLICT');
    expect(standing.conflicts.map((conflict) => conflict.relationship)).toEqual(['khazali-leads-asaib-ahl-al-haq']);
    expect(standing.conflicts[0].reason).toMatch(/different leader/);
    // A leader whose leadership ended before is no conflict: a successor may be named.
    const successor = compareWithGraph(SEED_GRAPH, { type: 'LEADS', source: 'qais-khazali', target: 'kataib-hezbollah', start: '2021', end: null, dateOff: false }, '2024-04-21');
    expect(successor.status).toBe('NEW');
  });

  test('a different perpetrator is a conflict unless the two are on one side', () => {
    const other = compareWithGraph(SEED_GRAPH, { type: 'PERPETRATED', source: 'isis', target: 'tsurkov-kidnapping-2023', start: '2023', end: null, dateOff: false }, '2024-04-21');
    expect(other.status).toBe('CONFLICT');
    expect(other.conflicts[0]).toMatchObject({ relationship: 'kataib-hezbollah-perpetrated-tsurkov-kidnapping-2023' });
    expect(other.conflicts[0].reason).toMatch(/different perpetrator/);
    // Iran backs Kataib Hezbollah: naming Iran beside it is no contradiction.
    const patron = compareWithGraph(SEED_GRAPH, { type: 'PERPETRATED', source: 'iran', target: 'tsurkov-kidnapping-2023', start: '2023', end: null, dateOff: false }, '2024-04-21');
    expect(patron.status).toBe('NEW');
  });

  test('a span stated at another date than the known one is a conflict', () => {
    const standing = compareWithGraph(SEED_GRAPH, { type: 'OPPOSED', source: 'badr-organization', target: 'saddam-hussein', start: '1975', end: null, dateOff: false }, '2024-04-21');
    expect(standing.status).toBe('CONFLICT');
    expect(standing.conflicts[0].relationship).toBe('badr-organization-opposed-saddam-hussein');
  });

  test('against a graph without relationships everything is new', () => {
    const bare = buildGraph({ ...loadDataset(join(__dirname, '..', '..', 'graph')), relationships: [] });
    const reading = read('Qais Khazali, the leader of Asaib Ahl al-Haq, spoke.', { graph: bare });
    expect(reading.proposals.every((proposal) => proposal.status === 'NEW')).toBe(true);
  });
});
