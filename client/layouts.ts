import type { Collection, Core, EdgeSingular, LayoutOptions, NodeSingular, Position } from 'cytoscape';
import { placeLabels, rememberLabelSides } from './label-placement';
import { restyle } from './restyle';
import { withSeededRandom } from './seeded-random';
import { LABEL_SCALE_STEPS } from './style';

/** Layouts as data. fCoSE for whole networks and ego networks; tuned so the seed graph's labels do not overlap. */

export interface Layouts {
  /** Lays out everything from scratch. */
  full(nodeCount: number): LayoutOptions;
  /** Runs after a full layout (e.g. to push apart nodes whose labels still touch). */
  after?(cy: Core): void;
}

/** Nodes past which label placement and overlap removal (quadratic) are skipped. */
const MAX_SEPARATED_NODES = 800;

/** fCoSE's random start is seeded, so the same network lands the same way on every load (see seeded-random.ts). */
export const LAYOUT_SEED = 0x5eed;

/**
 * The shape (width / height) a whole-network drawing is widened towards: a constant, not the window's shape, so the
 * positions do not depend on the window a link is opened in.
 */
export const DRAWING_ASPECT = 1.6;

/**
 * The model-pixel frame a whole-network drawing (shapes and labels) is drawn together into when it comes out larger:
 * the graph area of a 1440×900 window (≈ 1160×765 px) shows it whole at zoom ≈ 0.95, so 12 px labels stay above
 * MIN_LABEL_PX and none has to be hidden. A constant, like DRAWING_ASPECT, so positions do not depend on the window.
 */
export const DRAWING_FRAME = { w: 1140, h: 1140 / DRAWING_ASPECT };

/**
 * Lays out everything drawn, repeatably: the same elements in the same order give the same positions, whatever the
 * window or zoom (labels are measured at their base size, not as label-visibility.ts scaled them for the zoom).
 */
export function runFullLayout(cy: Core, layouts: Layouts): void {
  const scaled = Array.from({ length: LABEL_SCALE_STEPS }, (_, i) => `ls-${i + 1}`).filter((name) => cy.elements(`.${name}`).nonempty());
  restyle(cy.elements().removeClass(scaled.join(' ')));
  try {
    withSeededRandom(LAYOUT_SEED, () => cy.layout(layouts.full(cy.nodes().length)).run());
    layouts.after?.(cy);
    rememberLabelSides(cy);
  } finally {
    if (scaled.length > 0) restyle(cy.elements().addClass(scaled[0]));
  }
}

export const FCOSE_LAYOUTS: Layouts = {
  // Hubs repel more and their edges are longer; leaves sit close to their one neighbour. Measured on the seed network in
  // a 1440×900 window: the fitted drawing opens at zoom ≈ 0.98 (12 px labels drawn at ≈ 11.7 px), where constant forces
  // gave ≈ 0.71 (8.6 px labels).
  full: () =>
    ({
      name: 'fcose',
      quality: 'proof',
      randomize: true,
      animate: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: true,
      uniformNodeDimensions: false,
      packComponents: true,
      nodeRepulsion: (node: NodeSingular) => 8000 + 1500 * node.degree(false),
      idealEdgeLength: (edge: EdgeSingular) => 40 + 14 * Math.sqrt(Math.min(edge.source().degree(false), edge.target().degree(false))),
      edgeElasticity: () => 0.6,
      nestingFactor: 0.1,
      gravity: 0.35,
      gravityRange: 3.8,
      nodeSeparation: 60,
      numIter: 5000,
      tile: true,
      tilingPaddingVertical: 20,
      tilingPaddingHorizontal: 20,
    }) as LayoutOptions,
  after: (cy) => {
    const nodes = cy.nodes();
    if (nodes.length > MAX_SEPARATED_NODES) return;
    stretchToAspect(cy);
    placeLabels(cy);
    moveBy(cy, separate(drawnBoxes(cy), 4));
    // Squeezed, the label sides are chosen again for the new neighbourhoods, which can widen the drawing: a few passes.
    for (let pass = 0; pass < 3 && moveBy(cy, compactInto(drawnBoxes(cy), DRAWING_FRAME, { padding: 4 })); pass++) {
      placeLabels(cy);
      moveBy(cy, separate(drawnBoxes(cy), 4));
    }
    fitView(cy);
  },
};

/** Each visible node's box, shape and label. */
function drawnBoxes(cy: Core): Box[] {
  return cy.nodes(':visible').map((node) => {
    const box = node.boundingBox({ includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false });
    return { id: node.id(), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
  });
}

/** Moves nodes by the given offsets; whether any moved. */
function moveBy(cy: Core, moves: ReadonlyMap<string, Position>): boolean {
  cy.batch(() => {
    for (const [id, move] of moves) {
      const node = cy.getElementById(id);
      const { x, y } = node.position();
      node.position({ x: x + move.x, y: y + move.y });
    }
  });
  return moves.size > 0;
}

/** Zoom past which fitting a few elements stops: a two-node graph should not fill the screen. */
export const MAX_FIT_ZOOM = 1.5;

/** Fits the elements (all when omitted) in the window, never zooming in past MAX_FIT_ZOOM. */
export function fitView(cy: Core, elements?: Collection, padding = 30): void {
  const target = elements && elements.nonempty() ? elements : cy.elements();
  if (target.empty()) return;
  cy.fit(target, padding);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center(target);
  }
}

/** fCoSE draws roughly round; a wide window wastes its sides. Widen the drawing towards DRAWING_ASPECT (capped). */
function stretchToAspect(cy: Core): void {
  const box = cy.nodes().boundingBox({ includeLabels: false });
  if (box.w <= 0 || box.h <= 0) return;
  const factor = Math.min(1.45, Math.sqrt(DRAWING_ASPECT / (box.w / box.h)));
  if (factor <= 1.05) return;
  const cx = (box.x1 + box.x2) / 2;
  const cy0 = (box.y1 + box.y2) / 2;
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const { x, y } = node.position();
      node.position({ x: cx + (x - cx) * factor, y: cy0 + (y - cy0) / factor });
    });
  });
}

export interface Box {
  readonly id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Pushes overlapping boxes apart (each pair along the axis where they overlap least, half each way) until none overlap
 * by more than nothing with `padding` between them, or the rounds run out. Returns how far each moved box moved.
 */
export function separate(input: readonly Box[], padding = 0, rounds = 60): Map<string, Position> {
  const boxes = input.map((box) => ({ ...box }));
  const moved = new Map<string, Position>();
  const shift = (box: Box, dx: number, dy: number) => {
    box.x1 += dx;
    box.x2 += dx;
    box.y1 += dy;
    box.y2 += dy;
    const total = moved.get(box.id) ?? { x: 0, y: 0 };
    moved.set(box.id, { x: total.x + dx, y: total.y + dy });
  };
  for (let round = 0; round < rounds; round++) {
    let overlapping = false;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + padding;
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + padding;
        if (dx <= 0 || dy <= 0) continue;
        overlapping = true;
        if (dx < dy) {
          const direction = a.x1 + a.x2 < b.x1 + b.x2 ? -1 : 1;
          shift(a, (direction * dx) / 2, 0);
          shift(b, (-direction * dx) / 2, 0);
        } else {
          const direction = a.y1 + a.y2 < b.y1 + b.y2 ? -1 : 1;
          shift(a, 0, (direction * dy) / 2);
          shift(b, 0, (-direction * dy) / 2);
        }
      }
    }
    if (!overlapping) break;
  }
  return moved;
}

/** The extent (smallest box around) of boxes. */
export function extentOf(boxes: readonly Box[]): { x1: number; y1: number; x2: number; y2: number; w: number; h: number } {
  const x1 = Math.min(...boxes.map((box) => box.x1));
  const y1 = Math.min(...boxes.map((box) => box.y1));
  const x2 = Math.max(...boxes.map((box) => box.x2));
  const y2 = Math.max(...boxes.map((box) => box.y2));
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

/** How many pairs of boxes overlap. */
export function overlaps(boxes: readonly Box[]): number {
  let count = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) count += 1;
    }
  }
  return count;
}

/**
 * Draws boxes closer together until their extent fits `frame`: each round moves the centres towards the middle (by
 * no more than 1 - `minStep` of their spread) and pushes apart what then overlaps (`separate`, with `padding`). Stops
 * when the boxes fit, when they were squeezed to `minFactor` of their spread, or when a round no longer shrinks the
 * extent (separation undid it). Returns the moves of the round that came closest to the frame without adding an
 * overlap; none when the boxes fit already, or are too far from fitting (past 1 / `minFactor`) for a squeeze to help.
 */
export function compactInto(input: readonly Box[], frame: { w: number; h: number }, { padding = 0, minFactor = 0.7, minStep = 0.9 } = {}): Map<string, Position> {
  const excess = (extent: { w: number; h: number }) => Math.max(extent.w / frame.w, extent.h / frame.h);
  let boxes: Box[] = input.map((box) => ({ ...box }));
  let best = { excess: excess(extentOf(boxes)), boxes };
  if (boxes.length < 2 || best.excess <= 1 || best.excess > 1 / minFactor) return new Map();
  // What separation could not undo before may stay; nothing may be added.
  const allowed = overlaps(boxes);
  let done = { x: 1, y: 1 };
  // The factor for the centres' spread that makes the extent fit (what sticks out past the centres stays as it is).
  const squeeze = (size: number, spread: number, target: number, sofar: number) =>
    spread <= 0 || size <= target ? 1 : Math.max(minStep, minFactor / sofar, Math.min(1, (target - (size - spread)) / spread));
  for (let round = 0; round < 12; round++) {
    const extent = extentOf(boxes);
    if (excess(extent) <= 1.005) break;
    const centres = extentOf(boxes.map(({ id, x1, x2, y1, y2 }) => ({ id, x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 })));
    const fx = squeeze(extent.w, centres.w, frame.w, done.x);
    const fy = squeeze(extent.h, centres.h, frame.h, done.y);
    if (fx >= 1 && fy >= 1) break;
    done = { x: done.x * fx, y: done.y * fy };
    const mx = (centres.x1 + centres.x2) / 2;
    const my = (centres.y1 + centres.y2) / 2;
    const squeezed = boxes.map((box) => {
      const dx = ((box.x1 + box.x2) / 2 - mx) * (fx - 1);
      const dy = ((box.y1 + box.y2) / 2 - my) * (fy - 1);
      return { id: box.id, x1: box.x1 + dx, x2: box.x2 + dx, y1: box.y1 + dy, y2: box.y2 + dy };
    });
    const moves = separate(squeezed, padding);
    boxes = squeezed.map((box) => {
      const move = moves.get(box.id);
      return move ? { id: box.id, x1: box.x1 + move.x, x2: box.x2 + move.x, y1: box.y1 + move.y, y2: box.y2 + move.y } : box;
    });
    const now = excess(extentOf(boxes));
    if (now < best.excess && overlaps(boxes) <= allowed) best = { excess: now, boxes };
    if (now >= excess(extent) - 1e-6) break;
  }
  const moved = new Map<string, Position>();
  best.boxes.forEach((box, i) => {
    const dx = box.x1 - input[i].x1;
    const dy = box.y1 - input[i].y1;
    if (dx !== 0 || dy !== 0) moved.set(box.id, { x: dx, y: dy });
  });
  return moved;
}

/** Layouts that need no extension: for tests with headless Cytoscape. */
export const GRID_LAYOUTS: Layouts = {
  full: () => ({ name: 'grid', animate: false, fit: true }) as LayoutOptions,
};

/**
 * Where to put a node that appears next to nodes already placed: the first spot, on rings around the middle of its
 * placed neighbours, where its box (`size`, centred on the spot) overlaps none of the `occupied` boxes; the first
 * ring's first spot when the rings are full. Deterministic: the same inputs give the same spot.
 */
export function spotBesideNeighbours(anchors: readonly Position[], size: { w: number; h: number }, occupied: readonly Box[], { radius = 80, rings = 8 } = {}): Position | null {
  if (anchors.length === 0) return null;
  const x = anchors.reduce((sum, p) => sum + p.x, 0) / anchors.length;
  const y = anchors.reduce((sum, p) => sum + p.y, 0) / anchors.length;
  const spots: Position[] = [];
  for (let ring = 0; ring < rings; ring++) {
    const r = radius + ring * Math.max(30, size.h);
    const count = 8 + ring * 4;
    for (let i = 0; i < count; i++) {
      const angle = (2 * Math.PI * i) / count + 0.4 + ring * 0.3;
      spots.push({ x: x + r * Math.cos(angle), y: y + r * Math.sin(angle) });
    }
  }
  const free = spots.find((spot) => {
    const box = { x1: spot.x - size.w / 2, x2: spot.x + size.w / 2, y1: spot.y - size.h / 2, y2: spot.y + size.h / 2 };
    return !occupied.some((other) => box.x1 < other.x2 && other.x1 < box.x2 && box.y1 < other.y2 && other.y1 < box.y2);
  });
  return free ?? spots[0];
}

export function positionOf(node: NodeSingular): Position {
  const { x, y } = node.position();
  return { x, y };
}
