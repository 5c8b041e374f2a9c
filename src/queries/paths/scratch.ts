import { RELATION_TYPES } from '../../model';
import { LabelHeap, LabelPool } from './label-pool';
import { NodeHeap } from './node-heap';
import type { PathIndex } from './path-index';
import { PATH_LIMITS } from './path-types';

/** One side of a one-label search: per entity its cost, hops, stamp and the relationship it was reached by. */
export interface MeetingArrays {
  readonly cost: Float64Array;
  readonly hops: Int32Array;
  readonly mark: Uint32Array;
  readonly parent: Int32Array;
}

/** Working arrays of weighted searches: the queues of the one-label bounds search, the label search's open labels. */
export interface WeightedArrays {
  readonly forwardHeap: NodeHeap;
  readonly backwardHeap: NodeHeap;
  /** Per entity, the label search's latest open label that no other open label there beats (valid when openMark is the search's stamp). */
  readonly forwardOpen: Int32Array;
  readonly forwardOpenMark: Uint32Array;
}

function runCursors(size: number) {
  return { cursor: new Int32Array(size), end: new Int32Array(size), listOf: new Int32Array(size) };
}

function layers(size: number) {
  return { start: new Int32Array(size), work: new Float64Array(size) };
}

/**
 * Working arrays of the searches, allocated once per index and reused by every query (searches are synchronous, so
 * one set per index is enough). "Visited" is a stamp equal to the current generation, so no search clears O(N) memory.
 */
export class Scratch {
  private generation = 0;
  /** Avoided entities (the query's stamp) and entities banned during one Yen spur search (that search's stamp). */
  readonly nodeMark: Uint32Array;
  /** The forward side of the one-label search (meetingSide(0)): its stamps and hops. */
  readonly seenForward: Uint32Array;
  readonly distForward: Int32Array;
  /** Entities readPath found to lead nowhere (its dead ends). */
  readonly onPath: Uint32Array;
  /** BFS queues, layer after layer. */
  readonly queueForward: Int32Array;
  readonly queueBackward: Int32Array;
  /** Label-setting search: per entity, the stamp and the first of its settled labels. */
  readonly settledSeen: Uint32Array;
  readonly settledHead: Int32Array;
  /**
   * The fewest-hops search's marks, interleaved so that one entity's are on one cache line: at 4v its forward stamp
   * and distance, at 4v + 2 its backward ones. Separate arrays cost up to four cache misses per entity found, which
   * is most of a search over a graph that does not fit in cache. 16 bytes per entity, allocated on the first such
   * search (it replaced four arrays of 4 bytes, two of which meetingSide still uses).
   */
  get bfsMarks(): Uint32Array {
    this.bfsMarkArray ??= new Uint32Array(4 * this.nodeCount);
    return this.bfsMarkArray;
  }
  private bfsMarkArray: Uint32Array | null = null;
  /** Where each BFS layer starts in its queue, and its work (total degree), per side (bidirectional-bfs.ts). */
  readonly layersForward = layers(PATH_LIMITS.maxLength + 2);
  readonly layersBackward = layers(PATH_LIMITS.maxLength + 2);
  /** readPath's candidate relationships when it reads them from the next layer's side, stacked; grown as needed. */
  steps: Int32Array = new Int32Array(256);
  /** readPath's cursors (read-path.ts): at most one per list and type at each of the walk's entities. */
  readonly runCursors = runCursors(2 * RELATION_TYPES.length * (PATH_LIMITS.maxLength + 1));
  readonly labels = new LabelPool();
  readonly heap = new LabelHeap(this.labels);
  private weightedArrays: WeightedArrays | null = null;
  private readonly meetingArrays: MeetingArrays[] = [];

  constructor(private readonly nodeCount: number) {
    this.nodeMark = new Uint32Array(nodeCount);
    this.seenForward = new Uint32Array(nodeCount);
    this.distForward = new Int32Array(nodeCount);
    this.onPath = new Uint32Array(nodeCount);
    this.queueForward = new Int32Array(nodeCount);
    this.queueBackward = new Int32Array(nodeCount);
    this.settledSeen = new Uint32Array(nodeCount);
    this.settledHead = new Int32Array(nodeCount);
  }

  /** The arrays of weighted searches, allocated on the first weighted or chronological query. */
  get weighted(): WeightedArrays {
    this.weightedArrays ??= {
      forwardHeap: new NodeHeap(),
      backwardHeap: new NodeHeap(),
      forwardOpen: new Int32Array(this.nodeCount),
      forwardOpenMark: new Uint32Array(this.nodeCount),
    };
    return this.weightedArrays;
  }

  /**
   * The per-entity arrays of one side of a one-label bidirectional search (meeting-bounds.ts): slot 0 its forward
   * side, needed only while it runs, so it reuses seenForward, distForward and the fewest-hops search's forward queue; slots 1 and 2 the backward
   * sides of the two searches a query may keep as its bounds, which must outlive a fewest-hops search (best-path.ts).
   */
  meetingSide(slot: 0 | 1 | 2): MeetingArrays {
    const n = this.nodeCount;
    const arrays = () => (slot === 0 ? { hops: this.distForward, mark: this.seenForward, parent: this.queueForward } : { hops: new Int32Array(n), mark: new Uint32Array(n), parent: new Int32Array(n) });
    this.meetingArrays[slot] ??= { cost: new Float64Array(n), ...arrays() };
    return this.meetingArrays[slot];
  }

  /** A larger steps array holding what the current one holds. */
  growSteps(needed: number): Int32Array {
    const wider = new Int32Array(Math.max(needed, 2 * this.steps.length));
    wider.set(this.steps);
    this.steps = wider;
    return wider;
  }

  /** Called when a query starts: clears the stamps on the rare wrap-around, never in the middle of a query. */
  beginQuery(): void {
    if (this.generation < 0xfff00000) return;
    for (const stamps of [this.nodeMark, this.seenForward, this.onPath, this.settledSeen]) stamps.fill(0);
    this.bfsMarkArray?.fill(0);
    for (const arrays of this.meetingArrays) arrays?.mark.fill(0);
    this.weightedArrays?.forwardOpenMark.fill(0);
    this.generation = 0;
  }

  /** A stamp never handed out before in this query (a query takes far fewer than the million left by beginQuery). */
  nextStamp(): number {
    return ++this.generation;
  }
}

const scratches = new WeakMap<PathIndex, Scratch>();

export function scratchOf(index: PathIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    scratch = new Scratch(index.nodeCount);
    scratches.set(index, scratch);
  }
  return scratch;
}
