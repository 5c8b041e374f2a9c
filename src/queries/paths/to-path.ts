import type { KnowledgeGraph } from '../../load';
import type { FoundPath, Path } from './path-types';
import type { SearchSpace } from './search-space';

/** A found path as domain values: the records of its entities and relationships, each hop's direction, its cost. */
export function toPath(graph: KnowledgeGraph, space: SearchSpace, found: FoundPath): Path {
  const { nodeKeys, edgeKeys, edgeSource } = space.index;
  const nodes = found.nodes.map((v) => graph.getNodeAttributes(nodeKeys[v]).record);
  const hops = found.edges.map((e, i) => ({
    relationship: graph.getEdgeAttributes(edgeKeys[e]).record,
    from: nodes[i],
    to: nodes[i + 1],
    forward: edgeSource[e] === found.nodes[i],
  }));
  return { length: hops.length, cost: space.pathCost(found.edges), nodes, hops };
}
