import { RELATION_TYPES } from '../model';
import type { RelationshipTable } from './relationship-table';

/**
 * One direction of the adjacency, in compressed sparse rows grouped by relation type: the entries of node v are
 * start[v] .. start[v + 1] - 1 of `edge` (relationship slot) and `node` (the other end), sorted by type, then slot.
 * The runs of one type are runStart[v] .. runStart[v + 1] - 1: run r holds entries runOffset[r] .. runOffset[r + 1] - 1,
 * all of type runType[r], so a search filtered by type skips whole runs without looking at their relationships.
 */
export interface Adjacency {
  readonly start: Int32Array;
  readonly edge: Int32Array;
  readonly node: Int32Array;
  readonly runStart: Int32Array;
  readonly runOffset: Int32Array;
  readonly runType: Uint8Array;
}

const TYPE_COUNT = RELATION_TYPES.length;

/** Builds one direction over the live slots of the table: `from` gives the node an entry is listed at, `to` its other end. */
export function buildAdjacency(nodeCount: number, table: RelationshipTable, from: Int32Array, to: Int32Array): Adjacency {
  const count = table.count;
  const types = table.type;
  // Two stable counting sorts: slots by type, then by node; each node's entries come out by type, then slot.
  const typeStart = new Int32Array(TYPE_COUNT + 1);
  let live = 0;
  for (let slot = 0; slot < count; slot++) {
    if (!table.isLive(slot)) continue;
    typeStart[types[slot] + 1]++;
    live++;
  }
  for (let t = 0; t < TYPE_COUNT; t++) typeStart[t + 1] += typeStart[t];
  const byType = new Int32Array(live);
  for (let slot = 0; slot < count; slot++) if (table.isLive(slot)) byType[typeStart[types[slot]]++] = slot;

  const start = new Int32Array(nodeCount + 1);
  for (let i = 0; i < live; i++) start[from[byType[i]] + 1]++;
  for (let v = 0; v < nodeCount; v++) start[v + 1] += start[v];
  const fill = start.slice(0, nodeCount);
  const edge = new Int32Array(live);
  const node = new Int32Array(live);
  for (let i = 0; i < live; i++) {
    const slot = byType[i];
    const p = fill[from[slot]]++;
    edge[p] = slot;
    node[p] = to[slot];
  }

  const runStart = new Int32Array(nodeCount + 1);
  let runs = 0;
  for (let v = 0; v < nodeCount; v++) {
    runStart[v] = runs;
    for (let p = start[v], end = start[v + 1]; p < end; p++) if (p === start[v] || types[edge[p]] !== types[edge[p - 1]]) runs++;
  }
  runStart[nodeCount] = runs;
  const runOffset = new Int32Array(runs + 1);
  const runType = new Uint8Array(runs);
  let r = 0;
  for (let v = 0; v < nodeCount; v++) {
    for (let p = start[v], end = start[v + 1]; p < end; p++) {
      if (p === start[v] || types[edge[p]] !== types[edge[p - 1]]) {
        runOffset[r] = p;
        runType[r++] = types[edge[p]];
      }
    }
  }
  runOffset[runs] = live;
  return { start, edge, node, runStart, runOffset, runType };
}

/**
 * The graph's adjacency: both directions built at the last compaction, plus the relationships added since, per node.
 * Deleted relationships stay listed until the next compaction; callers skip slots the table no longer holds.
 */
export class GraphAdjacency {
  /** Nodes numbered below this have entries in out and in. */
  readonly baseNodes: number;
  private readonly addedOut = new Map<number, number[]>();
  private readonly addedIn = new Map<number, number[]>();

  constructor(
    readonly out: Adjacency,
    readonly in_: Adjacency,
    nodeCount: number,
  ) {
    this.baseNodes = nodeCount;
  }

  static build(nodeCount: number, table: RelationshipTable): GraphAdjacency {
    return new GraphAdjacency(buildAdjacency(nodeCount, table, table.source, table.target), buildAdjacency(nodeCount, table, table.target, table.source), nodeCount);
  }

  static empty(): GraphAdjacency {
    const none: Adjacency = { start: new Int32Array(1), edge: new Int32Array(0), node: new Int32Array(0), runStart: new Int32Array(1), runOffset: new Int32Array(1), runType: new Uint8Array(0) };
    return new GraphAdjacency(none, none, 0);
  }

  /** True when no relationship was added since the adjacency was built. */
  get pristine(): boolean {
    return this.addedOut.size === 0;
  }

  add(slot: number, source: number, target: number): void {
    push(this.addedOut, source, slot);
    push(this.addedIn, target, slot);
  }

  remove(slot: number, source: number, target: number): void {
    pull(this.addedOut, source, slot);
    pull(this.addedIn, target, slot);
  }

  /** Calls visit(slot) for each relationship listed at v in one direction (deleted ones included); stops when visit returns true. */
  visit(v: number, outgoing: boolean, visit: (slot: number) => boolean | void): boolean {
    const base = outgoing ? this.out : this.in_;
    if (v < this.baseNodes) {
      for (let p = base.start[v], end = base.start[v + 1]; p < end; p++) if (visit(base.edge[p]) === true) return true;
    }
    const added = (outgoing ? this.addedOut : this.addedIn).get(v);
    if (added) for (const slot of [...added]) if (visit(slot) === true) return true;
    return false;
  }
}

function push(lists: Map<number, number[]>, v: number, slot: number): void {
  const list = lists.get(v);
  if (list) list.push(slot);
  else lists.set(v, [slot]);
}

function pull(lists: Map<number, number[]>, v: number, slot: number): void {
  const list = lists.get(v);
  if (!list) return;
  const at = list.indexOf(slot);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) lists.delete(v);
}
