import { InvalidInputError } from '../model';
import type { KnowledgeGraph } from '../load';
import { DEFAULTS } from './defaults';
import { requireEntity } from './entities';
import type { Subgraph } from './subgraph';
import { compileFilter, incidentRelationships, type Direction, type FilterArgs } from './traversal-filter';

export const MAX_DEPTH = 4;
export const MAX_NEIGHBORHOOD_LIMIT = 5000;

export interface NeighborhoodArgs extends FilterArgs {
  readonly depth?: number | null;
  readonly direction?: Direction | null;
  /** At most this many entities. */
  readonly limit?: number | null;
}

/**
 * The entities within `depth` hops of `id` (breadth first, the nearest first, ties in id order) and every usable
 * relationship among them. Stops at `limit` entities and says so with `truncated`.
 */
export function neighborhood(graph: KnowledgeGraph, id: string, args: NeighborhoodArgs): Subgraph {
  const depth = args.depth ?? DEFAULTS.depth;
  const limit = args.limit ?? DEFAULTS.neighborhoodLimit;
  const direction = args.direction ?? DEFAULTS.direction;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) throw new InvalidInputError('depth', `must be an integer from 1 to ${MAX_DEPTH}, got ${depth}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NEIGHBORHOOD_LIMIT) throw new InvalidInputError('limit', `must be an integer from 1 to ${MAX_NEIGHBORHOOD_LIMIT}, got ${limit}`);
  requireEntity(graph, id);
  const filter = compileFilter(graph, args);
  const start = graph.getNodeAttributes(id);
  if (!filter.entityVisible(id, start)) return { nodes: [], edges: [], truncated: false };

  const seen = new Set<string>([id]);
  let frontier = [id];
  let truncated = false;
  for (let level = 0; level < depth && frontier.length > 0 && !truncated; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const edge of incidentRelationships(graph, node, direction, filter)) {
        const other = graph.opposite(node, edge);
        if (seen.has(other)) continue;
        if (seen.size >= limit) {
          truncated = true;
          break;
        }
        seen.add(other);
        next.push(other);
      }
      if (truncated) break;
    }
    frontier = next;
  }
  // Every usable relationship among the chosen entities is returned, whatever the walking direction: the direction
  // decides who is reached, the subgraph shows how they are connected.
  const edges = new Set<string>();
  for (const node of seen) {
    for (const edge of incidentRelationships(graph, node, 'BOTH', filter)) {
      const [source, target] = graph.extremities(edge);
      if (seen.has(source) && seen.has(target)) edges.add(edge);
    }
  }
  return {
    nodes: [...seen].map((node) => graph.getNodeAttributes(node).record),
    edges: [...edges].sort().map((edge) => graph.getEdgeAttributes(edge).record),
    truncated,
  };
}
