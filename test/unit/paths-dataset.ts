import type { Dataset, EntityKind, EntityRecord, RelationshipRecord, RelationType } from '../../src/model';

/** Builders of small test datasets for the path queries: edge lists (LDBC graphs) and seeded random graphs. */

export const TEST_SOURCE = { id: 'test-source', title: 'Test fixture' };

/** A seeded PRNG (mulberry32): the same seed gives the same numbers on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EdgeSpec {
  readonly source: string;
  readonly target: string;
  readonly weight?: number;
}

/**
 * A dataset from an edge list: every vertex an entity of one kind (ids "v" + vertex), every edge a relationship of
 * one type with ids in edge-list order ("e00001"...), weight in the record, one evidence each.
 */
export function datasetFromEdges(vertices: readonly string[], edges: readonly EdgeSpec[], options: { kind?: EntityKind; type?: RelationType } = {}): Dataset {
  const kind = options.kind ?? 'ORGANIZATION';
  const type = options.type ?? 'ALLIED_WITH';
  return {
    sources: [TEST_SOURCE],
    entities: vertices.map((vertex) => ({ id: `v${vertex}`, kind, name: `Vertex ${vertex}`, aliases: [] })),
    relationships: edges.map((edge, i) => ({
      id: `e${String(i + 1).padStart(5, '0')}`,
      type,
      source: `v${edge.source}`,
      target: `v${edge.target}`,
      ...(edge.weight !== undefined && { weight: edge.weight }),
      evidence: [{ source: TEST_SOURCE.id }],
    })),
  };
}

export const RANDOM_TYPES = ['BACKS', 'ALLIED_WITH', 'SUPPLIED', 'ATTACKED', 'PERPETRATED'] as const satisfies readonly RelationType[];

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)];
const integer = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** A random partial date in 2000..2009: a year, a month or a day. */
export function randomDate(random: () => number, fromYear = 2000, toYear = 2009): string {
  const year = integer(random, fromYear, toYear);
  const precision = random();
  if (precision < 0.3) return String(year);
  const month = String(integer(random, 1, 12)).padStart(2, '0');
  if (precision < 0.6) return `${year}-${month}`;
  return `${year}-${month}-${String(integer(random, 1, 28)).padStart(2, '0')}`;
}

function randomSpan(random: () => number): { start?: string; end?: string } {
  const start = random() < 0.7 ? randomDate(random) : undefined;
  let end = random() < 0.5 ? randomDate(random) : undefined;
  if (start && end && end < start) end = undefined;
  return { ...(start && { start }), ...(end && { end }) };
}

/**
 * A random graph of a few entities (some dated, some events) and typed, dated, weighted relationships with
 * parallel edges and self-loops. Relationship ids are random, so id order is not creation order. With `hub`, entity n0
 * also gets that many more relationships, either way, to random others: a hub, as real graphs have.
 */
export function randomDataset(random: () => number, options: { minNodes?: number; maxNodes?: number; edgesPerNode?: number; hub?: number } = {}): Dataset {
  const n = integer(random, options.minNodes ?? 4, options.maxNodes ?? 10);
  const entities: EntityRecord[] = [];
  for (let i = 0; i < n; i++) {
    const kind: EntityKind = random() < 0.2 ? 'EVENT' : 'ORGANIZATION';
    const dates = random() < 0.35 ? randomSpan(random) : {};
    entities.push({ id: `n${i}`, kind, name: `Node ${i}`, aliases: [], ...dates });
  }
  const m = integer(random, Math.round(n * 1.5), Math.round(n * (options.edgesPerNode ?? 3)));
  const relationships: RelationshipRecord[] = [];
  const ids = new Set<string>();
  const hubEdges = options.hub ?? 0;
  for (let j = 0; j < m + hubEdges; j++) {
    let source: string;
    let target: string;
    const shape = random();
    if (j >= m) {
      const other = entities[integer(random, 1, n - 1)].id;
      [source, target] = random() < 0.5 ? ['n0', other] : [other, 'n0'];
    } else if (shape < 0.05) {
      source = target = pick(random, entities).id;
    } else if (shape < 0.2 && relationships.length > 0) {
      const twin = pick(random, relationships);
      [source, target] = random() < 0.5 ? [twin.source, twin.target] : [twin.target, twin.source];
    } else {
      source = pick(random, entities).id;
      do target = pick(random, entities).id;
      while (target === source);
    }
    let id: string;
    do id = `r${integer(random, 0, 9999)}`;
    while (ids.has(id));
    ids.add(id);
    const confidence = pick(random, [undefined, 0, 0.25, 0.5, 0.8, 0.9, 1]);
    const weight = pick(random, [undefined, 0, 1, 2, 3, 7]);
    relationships.push({
      id,
      type: pick(random, RANDOM_TYPES),
      source,
      target,
      ...randomSpan(random),
      ...(confidence !== undefined && { confidence }),
      ...(weight !== undefined && { weight }),
      evidence: [{ source: TEST_SOURCE.id }],
    });
  }
  return { sources: [TEST_SOURCE], entities, relationships };
}
