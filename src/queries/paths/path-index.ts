import { RELATION_TYPES, type Window } from '../../model';
import { onGraphChange, type KnowledgeGraph } from '../../load';

/** Day numbers are stored as Int32; open ends become these sentinels (no real day comes near them). */
export const OPEN_START = -2147483648;
export const OPEN_END = 2147483647;

/** One direction of the adjacency: for node v, entries start[v] .. start[v + 1] - 1 of edge and node. */
export interface Adjacency {
  readonly start: Int32Array;
  readonly edge: Int32Array;
  readonly node: Int32Array;
}

const TYPE_IDS: ReadonlyMap<string, number> = new Map(RELATION_TYPES.map((type, id) => [type, id]));

const toDay = (day: number, open: number) => (Number.isFinite(day) ? day : open);

/**
 * Hands out typed arrays from one ArrayBuffer, so building the index raises the process's external memory once: each
 * separate large allocation can make V8 run a full garbage collection, which over a big Graphology heap takes seconds.
 */
class Arena {
  private offset = 0;
  private readonly buffer: ArrayBuffer;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }

  float64(length: number): Float64Array {
    const array = new Float64Array(this.buffer, this.offset, length);
    this.offset += 8 * length;
    return array;
  }

  /** Call after every float64 request: offsets stay aligned. */
  int32(length: number): Int32Array {
    const array = new Int32Array(this.buffer, this.offset, length);
    this.offset += 4 * length;
    return array;
  }

  /** Call last. */
  uint8(length: number): Uint8Array {
    const array = new Uint8Array(this.buffer, this.offset, length);
    this.offset += length;
    return array;
  }
}

function setWindow(days: Int32Array, i: number, window: Window): void {
  days[2 * i] = toDay(window.lo, OPEN_START);
  days[2 * i + 1] = toDay(window.hi, OPEN_END);
}

/**
 * A compact, read-only copy of the graph for path searches: compressed sparse rows over typed arrays.
 *
 * Edges are numbered in relationship-id order (so comparing edge numbers compares ids, which is how ties between
 * equally good paths are broken), nodes in the graph's order. Both adjacency lists of a node are sorted by edge
 * number. Self-loops are kept in the edge arrays but left out of the adjacency: no simple path uses one.
 *
 * Graphology stays the graph of record. The index is derived from it, built on first use and cached per graph, and
 * dropped when the graph announces a change (load/graph-changes.ts). As a safety net an index whose graph has changed
 * its node or edge count is rebuilt, but attribute edits (dates, confidence, weight, type) are seen only after the
 * announcement.
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
  /**
   * When the relationship is part of the network (asOf): first and last day (inclusive, open-end sentinels) at
   * 2e and 2e + 1, side by side so one cache line serves both.
   */
  readonly window: Int32Array;
  /** When the relationship was happening (chronological paths), laid out like window. */
  readonly time: Int32Array;
  /** Confidence, 1 when absent. */
  readonly confidence: Float64Array;
  /** Weight, 1 when absent. */
  readonly weight: Float64Array;
  /** When the entity is part of the network (asOf), laid out like window. */
  readonly nodeWindow: Int32Array;
  /** Out-degree plus in-degree (self-loops left out), for choosing which side of a search to expand. */
  readonly degree: Int32Array;
  /** Out-adjacency: for node v, entries outStart[v] .. outStart[v + 1] - 1 of outEdge (edge number) and outNode (target). */
  readonly outStart: Int32Array;
  readonly outEdge: Int32Array;
  readonly outNode: Int32Array;
  /** In-adjacency: the same with sources. */
  readonly inStart: Int32Array;
  readonly inEdge: Int32Array;
  readonly inNode: Int32Array;

  constructor(graph: KnowledgeGraph) {
    const n = graph.order;
    const m = graph.size;
    // 8-byte arrays first, then 4-byte, then 1-byte ones, so every view is aligned.
    const arena = new Arena(8 * 2 * m + 4 * (10 * m + 5 * n + 2) + m);
    let confidence = arena.float64(m);
    let weight = arena.float64(m);
    let edgeSource = arena.int32(m);
    let edgeTarget = arena.int32(m);
    let window = arena.int32(2 * m);
    let time = arena.int32(2 * m);
    // Adjacency lists, sized for every edge (self-loops are left out, so the tail may stay unused).
    const outEdge = arena.int32(m);
    const outNode = arena.int32(m);
    const inEdge = arena.int32(m);
    const inNode = arena.int32(m);
    this.nodeWindow = arena.int32(2 * n);
    const outDegree = arena.int32(n + 1);
    const inDegree = arena.int32(n + 1);
    this.degree = arena.int32(n);
    let edgeType = arena.uint8(m);
    const nodeKeys: string[] = new Array(n);
    const nodeIds = new Map<string, number>();
    let v = 0;
    graph.forEachNode((key, attributes) => {
      nodeKeys[v] = key;
      nodeIds.set(key, v);
      setWindow(this.nodeWindow, v, attributes.window);
      v++;
    });
    this.nodeCount = n;
    this.nodeKeys = nodeKeys;
    this.nodeIds = nodeIds;

    // One pass in the graph's own order straight into typed arrays, then, only if needed, a permutation into id order.
    // buildGraph adds relationships in id order, so the graph's order usually is id order already; edges added later
    // by edits arrive at the end (TimSort is near linear then).
    this.edgeCount = m;
    let keys: string[] = new Array(m);
    let sorted = true;
    let i = 0;
    graph.forEachEdge((key, attributes, source, target) => {
      if (i > 0 && !(keys[i - 1] < key)) sorted = false;
      const record = attributes.record;
      keys[i] = key;
      edgeSource[i] = nodeIds.get(source)!;
      edgeTarget[i] = nodeIds.get(target)!;
      edgeType[i] = TYPE_IDS.get(record.type)!;
      setWindow(window, i, attributes.window);
      setWindow(time, i, attributes.time);
      confidence[i] = record.confidence ?? 1;
      weight[i] = record.weight ?? 1;
      i++;
    });
    if (!sorted) {
      const order = Int32Array.from(Array.from({ length: m }, (_, j) => j).sort((a, b) => (keys[a] < keys[b] ? -1 : 1)));
      const permute = <T extends Int32Array | Uint8Array | Float64Array>(values: T, width = 1): T => {
        const permuted = new (values.constructor as new (length: number) => T)(values.length);
        for (let e = 0; e < m; e++) for (let w = 0; w < width; w++) permuted[width * e + w] = values[width * order[e] + w];
        return permuted;
      };
      keys = Array.from(order, (j) => keys[j]);
      edgeSource = permute(edgeSource);
      edgeTarget = permute(edgeTarget);
      edgeType = permute(edgeType);
      window = permute(window, 2);
      time = permute(time, 2);
      confidence = permute(confidence);
      weight = permute(weight);
    }
    this.edgeKeys = keys;
    this.edgeSource = edgeSource;
    this.edgeTarget = edgeTarget;
    this.edgeType = edgeType;
    this.window = window;
    this.time = time;
    this.confidence = confidence;
    this.weight = weight;
    for (let e = 0; e < m; e++) {
      if (edgeSource[e] !== edgeTarget[e]) {
        outDegree[edgeSource[e] + 1]++;
        inDegree[edgeTarget[e] + 1]++;
      }
    }
    for (let i = 0; i < n; i++) {
      outDegree[i + 1] += outDegree[i];
      inDegree[i + 1] += inDegree[i];
    }
    this.outStart = outDegree;
    this.inStart = inDegree;
    for (let v = 0; v < n; v++) this.degree[v] = outDegree[v + 1] - outDegree[v] + inDegree[v + 1] - inDegree[v];
    const adjacent = outDegree[n];
    this.outEdge = outEdge.subarray(0, adjacent);
    this.outNode = outNode.subarray(0, adjacent);
    this.inEdge = inEdge.subarray(0, adjacent);
    this.inNode = inNode.subarray(0, adjacent);
    const outFill = this.outStart.slice(0, n);
    const inFill = this.inStart.slice(0, n);
    // Edges are visited in number order, so every adjacency list comes out sorted by edge number.
    for (let e = 0; e < m; e++) {
      const s = this.edgeSource[e];
      const t = this.edgeTarget[e];
      if (s === t) continue;
      const o = outFill[s]++;
      this.outEdge[o] = e;
      this.outNode[o] = t;
      const i = inFill[t]++;
      this.inEdge[i] = e;
      this.inNode[i] = s;
    }
  }

  get out(): Adjacency {
    return { start: this.outStart, edge: this.outEdge, node: this.outNode };
  }

  get in(): Adjacency {
    return { start: this.inStart, edge: this.inEdge, node: this.inNode };
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
