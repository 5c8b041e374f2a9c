import type { RelationshipRecord } from '../model';
import type { KnowledgeGraph } from '../load';
import type { Path, PathHop } from '../queries';
import type { AnalysisSnapshot } from './analysis-cache';

/**
 * One shortest path from a source through a broker to the nearest target below it (lowest index on ties), as a Path
 * with the relationships and evidence of each hop. `reversed`: the search ran from the `to` group, so the path is
 * turned round to read from `from` to `to`.
 */
export function brokerPath(graph: KnowledgeGraph, snapshot: AnalysisSnapshot, source: number, broker: number, targets: readonly number[], reversed: boolean): Path | null {
  const search = snapshot.searcher();
  search.run(source);
  const predecessors = (w: number) => {
    const found: number[] = [];
    search.forEachPredecessor(w, (v) => found.push(v));
    return found;
  };
  const children = new Map<number, number[]>();
  for (let i = 1; i < search.count; i++) {
    const w = search.visited[i];
    for (const p of predecessors(w)) {
      const list = children.get(p);
      if (list) list.push(w);
      else children.set(p, [w]);
    }
  }
  const isTarget = new Set(targets);
  // Breadth first below the broker in the shortest-path DAG: the nearest target.
  const below = new Set<number>([broker]);
  let level = [broker];
  let target = -1;
  while (level.length > 0 && target < 0) {
    const next: number[] = [];
    for (const node of level) {
      for (const child of children.get(node) ?? []) {
        if (below.has(child)) continue;
        below.add(child);
        next.push(child);
      }
    }
    const found = next.filter((node) => isTarget.has(node) && node !== source);
    if (found.length > 0) target = Math.min(...found);
    level = next;
  }
  if (target < 0) return null;
  const lowest = (nodes: readonly number[]) => Math.min(...nodes);
  const up: number[] = [broker];
  for (let node = broker; node !== source; ) up.push((node = lowest(predecessors(node))));
  const down: number[] = [];
  for (let node = target; node !== broker; ) {
    down.push(node);
    node = lowest(predecessors(node).filter((p) => below.has(p)));
  }
  const order = [...up.reverse(), ...down.reverse()];
  if (reversed) order.reverse();
  return toPath(graph, snapshot, order.map((i) => snapshot.analysis.ids[i]));
}

/** The usable relationships between a and b, best first: the first is the hop, the others its alternatives. */
function relationshipsBetween(graph: KnowledgeGraph, snapshot: AnalysisSnapshot, a: string, b: string): RelationshipRecord[] {
  const candidates = snapshot.analysis.directed ? graph.outEdges(a, b) : [...graph.outEdges(a, b), ...graph.outEdges(b, a)];
  const records = candidates.filter((edge) => snapshot.filter.relationshipUsable(graph, edge)).map((edge) => graph.getEdgeAttributes(edge).record);
  records.sort((x, y) => (y.confidence ?? 1) - (x.confidence ?? 1) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return records;
}

function toPath(graph: KnowledgeGraph, snapshot: AnalysisSnapshot, ids: readonly string[]): Path {
  const nodes = ids.map((id) => graph.getNodeAttributes(id).record);
  const hops: PathHop[] = [];
  for (let i = 0; i + 1 < ids.length; i++) {
    const [relationship, ...alternatives] = relationshipsBetween(graph, snapshot, ids[i], ids[i + 1]);
    hops.push({ relationship, from: nodes[i], to: nodes[i + 1], forward: relationship.source === ids[i], alternatives });
  }
  return { length: hops.length, cost: hops.length, nodes, hops };
}
