import { InvalidInputError } from '../model';
import type { KnowledgeGraph } from '../load';
import { DEFAULTS } from './defaults';
import { requireEntity } from './entities';
import { checkRelationshipCaps, subgraphOn, type Subgraph } from './subgraph';
import { compileFilter, incidentRelationships, type Direction, type FilterArgs } from './traversal-filter';

export const MAX_DEPTH = 4;
export const MAX_NEIGHBORHOOD_LIMIT = 5000;

export interface NeighborhoodArgs extends FilterArgs {
  readonly depth?: number | null;
  readonly direction?: Direction | null;
  /** At most this many entities. */
  readonly limit?: number | null;
  /** At most this many relationships followed from, and returned at, each entity. */
  readonly relationshipsPerEntity?: number | null;
  /** At most this many relationships in all. */
  readonly relationshipLimit?: number | null;
}

/**
 * The entities within `depth` hops of `id` (breadth first, the nearest first, ties in id order) and the usable
 * relationships among them. From each entity at most `relationshipsPerEntity` relationships are followed (the first
 * in id order), so an entity with a million relationships costs what one with a hundred does; the subgraph's
 * relationships are capped per entity and in all (subgraph.ts), and what is left out is counted per entity and type
 * in `more`. Stops at `limit` entities. `truncated` says when any cap cut the answer.
 */
export function neighborhood(graph: KnowledgeGraph, id: string, args: NeighborhoodArgs): Subgraph {
  const depth = args.depth ?? DEFAULTS.depth;
  const limit = args.limit ?? DEFAULTS.neighborhoodLimit;
  const direction = args.direction ?? DEFAULTS.direction;
  const caps = { perEntity: args.relationshipsPerEntity ?? DEFAULTS.relationshipsPerEntity, total: args.relationshipLimit ?? DEFAULTS.relationshipLimit };
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) throw new InvalidInputError('depth', `must be an integer from 1 to ${MAX_DEPTH}, got ${depth}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NEIGHBORHOOD_LIMIT) throw new InvalidInputError('limit', `must be an integer from 1 to ${MAX_NEIGHBORHOOD_LIMIT}, got ${limit}`);
  checkRelationshipCaps(caps);
  requireEntity(graph, id);
  const filter = compileFilter(graph, args);
  const start = graph.getNodeAttributes(id);
  if (!filter.entityVisible(id, start)) return { nodes: [], edges: [], truncated: false, more: [] };

  const seen = new Set<string>([id]);
  let frontier = [id];
  let truncated = false;
  let full = false;
  for (let level = 0; level < depth && frontier.length > 0 && !full; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      // One more than the cap tells whether the cap cut anything.
      const followed = incidentRelationships(graph, node, direction, filter, caps.perEntity + 1);
      if (followed.length > caps.perEntity) {
        truncated = true;
        followed.pop();
      }
      for (const edge of followed) {
        const other = graph.opposite(node, edge);
        if (seen.has(other)) continue;
        if (seen.size >= limit) {
          truncated = full = true;
          break;
        }
        seen.add(other);
        next.push(other);
      }
      if (full) break;
    }
    frontier = next;
  }
  // Every usable relationship among the chosen entities is returned (within the caps), whatever the walking direction:
  // the direction decides who is reached, the subgraph shows how they are connected.
  return subgraphOn(graph, [...seen], filter, caps, truncated);
}
