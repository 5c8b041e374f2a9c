import { EVENT_TYPE } from '../../src/load';
import type { PathIndex } from '../../src/queries';

/** A filter applied inline: allowed type numbers and an asOf interval of day numbers. */
export interface FloorFilter {
  readonly types: Uint8Array;
  readonly asOfLo: number;
  readonly asOfHi: number;
}

/**
 * The floor: a bare bidirectional BFS over the path index's CSR arrays, no tie-breaking, parents kept so it returns a
 * path. Stamps instead of clearing, whole layers of the smaller frontier, as in the real search. Unfiltered, or with
 * types and asOf checked inline on each relationship and entity (the same question as a filtered query, at the
 * least cost typed arrays allow).
 */
export class CsrFloor {
  private stamp = 0;
  private readonly seenForward: Uint32Array;
  private readonly seenBackward: Uint32Array;
  private readonly parentForward: Int32Array;
  private readonly parentBackward: Int32Array;
  private readonly queueForward: Int32Array;
  private readonly queueBackward: Int32Array;

  constructor(private readonly index: PathIndex) {
    const n = index.nodeCount;
    this.seenForward = new Uint32Array(n);
    this.seenBackward = new Uint32Array(n);
    this.parentForward = new Int32Array(n);
    this.parentBackward = new Int32Array(n);
    this.queueForward = new Int32Array(n);
    this.queueBackward = new Int32Array(n);
  }

  /** The nodes of a shortest path from s to t, or null. */
  path(s: number, t: number, directed: boolean, filter?: FloorFilter): number[] | null {
    if (s === t) return [s];
    const stamp = ++this.stamp;
    const { outStart, outNode, inStart, inNode, lo, hi, edgeType, nodeFacts } = this.index;
    const outEdge = this.index.out.edge;
    const inEdge = this.index.in.edge;
    const { seenForward, seenBackward, parentForward, parentBackward, queueForward, queueBackward } = this;
    seenForward[s] = stamp;
    parentForward[s] = -1;
    seenBackward[t] = stamp;
    parentBackward[t] = -1;
    queueForward[0] = s;
    queueBackward[0] = t;
    let fStart = 0;
    let fEnd = 1;
    let bStart = 0;
    let bEnd = 1;
    while (fStart < fEnd && bStart < bEnd) {
      const forward = fEnd - fStart <= bEnd - bStart;
      const queue = forward ? queueForward : queueBackward;
      const seen = forward ? seenForward : seenBackward;
      const other = forward ? seenBackward : seenForward;
      const parent = forward ? parentForward : parentBackward;
      const from = forward ? fStart : bStart;
      const to = forward ? fEnd : bEnd;
      let length = to;
      let meet = -1;
      for (let q = from; q < to && meet < 0; q++) {
        const u = queue[q];
        for (let pass = 0; pass < (directed ? 1 : 2) && meet < 0; pass++) {
          const useOut = forward === (pass === 0);
          const start = useOut ? outStart : inStart;
          const node = useOut ? outNode : inNode;
          const edge = useOut ? outEdge : inEdge;
          for (let p = start[u], end = start[u + 1]; p < end; p++) {
            const v = node[p];
            if (seen[v] === stamp) continue;
            if (filter) {
              const e = edge[p];
              if (filter.types[edgeType[e]] === 0 || lo[e] > filter.asOfHi || (hi[e] < filter.asOfLo && EVENT_TYPE[edgeType[e]] === 0)) continue;
              if (nodeFacts[4 * v] > filter.asOfHi || nodeFacts[4 * v + 1] < filter.asOfLo) continue;
            }
            seen[v] = stamp;
            parent[v] = u;
            queue[length++] = v;
            if (other[v] === stamp) {
              meet = v;
              break;
            }
          }
        }
      }
      if (meet >= 0) {
        const path: number[] = [];
        for (let v = meet; v !== -1; v = parentForward[v]) path.push(v);
        path.reverse();
        for (let v = parentBackward[meet]; v !== -1; v = parentBackward[v]) path.push(v);
        return path;
      }
      if (forward) {
        fStart = to;
        fEnd = length;
      } else {
        bStart = to;
        bEnd = length;
      }
    }
    return null;
  }
}
