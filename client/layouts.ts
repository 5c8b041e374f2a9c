import type { Collection, Core, LayoutOptions, NodeSingular, Position } from 'cytoscape';

/** Layouts as data. fCoSE for whole networks and ego networks; tuned so the seed graph's labels do not overlap. */

export interface Layouts {
  /** Lays out everything from scratch. */
  full(nodeCount: number): LayoutOptions;
  /** Runs after a full layout (e.g. to push apart nodes whose labels still touch). */
  after?(cy: Core): void;
}

/** Nodes past which overlap removal (quadratic) is skipped. */
const MAX_SEPARATED_NODES = 800;

export const FCOSE_LAYOUTS: Layouts = {
  full: (nodeCount) =>
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
      nodeRepulsion: () => 30000,
      idealEdgeLength: () => (nodeCount > 40 ? 120 : 90),
      edgeElasticity: () => 0.35,
      nestingFactor: 0.1,
      gravity: 0.35,
      gravityRange: 3.8,
      nodeSeparation: 90,
      numIter: 5000,
      tile: true,
      tilingPaddingVertical: 20,
      tilingPaddingHorizontal: 20,
    }) as LayoutOptions,
  after: (cy) => {
    const nodes = cy.nodes();
    if (nodes.length > MAX_SEPARATED_NODES) return;
    stretchToViewport(cy);
    const boxes = nodes.map((node) => {
      const box = node.boundingBox({ includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false });
      return { id: node.id(), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
    });
    const moves = separate(boxes, 4);
    cy.batch(() => {
      for (const [id, move] of moves) {
        const node = cy.getElementById(id);
        const { x, y } = node.position();
        node.position({ x: x + move.x, y: y + move.y });
      }
    });
    fitView(cy);
  },
};

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

/** fCoSE draws roughly round; a wide window wastes its sides. Widen the drawing towards the window's shape (capped). */
function stretchToViewport(cy: Core): void {
  const width = cy.width();
  const height = cy.height();
  const box = cy.nodes().boundingBox({ includeLabels: false });
  if (!width || !height || box.w <= 0 || box.h <= 0) return;
  const factor = Math.min(1.45, Math.sqrt(width / height / (box.w / box.h)));
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

/** Layouts that need no extension: for tests with headless Cytoscape. */
export const GRID_LAYOUTS: Layouts = {
  full: () => ({ name: 'grid', animate: false, fit: true }) as LayoutOptions,
};

/**
 * Where to put a node that appears next to nodes already placed: near the middle of its placed neighbours (or around
 * an anchor), on a small ring so several newcomers do not land on one spot. Deterministic.
 */
export function placeNear(anchors: readonly Position[], index: number, count: number, radius = 70): Position | null {
  if (anchors.length === 0) return null;
  const x = anchors.reduce((sum, p) => sum + p.x, 0) / anchors.length;
  const y = anchors.reduce((sum, p) => sum + p.y, 0) / anchors.length;
  const angle = (2 * Math.PI * index) / Math.max(1, count) + 0.4;
  const ring = radius + 12 * Math.floor(index / 12);
  return { x: x + ring * Math.cos(angle), y: y + ring * Math.sin(angle) };
}

export function positionOf(node: NodeSingular): Position {
  const { x, y } = node.position();
  return { x, y };
}
