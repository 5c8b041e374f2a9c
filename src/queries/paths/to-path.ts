import type { KnowledgeGraph } from '../../load';
import type { FoundPath, Path } from './path-types';
import type { SearchSpace } from './search-space';

/**
 * The other relationships that could stand in for hop i: usable under the query, between the same two entities in a
 * direction the query may walk, and for a chronological path, keeping it chronological. Best first (cost, then id).
 */
function alternativesOf(space: SearchSpace, found: FoundPath, i: number): number[] {
  const chosen = found.edges[i];
  const others = space.relationshipsBetween(found.nodes[i], found.nodes[i + 1]).filter((e) => e !== chosen);
  const fits = (e: number) => !space.chronological || space.arrivalTime(found.edges.map((edge, j) => (j === i ? e : edge))) !== null;
  return others.filter(fits).sort((a, b) => space.edgeCost(a) - space.edgeCost(b) || a - b);
}

/** A found path as domain values: the records of its entities and relationships, each hop's direction, its cost. */
export function toPath(graph: KnowledgeGraph, space: SearchSpace, found: FoundPath): Path {
  const index = space.index;
  const { nodeKeys, edgeSource } = index;
  const nodes = found.nodes.map((v) => graph.getNodeAttributes(nodeKeys[v]).record);
  const record = (e: number) => index.relationshipRecord(e);
  const hops = found.edges.map((e, i) => ({
    relationship: record(e),
    from: nodes[i],
    to: nodes[i + 1],
    forward: edgeSource[e] === found.nodes[i],
    alternatives: alternativesOf(space, found, i).map(record),
  }));
  return { length: hops.length, cost: space.pathCost(found.edges), nodes, hops };
}
