import type { Adjacency, PathIndex } from './path-index';

/**
 * A projection of the adjacency onto one filter (a types set and an asOf interval): per entity, only the entries a
 * path under that filter may take (the relationship's type allowed and its asOf window holding the date, the entity
 * at the other end present at the date), all its lists merged and sorted by edge number. A fewest-hops search over it
 * checks nothing per entry, and reading the path needs no merge of type runs.
 *
 * It is an Adjacency with one run per entity (runStart the identity, runOffset = start), so the search and readPath
 * walk it like the index's own lists. Per projection: 4 bytes per entity and 8 per entry kept (an undirected
 * projection lists a relationship at both ends, a directed one keeps an out- and an in-projection: 16 bytes per
 * relationship kept either way).
 */
export interface FilterProjection {
  /** The lists a walk from `from` follows, and a walk back from `to` (the same list when undirected). */
  readonly forward: Adjacency;
  readonly backward: Adjacency;
  readonly bytes: number;
  readonly buildMs: number;
}

export interface ProjectionFilter {
  readonly directed: boolean;
  /** By type number: 1 when allowed; null: every type. */
  readonly typeAllowed: Uint8Array | null;
  readonly asOfLo: number;
  readonly asOfHi: number;
  /** Whether the query has asOf (else the dates are not checked). */
  readonly checkAsOf: boolean;
}

/** The one-run-per-entity arrays shared by every projection of an index. */
const identities = new WeakMap<PathIndex, { runStart: Int32Array; runType: Uint8Array }>();

function identityOf(index: PathIndex): { runStart: Int32Array; runType: Uint8Array } {
  let identity = identities.get(index);
  if (!identity) {
    const runStart = new Int32Array(index.nodeCount + 1);
    for (let v = 0; v <= index.nodeCount; v++) runStart[v] = v;
    identity = { runStart, runType: new Uint8Array(index.nodeCount) };
    identities.set(index, identity);
  }
  return identity;
}

/**
 * Sorts the entries [from, to) by edge number, keeping each entry's node with it: insertion sort for the short lists
 * most entities have; a long one sorts its edges and finds each one's other end again.
 */
function sortSegment(edge: Int32Array, node: Int32Array, from: number, to: number, v: number, index: PathIndex): void {
  if (to - from > 32) {
    edge.subarray(from, to).sort();
    for (let p = from; p < to; p++) node[p] = index.edgeSource[edge[p]] === v ? index.edgeTarget[edge[p]] : index.edgeSource[edge[p]];
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const e = edge[i];
    const w = node[i];
    let j = i - 1;
    while (j >= from && edge[j] > e) {
      edge[j + 1] = edge[j];
      node[j + 1] = node[j];
      j--;
    }
    edge[j + 1] = e;
    node[j + 1] = w;
  }
}

/** The entries of `lists` that pass the filter, merged per entity and sorted by edge number. */
function project(index: PathIndex, lists: readonly Adjacency[], filter: ProjectionFilter): { list: Adjacency; bytes: number } {
  const n = index.nodeCount;
  const { typeAllowed: allowed, asOfLo, asOfHi, checkAsOf } = filter;
  // Which entities are present at the date, a byte each: read per entry instead of 16-byte facts far apart.
  let present: Uint8Array | null = null;
  if (checkAsOf) {
    const facts = index.nodeFacts;
    present = new Uint8Array(n);
    for (let v = 0; v < n; v++) present[v] = facts[4 * v] <= asOfHi && facts[4 * v + 1] >= asOfLo ? 1 : 0;
  }
  const windows = lists.map((list) => (checkAsOf ? index.asOfWindows(list) : null));
  // An upper bound of the entries kept: those of allowed types.
  let bound = 0;
  for (const list of lists) {
    if (allowed === null) bound += list.edge.length;
    else for (let r = 0; r < list.runType.length; r++) if (allowed[list.runType[r]] === 1) bound += list.runOffset[r + 1] - list.runOffset[r];
  }
  const start = new Int32Array(n + 1);
  let edge = new Int32Array(bound);
  let node = new Int32Array(bound);
  let kept = 0;
  for (let v = 0; v < n; v++) {
    start[v] = kept;
    let runs = 0;
    for (let l = 0; l < lists.length; l++) {
      const { runStart, runOffset, runType, edge: edges, node: nodes } = lists[l];
      const window = windows[l];
      for (let r = runStart[v], last = runStart[v + 1]; r < last; r++) {
        if (allowed !== null && allowed[runType[r]] === 0) continue;
        const before = kept;
        for (let p = runOffset[r], end = runOffset[r + 1]; p < end; p++) {
          const w = nodes[p];
          if (window !== null && (window[2 * p] > asOfHi || window[2 * p + 1] < asOfLo || present![w] === 0)) continue;
          edge[kept] = edges[p];
          node[kept++] = w;
        }
        if (kept > before) runs++;
      }
    }
    if (runs > 1) sortSegment(edge, node, start[v], kept, v, index);
  }
  start[n] = kept;
  if (kept < bound) {
    edge = edge.slice(0, kept);
    node = node.slice(0, kept);
  }
  const { runStart, runType } = identityOf(index);
  return { list: { start, edge, node, runStart, runOffset: start, runType }, bytes: start.byteLength + edge.byteLength + node.byteLength };
}

export function buildProjection(index: PathIndex, filter: ProjectionFilter): FilterProjection {
  const started = performance.now();
  if (!filter.directed) {
    const both = project(index, [index.out, index.in], filter);
    return { forward: both.list, backward: both.list, bytes: both.bytes, buildMs: performance.now() - started };
  }
  const out = project(index, [index.out], filter);
  const in_ = project(index, [index.in], filter);
  return { forward: out.list, backward: in_.list, bytes: out.bytes + in_.bytes, buildMs: performance.now() - started };
}
