import { announceGraphChange, buildGraph, entityAttributes, relationshipAttributes, type KnowledgeGraph } from '../../src/load';
import type { EntityRecord, RelationshipRecord } from '../../src/model';
import { degreeOf, neighborhood, relationshipsOf, stats } from '../../src/queries';

// The per-entity relationship index of a busy entity is cached; every announced change must be seen by the next query.
const evidence = [{ source: 's', locator: '1' }];
function busyGraph(): KnowledgeGraph {
  const entities: EntityRecord[] = [{ id: 'hub', kind: 'ORGANIZATION', name: 'Hub', aliases: [] }];
  const relationships: RelationshipRecord[] = [];
  for (let i = 0; i < 300; i++) {
    entities.push({ id: `p${String(i).padStart(3, '0')}`, kind: 'PERSON', name: `P${i}`, aliases: [] });
    relationships.push({ id: `r${String(i).padStart(3, '0')}`, type: 'MEMBER_OF', source: `p${String(i).padStart(3, '0')}`, target: 'hub', evidence });
  }
  return buildGraph({ sources: [{ id: 's', title: 'S' }], entities, relationships });
}

const none = { entities: new Set<string>(), removedEntities: new Set<string>(), relationships: [], sources: new Set<string>() };

test('a relationship added to a busy entity is seen after the announcement', () => {
  const graph = busyGraph();
  expect(degreeOf(graph, 'hub', 'BOTH', {})).toBe(300);
  const record: RelationshipRecord = { id: 'a-new', type: 'LEADS', source: 'p000', target: 'hub', evidence };
  graph.addEdgeWithKey(record.id, record.source, record.target, relationshipAttributes(record));
  announceGraphChange(graph, { ...none, rebuilt: false, relationships: [{ before: null, after: record }] });
  expect(degreeOf(graph, 'hub', 'BOTH', {})).toBe(301);
  expect(relationshipsOf(graph, 'hub', 'BOTH', { first: 1 }).map((r) => r.id)).toEqual(['a-new']);
  expect(stats(graph).relationships).toBe(301);
});

test("a neighbour's new dates are seen by the busy entity's asOf filter", () => {
  const graph = busyGraph();
  expect(degreeOf(graph, 'hub', 'BOTH', { asOf: '2000' })).toBe(300);
  const later: EntityRecord = { id: 'p001', kind: 'PERSON', name: 'P1', aliases: [], start: '2010' };
  graph.replaceNodeAttributes('p001', entityAttributes(later));
  announceGraphChange(graph, { ...none, rebuilt: false, entities: new Set(['p001']) });
  expect(degreeOf(graph, 'hub', 'BOTH', { asOf: '2000' })).toBe(299);
  expect(neighborhood(graph, 'hub', { asOf: '2000', relationshipsPerEntity: 1000 }).nodes.map((node) => node.id)).not.toContain('p001');
});

test('a rebuilt graph drops every cached answer', () => {
  const graph = busyGraph();
  expect(degreeOf(graph, 'hub', 'BOTH', { types: ['MEMBER_OF'] })).toBe(300);
  graph.dropEdge('r000');
  announceGraphChange(graph, { ...none, rebuilt: true });
  expect(degreeOf(graph, 'hub', 'BOTH', { types: ['MEMBER_OF'] })).toBe(299);
});

test('edits at a busy entity are merged into its index: the same answers as an index built afresh', () => {
  const graph = busyGraph();
  const fresh = () => buildGraph({ sources: [{ id: 's', title: 'S' }], entities: graph.mapNodes((_id, a) => a.record), relationships: graph.mapEdges((_id, a) => a.record) });
  expect(relationshipsOf(graph, 'hub', 'BOTH', { first: 500 })).toHaveLength(300);
  // One removed, one changed (type and dates), one added, one moved away from the hub.
  const removed = graph.getEdgeAttributes('r010').record;
  graph.dropEdge('r010');
  const before = graph.getEdgeAttributes('r020').record;
  const changed: RelationshipRecord = { ...before, type: 'LEADS', start: '2015' };
  graph.replaceEdgeAttributes('r020', relationshipAttributes(changed));
  const added: RelationshipRecord = { id: 'r150a', type: 'MEMBER_OF', source: 'p001', target: 'hub', end: '2001', evidence };
  graph.addEdgeWithKey(added.id, added.source, added.target, relationshipAttributes(added));
  const moving = graph.getEdgeAttributes('r030').record;
  graph.dropEdge('r030');
  const moved: RelationshipRecord = { ...moving, target: 'p002', type: 'LEADS' };
  graph.addEdgeWithKey(moved.id, moved.source, moved.target, relationshipAttributes(moved));
  announceGraphChange(graph, { ...none, rebuilt: false, relationships: [{ before: removed, after: null }, { before, after: changed }, { before: null, after: added }, { before: moving, after: moved }] });
  const reference = fresh();
  for (const args of [{}, { asOf: '2010' }, { types: ['LEADS' as const] }, { asOf: '2000' }]) {
    expect(relationshipsOf(graph, 'hub', 'BOTH', { ...args, first: 500 }).map((r) => r.id)).toEqual(relationshipsOf(reference, 'hub', 'BOTH', { ...args, first: 500 }).map((r) => r.id));
    expect(degreeOf(graph, 'hub', 'BOTH', args)).toBe(degreeOf(reference, 'hub', 'BOTH', args));
  }
  expect(degreeOf(graph, 'hub', 'BOTH', {})).toBe(299);
});
