import { buildGraph, type KnowledgeGraph } from '../../src/load';
import type { EntityRecord, RelationshipRecord } from '../../src/model';

/** The numbers of the generated high-degree graph. */
export const HUB = { id: 'hub', selfLoops: 150_000, members: 30_000 } as const;
/** The hub's relationships: its self-loops, its members and "lone". */
export const HUB_DEGREE = HUB.selfLoops + HUB.members + 1;

/**
 * A graph with one entity of very high degree, generated (not read from files): "hub" with HUB.selfLoops self-loops
 * (an edge list of "a a" lines, as an attacker would import) and HUB.members people who are MEMBER_OF it, beside a
 * small corner ("lone", "pair-a" — "pair-b") with ordinary degrees.
 */
export function highDegreeGraph(): KnowledgeGraph {
  const entities: EntityRecord[] = [
    { id: HUB.id, kind: 'ORGANIZATION', name: 'Hub', aliases: [] },
    { id: 'lone', kind: 'ORGANIZATION', name: 'Lone', aliases: [] },
    { id: 'pair-a', kind: 'ORGANIZATION', name: 'Pair A', aliases: [] },
    { id: 'pair-b', kind: 'ORGANIZATION', name: 'Pair B', aliases: [] },
  ];
  const evidence = [{ source: 'generated', locator: 'line 1' }];
  const relationships: RelationshipRecord[] = [{ id: 'pair', type: 'ALLIED_WITH', source: 'pair-a', target: 'pair-b', evidence }, { id: 'lone-hub', type: 'ALLIED_WITH', source: 'lone', target: HUB.id, evidence }];
  for (let i = 0; i < HUB.selfLoops; i++) relationships.push({ id: `edge-loop-${i}`, type: 'ALLIED_WITH', source: HUB.id, target: HUB.id, evidence });
  for (let i = 0; i < HUB.members; i++) {
    entities.push({ id: `member-${i}`, kind: 'PERSON', name: `Member ${i}`, aliases: [] });
    relationships.push({ id: `member-${i}-of-hub`, type: 'MEMBER_OF', source: `member-${i}`, target: HUB.id, start: '2020', evidence });
  }
  return buildGraph({ sources: [{ id: 'generated', title: 'Generated in the test' }], entities, relationships });
}
