import { onGraphChange, type KnowledgeGraph } from '../load';

/*
 * Entity ids and relationship ids in ascending order, kept per graph: listing pages and the network walk them instead
 * of sorting every id of a large graph on each request. A list is dropped when the graph announces a change that adds
 * or removes its kind of record (an update keeps ids, so the order holds).
 */

interface Sorted {
  nodes?: readonly string[];
  edges?: readonly string[];
}

const cache = new WeakMap<KnowledgeGraph, Sorted>();

function entry(graph: KnowledgeGraph): Sorted {
  let sorted = cache.get(graph);
  if (!sorted) {
    const created: Sorted = {};
    cache.set(graph, (sorted = created));
    onGraphChange(graph, (change) => {
      if (change.rebuilt || change.removedEntities.size > 0 || (created.nodes && created.nodes.length !== graph.order)) created.nodes = undefined;
      if (change.rebuilt || change.relationships.some(({ before, after }) => !before || !after)) created.edges = undefined;
    });
  }
  return sorted;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortedEntityIds(graph: KnowledgeGraph): readonly string[] {
  const sorted = entry(graph);
  return (sorted.nodes ??= graph.nodes().sort(byKey));
}

export function sortedRelationshipIds(graph: KnowledgeGraph): readonly string[] {
  const sorted = entry(graph);
  return (sorted.edges ??= graph.edges().sort(byKey));
}

/** The first position in `keys` (ascending) whose key is greater than `after`. */
export function positionAfter(keys: readonly string[], after: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keys[mid] <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}
