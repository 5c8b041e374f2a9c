import { EVENT_TYPE, FLAG } from '../../load';
import { RELATION_TYPES } from '../../model';
import { hubListsOf, type HubList } from './hub-lists';
import { projectionCacheOf } from './projection-cache';
import type { LowerBounds } from './lower-bounds';
import type { PathQuery } from './path-args';
import { OPEN_END, OPEN_START, type Adjacency, type PathIndex } from './path-index';
import { UNRATED_CONFIDENCE, type PathCost } from './path-types';
import { SearchBudget } from './search-budget';
import { scratchOf, type Scratch } from './scratch';

const NO_STAMP = -1;
const UNRATED_COST = -Math.log(UNRATED_CONFIDENCE);

/** The lists of a fewest-hops search (SearchSpace.hopLists), with the checks they still need. */
export interface HopLists {
  readonly forward: readonly Adjacency[];
  readonly backward: readonly Adjacency[];
  /** The asOf windows aligned with the lists (PathIndex.asOfWindows); null when none are checked. */
  readonly forwardWindows: readonly Int32Array[] | null;
  readonly backwardWindows: readonly Int32Array[] | null;
  /** The types to check by run; null when none are. */
  readonly typeAllowed: Uint8Array | null;
  /** True when the lists hold only entries whose relationship and other end pass types and asOf (a projection). */
  readonly datesChecked: boolean;
}

/**
 * One query's view of the index: which entities and relationships a path may use, what a hop costs, and which
 * entities and relationships the current Yen spur search has banned. The checks are those of compileFilter
 * (traversal-filter.ts) on typed arrays: a relationship is usable when its type is allowed, it is present as of the
 * date, its confidence is at least minConfidence, and both ends are present and not avoided.
 */
export class SearchSpace {
  readonly scratch: Scratch;
  readonly directed: boolean;
  readonly cost: PathCost;
  readonly chronological: boolean;
  readonly maxLength: number;
  /** The lists a walk from `from` follows: out-edges, and in-edges too when undirected. */
  readonly forwardLists: readonly Adjacency[];
  /** The lists a walk back from `to` follows: in-edges, and out-edges too when undirected. */
  readonly backwardLists: readonly Adjacency[];
  /** Lower bounds of the cost to the query's `to`, once its first label search has computed them (best-path.ts). */
  bounds: LowerBounds | null = null;
  /** By type number: 1 when a path may use the type; null when every type may be used. */
  readonly typeAllowed: Uint8Array | null;
  /** The asOf interval as day numbers (OPEN_START .. OPEN_END without asOf). */
  readonly asOfLo: number;
  readonly asOfHi: number;
  private readonly minConfidence: number;
  private readonly avoidStamp: number;
  private banStamp = NO_STAMP;
  private bannedEdges: readonly number[] = [];
  /** True when no argument and no ban restricts relationships or entities: every check passes. */
  private unrestricted: boolean;
  private readonly unfiltered: boolean;
  /** Which checks apply, so a search loads only the arrays it needs. */
  readonly checkAsOf: boolean;
  private readonly checkConfidence: boolean;
  private readonly positiveConfidence: boolean;
  private checkNodeMarks: boolean;

  constructor(
    readonly index: PathIndex,
    query: PathQuery,
    readonly budget: SearchBudget = new SearchBudget(),
  ) {
    this.scratch = scratchOf(index);
    this.scratch.beginQuery();
    this.directed = query.directed;
    this.cost = query.cost;
    this.chronological = query.chronological;
    this.maxLength = query.maxLength;
    this.forwardLists = query.directed ? [index.out] : [index.out, index.in];
    this.backwardLists = query.directed ? [index.in] : [index.in, index.out];
    this.typeAllowed = query.types ? Uint8Array.from(RELATION_TYPES, (type) => (query.types!.has(type) ? 1 : 0)) : null;
    this.asOfLo = query.asOf ? query.asOf.lo : OPEN_START;
    this.asOfHi = query.asOf ? query.asOf.hi : OPEN_END;
    this.minConfidence = query.minConfidence ?? -Infinity;
    this.checkAsOf = query.asOf !== undefined;
    this.positiveConfidence = query.cost === 'CONFIDENCE';
    this.checkConfidence = query.minConfidence !== undefined || this.positiveConfidence;
    this.checkNodeMarks = query.avoid.length > 0;
    this.unfiltered = !this.typeAllowed && !this.checkAsOf && !this.checkConfidence && !this.checkNodeMarks;
    this.unrestricted = this.unfiltered;
    if (query.avoid.length === 0) {
      this.avoidStamp = NO_STAMP;
    } else {
      this.avoidStamp = this.scratch.nextStamp();
      for (const id of query.avoid) this.scratch.nodeMark[index.nodeIds.get(id)!] = this.avoidStamp;
    }
  }

  /**
   * The asOf windows of forwardLists (or backwardLists) in adjacency order (PathIndex.asOfWindows), aligned with the
   * lists; null when the query has no asOf. Built on the first query that asks.
   */
  windowsOf(lists: readonly Adjacency[]): readonly Int32Array[] | null {
    return this.checkAsOf ? lists.map((list) => this.index.asOfWindows(list)) : null;
  }

  /**
   * What fewestHops walks: the projection of the adjacency onto the query's types and asOf when the index holds one
   * (projection-cache.ts; asked once per query), else the index's lists, checked by type run and asOf window.
   */
  hopLists(): HopLists {
    if (this.hopListsMemo === null) {
      const projection = projectionCacheOf(this.index).projectionFor(this);
      this.hopListsMemo = projection
        ? { forward: [projection.forward], backward: [projection.backward], forwardWindows: null, backwardWindows: null, typeAllowed: null, datesChecked: true }
        : {
            forward: this.forwardLists,
            backward: this.backwardLists,
            forwardWindows: this.windowsOf(this.forwardLists),
            backwardWindows: this.windowsOf(this.backwardLists),
            typeAllowed: this.typeAllowed,
            datesChecked: false,
          };
    }
    return this.hopListsMemo;
  }

  private hopListsMemo: HopLists | null = null;

  /** True when an entity must be checked with nodeOpen (asOf, avoid or a ban applies). */
  get checksNodes(): boolean {
    return !this.unrestricted && (this.checkAsOf || this.checkNodeMarks);
  }

  /** True when an entity must be checked for avoid and bans (the dates being checked already). */
  get checksNodeMarks(): boolean {
    return !this.unrestricted && this.checkNodeMarks;
  }

  /** True when a relationship of an allowed type inside the asOf window must still be checked with otherChecksOpen. */
  get checksMore(): boolean {
    return !this.unrestricted && (this.checkConfidence || this.bannedEdges.length > 0);
  }

  /** The checks of edgeOpen other than its type and asOf: its confidence, and the current spur search's bans. */
  otherChecksOpen(e: number): boolean {
    if (this.checkConfidence) {
      const confidence = this.index.confidence[e];
      if (confidence < this.minConfidence || (this.positiveConfidence && confidence === 0)) return false;
    }
    return this.bannedEdges.length === 0 || !this.bannedEdges.includes(e);
  }

  /** The entity may be on a path: present as of the date, not avoided, not banned by the current spur search. */
  nodeOpen(v: number): boolean {
    if (this.unrestricted) return true;
    if (this.checkNodeMarks) {
      const mark = this.scratch.nodeMark[v];
      if (mark === this.avoidStamp || mark === this.banStamp) return false;
    }
    if (!this.checkAsOf) return true;
    const facts = this.index.nodeFacts;
    return facts[4 * v] <= this.asOfHi && facts[4 * v + 1] >= this.asOfLo;
  }

  /** The relationship itself may be used (its ends are checked with nodeOpen). */
  edgeOpen(e: number): boolean {
    if (this.unrestricted) return true;
    const index = this.index;
    if (this.typeAllowed !== null && this.typeAllowed[index.edgeType[e]] === 0) return false;
    // The asOf window is [lo, hi], open-ended for an EVENT type.
    if (this.checkAsOf && (index.lo[e] > this.asOfHi || (index.hi[e] < this.asOfLo && EVENT_TYPE[index.edgeType[e]] === 0))) return false;
    return this.otherChecksOpen(e);
  }

  /**
   * The relationships a walk may take from u straight to v (either way when undirected), under the filters and bans,
   * in edge-number order. They are listed at u (forward lists) and at v (backward lists): the shorter lists are read.
   */
  relationshipsBetween(u: number, v: number): number[] {
    // A projection built for this query's fewest-hops search lists only relationships that pass types and asOf.
    const projected = this.hopListsMemo?.datesChecked === true;
    const forward = projected ? this.hopListsMemo!.forward : this.forwardLists;
    const backward = projected ? this.hopListsMemo!.backward : this.backwardLists;
    const length = (lists: readonly Adjacency[], w: number) => lists.reduce((sum, list) => sum + list.start[w + 1] - list.start[w], 0);
    const [lists, from, to] = length(forward, u) <= length(backward, v) ? [forward, u, v] : [backward, v, u];
    const steps: number[] = [];
    for (const { start, edge, node } of lists) {
      for (let p = start[from], end = start[from + 1]; p < end; p++) {
        if (node[p] === to && (projected ? this.otherChecksOpen(edge[p]) : this.edgeOpen(edge[p]))) steps.push(edge[p]);
      }
    }
    return steps.sort((a, b) => a - b);
  }

  /** What one hop over the relationship adds to a path's cost (path-types.ts PATH_COST_DEFINITIONS). */
  edgeCost(e: number): number {
    if (this.cost === 'HOPS') return 1;
    if (this.cost === 'WEIGHT') return this.index.weight[e];
    return this.index.flags[e] & FLAG.hasConfidence ? -Math.log(this.index.confidence[e]) : UNRATED_COST;
  }

  /** The cost of a sequence of hops, summed in order: the one way every path's cost is computed. */
  pathCost(edges: readonly number[], from = 0, to = edges.length, start = 0): number {
    let cost = start;
    for (let i = from; i < to; i++) cost += this.edgeCost(edges[i]);
    return cost;
  }

  /**
   * The earliest time a time-respecting walk over the hops can be at their end: t = max(t, lo) hop after hop, which
   * must stay ≤ hi. OPEN_START for an undated start; null when the hops cannot be taken in order.
   */
  arrivalTime(edges: readonly number[], to = edges.length): number | null {
    let time = OPEN_START;
    for (let i = 0; i < to; i++) {
      time = Math.max(time, this.index.lo[edges[i]]);
      if (time > this.index.hi[edges[i]]) return null;
    }
    return time;
  }

  /**
   * The hub lists (hub-lists.ts) aligned with forwardLists and backwardLists, for weighted costs; null for HOPS, where
   * every hop costs the same and a hub's relationships are best taken all at once.
   */
  hubLists(): { forward: readonly HubList[]; backward: readonly HubList[] } | null {
    if (this.cost === 'HOPS') return null;
    const hubs = hubListsOf(this.index, this.cost, (e) => this.edgeCost(e));
    return this.directed ? { forward: [hubs.out], backward: [hubs.in] } : { forward: [hubs.out, hubs.in], backward: [hubs.in, hubs.out] };
  }

  /** Bans entities and relationships until the next ban or clearBans (Yen's spur searches). */
  ban(nodes: readonly number[], edges: readonly number[]): void {
    this.banStamp = this.scratch.nextStamp();
    for (const v of nodes) this.scratch.nodeMark[v] = this.banStamp;
    this.bannedEdges = edges;
    this.unrestricted = false;
    this.checkNodeMarks = true;
  }

  clearBans(): void {
    this.banStamp = NO_STAMP;
    this.bannedEdges = [];
    this.unrestricted = this.unfiltered;
    this.checkNodeMarks = this.avoidStamp !== NO_STAMP;
  }
}
