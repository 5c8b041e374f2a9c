/**
 * What the A* label search (label-search.ts) needs from a precomputation towards the query's `to`: whether any walk
 * can arrive at all, the cost of a walk known to fit within the hop limit, and lower bounds of the cost still to go.
 * Two implementations: meeting-bounds.ts (one label per entity) and hop-penalty-bounds.ts (two of those, one with a
 * penalty per hop, for when the cheapest walk is longer than the hop limit allows).
 */
export interface LowerBounds {
  /** False when no walk of at most maxLength hops leads from the query's start to t under the filters. */
  readonly connected: boolean;
  /**
   * The cost of a walk from the start to t of at most maxLength hops under the filters, summed as a forward and a
   * backward part (give or take rounding in the last bits): the best path without time order costs no more.
   */
  readonly cheapest: number;
  /** A lower bound of the cost of any walk from v to t of at most `hops` hops under the filters (Infinity: none). */
  bound(v: number, hops: number): number;
}
