import { InvalidInputError, RELATION_TYPES, type EntityRecord, type RelationshipRecord, type RelationType } from '../model';
import type { KnowledgeGraph } from '../load';
import { incidenceTest, usableTypeCounts } from './incidence';
import { incidenceOf } from './incidence-cache';
import type { TraversalFilter } from './traversal-filter';

/** Relationships of one entity, of one type, that a subgraph leaves out: the "N more" a client offers to expand. */
export interface OmittedRelationships {
  readonly entity: string;
  readonly type: RelationType;
  readonly count: number;
}

export interface Subgraph {
  readonly nodes: readonly EntityRecord[];
  readonly edges: readonly RelationshipRecord[];
  /** True when a limit or budget cut the result short. */
  readonly truncated: boolean;
  /** For each entity returned, per type, how many of its usable relationships are not among `edges`. */
  readonly more: readonly OmittedRelationships[];
}

/** How many relationships a subgraph may hold: per entity, and in all. */
export interface RelationshipCaps {
  readonly perEntity: number;
  readonly total: number;
}

export const MAX_RELATIONSHIPS_PER_ENTITY = 1000;
export const MAX_SUBGRAPH_RELATIONSHIPS = 20_000;

export function checkPerEntityCap(perEntity: number): void {
  if (!Number.isInteger(perEntity) || perEntity < 1 || perEntity > MAX_RELATIONSHIPS_PER_ENTITY) {
    throw new InvalidInputError('relationshipsPerEntity', `must be an integer from 1 to ${MAX_RELATIONSHIPS_PER_ENTITY}, got ${perEntity}`);
  }
}

export function checkRelationshipCaps(caps: RelationshipCaps): void {
  checkPerEntityCap(caps.perEntity);
  if (!Number.isInteger(caps.total) || caps.total < 0 || caps.total > MAX_SUBGRAPH_RELATIONSHIPS) {
    throw new InvalidInputError('relationshipLimit', `must be an integer from 0 to ${MAX_SUBGRAPH_RELATIONSHIPS}, got ${caps.total}`);
  }
}

/**
 * The subgraph on `chosen` entities: the usable relationships among them, each entity contributing at most
 * `caps.perEntity` of its own (the first in id order), all of them at most `caps.total` (the first in id order); and,
 * per entity and type, the count of usable relationships left out. Work is linear in the chosen entities' degrees,
 * over typed arrays (incidence.ts), and the answer is bounded by the caps whatever the degrees.
 */
export function subgraphOn(graph: KnowledgeGraph, chosen: readonly string[], filter: TraversalFilter, caps: RelationshipCaps, truncated: boolean): Subgraph {
  const inside = new Set(chosen);
  const usable = incidenceTest(filter.criteria, 'BOTH');
  const picked = new Set<string>();
  let cut = truncated;
  for (const id of chosen) {
    const incidence = incidenceOf(graph, id);
    let taken = 0;
    for (let i = 0; i < incidence.edges.length; i++) {
      if (!usable(incidence, i) || !inside.has(incidence.other[i])) continue;
      if (taken === caps.perEntity) {
        cut = true;
        break;
      }
      taken++;
      picked.add(incidence.edges[i]);
    }
  }
  let edges = [...picked].sort();
  if (edges.length > caps.total) {
    edges = edges.slice(0, caps.total);
    cut = true;
  }
  const records = edges.map((id) => graph.getEdgeAttributes(id).record);
  // Left out, per entity and type: its usable relationships minus those shown.
  const shownCounts = new Map<string, Int32Array>();
  const countShown = (id: string, type: number) => {
    let counts = shownCounts.get(id);
    if (!counts) shownCounts.set(id, (counts = new Int32Array(RELATION_TYPES.length)));
    counts[type]++;
  };
  for (const record of records) {
    const type = RELATION_TYPES.indexOf(record.type);
    countShown(record.source, type);
    if (record.target !== record.source) countShown(record.target, type);
  }
  const more: OmittedRelationships[] = [];
  for (const id of [...chosen].sort()) {
    const counts = usableTypeCounts(incidenceOf(graph, id), filter.criteria, 'BOTH');
    const shown = shownCounts.get(id);
    counts.forEach((count, type) => {
      const left = count - (shown?.[type] ?? 0);
      if (left > 0) more.push({ entity: id, type: RELATION_TYPES[type], count: left });
    });
  }
  return {
    nodes: chosen.map((id) => graph.getNodeAttributes(id).record),
    edges: records,
    truncated: cut,
    more,
  };
}
