import { announceGraphChange, relationshipAttributes, type KnowledgeGraph } from '../../src/load';
import type { RelationshipRecord } from '../../src/model';
import { compileFilter, pathIndexOf, type PathArgs } from '../../src/queries';
import { cheapestPath } from '../../src/queries/paths/label-search';
import { checkPathArgs } from '../../src/queries/paths/path-args';
import { OPEN_START } from '../../src/queries/paths/path-index';
import { SearchSpace } from '../../src/queries/paths/search-space';
import { randomDate, RANDOM_TYPES } from './paths-dataset';

/**
 * The reference of the fewest-hops property tests: a one-sided BFS from `to` over the relationships compileFilter
 * allows, then a greedy walk from `from` taking the smallest relationship id towards an entity one hop closer (every
 * such entity leads on, so nothing is undone). Independent of the path index, its lists and its projections.
 */
export function referencePath(graph: KnowledgeGraph, from: string, to: string, args: PathArgs): string[] | null {
  const filter = compileFilter(graph, { types: args.types, asOf: args.asOf, minConfidence: args.minConfidence, avoid: args.avoid });
  const visible = (id: string) => filter.entityVisible(id, graph.getNodeAttributes(id));
  if (!visible(from) || !visible(to)) return null;
  if (from === to) return [];
  // steps.get(v): the walks out of v as [relationship id, other end].
  const steps = new Map<string, [string, string][]>();
  const add = (at: string, id: string, other: string) => steps.set(at, [...(steps.get(at) ?? []), [id, other]]);
  graph.forEachEdge((id, _attributes, source, target) => {
    if (source === target || !filter.relationshipUsable(graph, id)) return;
    add(source, id, target);
    if (!args.directed) add(target, id, source);
  });
  // Hops to `to` over the reversed walks.
  const reverse = new Map<string, string[]>();
  for (const [at, list] of steps) for (const [, other] of list) reverse.set(other, [...(reverse.get(other) ?? []), at]);
  const hopsTo = new Map([[to, 0]]);
  for (let layer = [to]; layer.length > 0; ) {
    const next: string[] = [];
    for (const v of layer) {
      for (const u of reverse.get(v) ?? []) {
        if (hopsTo.has(u)) continue;
        hopsTo.set(u, hopsTo.get(v)! + 1);
        next.push(u);
      }
    }
    layer = next;
  }
  const length = hopsTo.get(from);
  if (length === undefined || length > (args.maxLength ?? 8)) return null;
  const ids: string[] = [];
  for (let at = from, left = length; left > 0; left--) {
    const [id, other] = (steps.get(at) ?? []).filter(([, w]) => hopsTo.get(w) === left - 1).sort(([a], [b]) => (a < b ? -1 : 1))[0];
    ids.push(id);
    at = other;
  }
  return ids;
}

/** Moves dates, changes types, drops and adds relationships; announces the batch. */
export function editGraph(graph: KnowledgeGraph, random: () => number, round: number): void {
  const changes: { before: RelationshipRecord | null; after: RelationshipRecord | null }[] = [];
  const edges = graph.edges();
  for (let i = 0; i < 6 && edges.length > 0; i++) {
    const id = edges[Math.floor(random() * edges.length)];
    if (!graph.hasEdge(id)) continue;
    const before = graph.getEdgeAttributes(id).record;
    const roll = random();
    if (roll < 0.2) {
      graph.dropEdge(id);
      changes.push({ before, after: null });
      continue;
    }
    const { start: _start, end: _end, ...rest } = before;
    const start = random() < 0.8 ? randomDate(random) : undefined;
    const after: RelationshipRecord = { ...rest, ...(start && { start }), ...(roll < 0.5 && { type: RANDOM_TYPES[Math.floor(random() * RANDOM_TYPES.length)] }) };
    graph.replaceEdgeAttributes(id, relationshipAttributes(after));
    changes.push({ before, after });
  }
  const nodes = graph.nodes();
  for (let i = 0; i < 3; i++) {
    const [source, target] = [0, 1].map(() => nodes[Math.floor(random() * nodes.length)]);
    const record: RelationshipRecord = { id: `x${round}-${i}`, type: 'BACKS', source, target, start: randomDate(random), evidence: [{ source: 'test-source' }] };
    graph.addEdgeWithKey(record.id, source, target, relationshipAttributes(record));
    changes.push({ before: null, after: record });
  }
  announceGraphChange(graph, { rebuilt: false, entities: new Set(), removedEntities: new Set(), relationships: changes, sources: new Set() });
}

export function searchSpace(graph: KnowledgeGraph, from: string, to: string, args: PathArgs): SearchSpace {
  return new SearchSpace(pathIndexOf(graph), checkPathArgs(graph, from, to, args));
}

/** The reference of the weighted property tests: the label-setting search from `from` with no bounds, whose first label at `to` is the answer. */
export function labelSearchReference(graph: KnowledgeGraph, from: string, to: string, args: PathArgs): string[] | null {
  const index = pathIndexOf(graph);
  const s = searchSpace(graph, from, to, args);
  const start = index.nodeIds.get(from)!;
  if (!s.nodeOpen(start) || !s.nodeOpen(index.nodeIds.get(to)!)) return null;
  const found = cheapestPath(s, { node: start, cost: 0, hops: 0, time: OPEN_START }, index.nodeIds.get(to)!, Infinity, null);
  return found && found.edges.map((e) => index.edgeKeys[e]);
}
