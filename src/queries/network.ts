import type { KnowledgeGraph } from '../load';
import type { Subgraph } from './subgraph';
import { compileFilter, type FilterArgs } from './traversal-filter';

export const DEFAULT_NETWORK_LIMIT = 20_000;

/**
 * The whole graph under the filter: every visible entity and every usable relationship, in id order.
 * Past `limit` elements (entities plus relationships) it stops and sets `truncated`.
 */
export function network(graph: KnowledgeGraph, args: FilterArgs & { limit?: number }): Subgraph {
  const limit = args.limit ?? DEFAULT_NETWORK_LIMIT;
  const filter = compileFilter(graph, args);
  const nodes = graph.filterNodes((id, attributes) => filter.entityVisible(id, attributes)).sort();
  const edges = graph.filterEdges((id) => filter.relationshipUsable(graph, id)).sort();
  const truncated = nodes.length + edges.length > limit;
  const keptNodes = truncated ? nodes.slice(0, limit) : nodes;
  const kept = new Set(keptNodes);
  const keptEdges = truncated ? edges.filter((edge) => graph.extremities(edge).every((end) => kept.has(end))).slice(0, Math.max(0, limit - keptNodes.length)) : edges;
  return {
    nodes: keptNodes.map((id) => graph.getNodeAttributes(id).record),
    edges: keptEdges.map((id) => graph.getEdgeAttributes(id).record),
    truncated,
  };
}
