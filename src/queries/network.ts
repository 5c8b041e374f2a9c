import type { KnowledgeGraph } from '../load';
import { sortedEntityIds } from './sorted-keys';
import { checkPerEntityCap, MAX_RELATIONSHIPS_PER_ENTITY, subgraphOn, type Subgraph } from './subgraph';
import { compileFilter, type FilterArgs } from './traversal-filter';

export const DEFAULT_NETWORK_LIMIT = 20_000;

export interface NetworkArgs extends FilterArgs {
  /** At most this many elements (entities plus relationships). */
  readonly limit?: number;
  /** At most this many relationships of each entity (the first in id order). */
  readonly relationshipsPerEntity?: number | null;
}

/**
 * The whole graph under the filter: every visible entity and the usable relationships among them, in id order, each
 * entity giving at most `relationshipsPerEntity` of its relationships. Past `limit` elements (entities first, then
 * relationships) it stops and sets `truncated`; what was left out is counted per entity and type in `more`.
 */
export function network(graph: KnowledgeGraph, args: NetworkArgs): Subgraph {
  const limit = args.limit ?? DEFAULT_NETWORK_LIMIT;
  const perEntity = args.relationshipsPerEntity ?? MAX_RELATIONSHIPS_PER_ENTITY;
  if (perEntity !== Infinity) checkPerEntityCap(perEntity);
  const filter = compileFilter(graph, args);
  const nodes: string[] = [];
  let truncated = false;
  for (const id of sortedEntityIds(graph)) {
    if (!filter.entityVisible(id, graph.getNodeAttributes(id))) continue;
    if (nodes.length === limit) {
      truncated = true;
      break;
    }
    nodes.push(id);
  }
  return subgraphOn(graph, nodes, filter, { perEntity, total: Math.max(0, limit - nodes.length) }, truncated);
}
