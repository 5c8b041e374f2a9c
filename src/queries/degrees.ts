import { isSafeId } from '../model';
import type { KnowledgeGraph } from '../load';
import { memoized } from './graph-memo';

/** The number of relationships at an entity, unfiltered (a self-loop counts twice: an upper bound); 0 when unknown. */
export function degreeBound(graph: KnowledgeGraph, id: string): number {
  return isSafeId(id) && graph.hasNode(id) ? graph.degree(id) : 0;
}

/** The largest degreeBound in the graph (kept until the graph changes). */
export function maxDegree(graph: KnowledgeGraph): number {
  return memoized(graph, 'maxDegree', () => {
    let max = 0;
    graph.forEachNode((id) => {
      max = Math.max(max, graph.degree(id));
    });
    return max;
  });
}
