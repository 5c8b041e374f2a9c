import { EVENT_TYPE, onGraphChange, OPEN_END, OPEN_START, toDay, type Adjacency, type KnowledgeGraph } from '../../load';
import type { RelationshipRecord } from '../../model';

export { OPEN_END, OPEN_START, type Adjacency };

/**
 * What path searches read: the graph's own columns and adjacency (load/relationship-table.ts, load/graph-adjacency.ts),
 * taken after the graph has compacted itself, so building an index copies nothing per relationship (asOfWindows,
 * built for the first query with asOf, and the filter projections of projection-cache.ts are the copies).
 *
 * Edges are numbered in relationship-id order (so comparing edge numbers compares ids, which is how ties between
 * equally good paths are broken), nodes in the graph's order. Each node's adjacency is grouped by relation type (a
 * `types` filter skips whole runs), then sorted by edge number. Self-loops are listed; no simple path uses one.
 *
 * Graphology's API stays the graph's interface. The index is cached per graph and dropped when the graph announces a
 * change (load/graph-changes.ts); the next query compacts the graph again if its structure changed (work proportional
 * to the graph only then). As a safety net an index whose graph has changed its node or edge count is rebuilt.
 */
export class PathIndex {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly nodeKeys: readonly string[];
  readonly nodeIds: ReadonlyMap<string, number>;
  /** Relationship ids in ascending order: edge number → id. */
  readonly edgeKeys: readonly string[];
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** Index into RELATION_TYPES. */
  readonly edgeType: Uint8Array;
  /** load/relationship-columns.ts FLAG bits (which of confidence and weight the record has). */
  readonly flags: Uint8Array;
  /**
   * The relationship's time is [lo, hi] (chronological paths); its asOf window is [lo, hi], or [lo, OPEN_END] for an
   * EVENT type (EVENT_TYPE). Day numbers, open ends as sentinels.
   */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** Confidence, 1 when absent (see flags). */
  readonly confidence: Float64Array;
  /** Weight, 1 when absent. */
  readonly weight: Float64Array;
  /**
   * Per entity, what searches read of it, on one cache line: at 4v and 4v + 1 the first and last day it is part of
   * the network (asOf), at 4v + 2 its out-degree plus in-degree (for choosing which side of a search to expand).
   */
  readonly nodeFacts: Int32Array;
  readonly out: Adjacency;
  readonly in: Adjacency;

  constructor(graph: KnowledgeGraph) {
    const view = graph.compact();
    const { table, adjacency } = view;
    this.nodeCount = view.nodeCount;
    this.edgeCount = table.count;
    this.nodeKeys = view.nodeKeys;
    this.nodeIds = view.nodeNumbers;
    this.edgeKeys = table.keys;
    this.edgeSource = table.source;
    this.edgeTarget = table.target;
    this.edgeType = table.type;
    this.flags = table.flags;
    this.lo = table.lo;
    this.hi = table.hi;
    this.confidence = table.confidence;
    this.weight = table.weight;
    this.out = adjacency.out;
    this.in = adjacency.in_;
    this.table = table;
    const n = this.nodeCount;
    this.nodeFacts = new Int32Array(4 * n);
    for (let v = 0; v < n; v++) {
      const window = graph.getNodeAttributes(this.nodeKeys[v]).window;
      this.nodeFacts[4 * v] = toDay(window.lo, OPEN_START);
      this.nodeFacts[4 * v + 1] = toDay(window.hi, OPEN_END);
      this.nodeFacts[4 * v + 2] = this.out.start[v + 1] - this.out.start[v] + this.in.start[v + 1] - this.in.start[v];
    }
  }

  /** The CSR arrays without the type runs, for code that wants them bare (the benchmark's floor). */
  get outStart(): Int32Array {
    return this.out.start;
  }
  get outNode(): Int32Array {
    return this.out.node;
  }
  get inStart(): Int32Array {
    return this.in.start;
  }
  get inNode(): Int32Array {
    return this.in.node;
  }

  /**
   * The asOf windows of one direction's relationships in that direction's adjacency order: entry p's window is
   * [windows[2p], windows[2p + 1]] (lo, and hi or OPEN_END for an EVENT type). A search filtered by date then reads
   * the dates next to the entries it scans, instead of one random read per relationship in edge-number order (which
   * took most of a filtered search's time). 8 bytes per entry, so 16 per relationship for both directions; built
   * when a query with asOf first asks, kept with the index. Being a copy, it sees an edit of dates once the edit is
   * announced (onGraphChange drops the index; the store announces every applied batch), not before.
   */
  asOfWindows(list: Adjacency): Int32Array {
    let windows = this.windowsByList.get(list);
    if (!windows) {
      const { edge } = list;
      const { lo, hi, edgeType } = this;
      windows = new Int32Array(2 * edge.length);
      for (let p = 0; p < edge.length; p++) {
        const e = edge[p];
        windows[2 * p] = lo[e];
        windows[2 * p + 1] = EVENT_TYPE[edgeType[e]] === 1 ? OPEN_END : hi[e];
      }
      this.windowsByList.set(list, windows);
    }
    return windows;
  }

  private readonly windowsByList = new Map<Adjacency, Int32Array>();
  private readonly table: { record(slot: number, sourceKey: string, targetKey: string): RelationshipRecord };

  /**
   * The record of relationship e, decoded from the graph's columns by its number (the index's edge numbers are the
   * compacted table's slots): what graph.getEdgeAttributes(edgeKeys[e]).record gives, without the lookup of the key
   * and the window objects made with it.
   */
  relationshipRecord(e: number): RelationshipRecord {
    return this.table.record(e, this.nodeKeys[this.edgeSource[e]], this.nodeKeys[this.edgeTarget[e]]);
  }

  /** True when the graph still has the shape the index was built from (a cheap check, not a proof). */
  matches(graph: KnowledgeGraph): boolean {
    return graph.order === this.nodeCount && graph.size === this.edgeCount;
  }
}

const indexes = new WeakMap<KnowledgeGraph, PathIndex>();
const subscribed = new WeakSet<KnowledgeGraph>();

/** The path index of a graph, built on first use and cached until the graph announces a change. */
export function pathIndexOf(graph: KnowledgeGraph): PathIndex {
  let index = indexes.get(graph);
  if (!index || !index.matches(graph)) {
    index = new PathIndex(graph);
    indexes.set(graph, index);
    if (!subscribed.has(graph)) {
      subscribed.add(graph);
      onGraphChange(graph, () => indexes.delete(graph));
    }
  }
  return index;
}
