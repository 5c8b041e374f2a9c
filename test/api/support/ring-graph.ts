import { buildGraph, type KnowledgeGraph } from '../../../src/load';
import type { EntityRecord, RelationshipRecord } from '../../../src/model';

export const ringId = (i: number) => `actor-${i}`;

/**
 * A ring with chords: each of n entities tied to the next and to one far away, the ties starting (and a quarter of
 * them ending) over 20 years. Big enough at a few thousand entities for exact betweenness to take seconds.
 */
export function ringGraph(n: number): KnowledgeGraph {
  const entities: EntityRecord[] = [];
  const relationships: RelationshipRecord[] = [];
  const evidence = [{ source: 'generated', locator: 'row 1' }];
  for (let i = 0; i < n; i++) {
    entities.push({ id: ringId(i), kind: i % 3 === 0 ? 'PERSON' : 'ORGANIZATION', name: `Actor ${i}`, aliases: [] });
    const start = String(2000 + (i % 20));
    relationships.push({ id: `ring-${i}`, type: 'ALLIED_WITH', source: ringId(i), target: ringId((i + 1) % n), start, evidence });
    relationships.push({ id: `chord-${i}`, type: i % 2 ? 'BACKS' : 'ALLIED_WITH', source: ringId(i), target: ringId((i * 31 + 7) % n), start, ...(i % 4 === 0 ? { end: String(2010 + (i % 10)) } : {}), evidence });
  }
  return buildGraph({ sources: [{ id: 'generated', title: 'Generated in the test' }], entities, relationships });
}
