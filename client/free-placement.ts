import type { Core, NodeSingular, Position } from 'cytoscape';

/** A box in model coordinates. */
export interface Rect {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

const CELL = 120;
/** A box over more cells than this each way is kept apart and checked against every candidate. */
const MAX_CELLS = 16;

const overlap = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Boxes bucketed by grid cell, so that a candidate is checked against its neighbours only. */
class Occupied {
  private readonly cells = new Map<string, Rect[]>();
  private readonly large: Rect[] = [];

  add(box: Rect): void {
    const keys = this.keys(box);
    if (!keys) {
      this.large.push(box);
      return;
    }
    for (const key of keys) {
      let list = this.cells.get(key);
      if (!list) this.cells.set(key, (list = []));
      list.push(box);
    }
  }

  overlaps(box: Rect): boolean {
    if (this.large.some((other) => overlap(box, other))) return true;
    const keys = this.keys(box);
    if (!keys) return [...this.cells.values()].some((list) => list.some((other) => overlap(box, other)));
    return keys.some((key) => (this.cells.get(key) ?? []).some((other) => overlap(box, other)));
  }

  /** The cells a box covers; null when too many (or its coordinates are not finite). */
  private keys(box: Rect): string[] | null {
    const [i0, i1, j0, j1] = [box.x1, box.x2, box.y1, box.y2].map((value) => Math.floor(value / CELL));
    if (![i0, i1, j0, j1].every(Number.isSafeInteger) || i1 - i0 > MAX_CELLS || j1 - j0 > MAX_CELLS) return null;
    const keys: string[] = [];
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) keys.push(`${i},${j}`);
    return keys;
  }
}

/** A drawn edge, as the straight line between its ends. */
export interface Segment {
  readonly a: Position;
  readonly b: Position;
}

/** Whether a segment crosses (or lies in) a box: Liang–Barsky clipping. */
export function segmentHitsBox({ a, b }: Segment, box: Rect): boolean {
  let lo = 0;
  let hi = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - box.x1],
    [dx, box.x2 - a.x],
    [-dy, a.y - box.y1],
    [dy, box.y2 - a.y],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) lo = Math.max(lo, t);
      else hi = Math.min(hi, t);
      if (lo > hi) return false;
    }
  }
  return true;
}

/**
 * The free spot nearest `centre` for a node whose box, relative to its position, is `shape` (with `gap` around it),
 * clear of the `occupied` boxes and of the `edges` (a node on an edge would look connected): the points of a sunflower
 * spiral around the centre, tried nearest first. Deterministic; the centre itself when free.
 */
export function freeSpotNear(centre: Position, shape: Rect, occupied: readonly Rect[], edges: readonly Segment[] = [], gap = 16, tries = 600): Position {
  const index = new Occupied();
  for (const box of occupied) index.add(box);
  const step = Math.max(24, Math.min(shape.x2 - shape.x1, shape.y2 - shape.y1) / 2);
  let candidate = centre;
  for (let i = 0; i < tries; i++) {
    const radius = step * Math.sqrt(i);
    const angle = i * 2.399963; // the golden angle: points spread evenly, none on a line
    candidate = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
    const box = { x1: candidate.x + shape.x1 - gap, y1: candidate.y + shape.y1 - gap, x2: candidate.x + shape.x2 + gap, y2: candidate.y + shape.y2 + gap };
    if (!index.overlaps(box) && !edges.some((edge) => segmentHitsBox(edge, box))) return candidate;
  }
  return candidate;
}

/**
 * Where a node with no drawn neighbours goes (an entity created without relationships): free space near the middle of
 * the viewport, clear of every other node with its label and of every edge, `ignore`d nodes aside (newcomers not
 * placed yet). Nothing else moves.
 */
export function placeInFreeSpace(cy: Core, node: NodeSingular, ignore: ReadonlySet<string>): Position {
  const options = { includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false };
  const occupied: Rect[] = [];
  const others = cy.nodes().filter((other) => other.id() !== node.id() && !ignore.has(other.id()));
  others.forEach((other) => void occupied.push(other.boundingBox(options)));
  // Without a viewport (headless Cytoscape: an unbounded extent), the middle of the drawing stands for it.
  const extent = cy.extent();
  const view = Number.isFinite(extent.w) && extent.w < 1e7 ? extent : others.nonempty() ? others.boundingBox(options) : { x1: 0, x2: 0, y1: 0, y2: 0 };
  const centre = { x: (view.x1 + view.x2) / 2, y: (view.y1 + view.y2) / 2 };
  const edges: Segment[] = [];
  cy.edges().forEach((edge) => {
    const [source, target] = [edge.source(), edge.target()];
    if (source.id() !== node.id() && target.id() !== node.id() && !ignore.has(source.id()) && !ignore.has(target.id())) edges.push({ a: source.position(), b: target.position() });
  });
  const own = node.boundingBox(options);
  const at = node.position();
  return freeSpotNear(centre, { x1: own.x1 - at.x, y1: own.y1 - at.y, x2: own.x2 - at.x, y2: own.y2 - at.y }, occupied, edges);
}
