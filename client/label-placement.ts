import type { Core, NodeSingular } from 'cytoscape';
import { crosses, overlaps, type Point, type Rect, type Segment } from './geometry';
import { restyle } from './restyle';

/**
 * Where each node's label goes, so that edges do not run through labels: below the node by default, else above, right
 * or left, whichever side the fewest edges cross. Pure geometry first (testable without a browser), then applied to
 * Cytoscape as classes (`label-top`, `label-right`, `label-left`) that the stylesheet turns into label positions.
 */

export type LabelSide = 'bottom' | 'top' | 'right' | 'left';
export const LABEL_SIDES: readonly LabelSide[] = ['bottom', 'top', 'right', 'left'];
export const LABEL_SIDE_CLASSES = LABEL_SIDES.filter((side) => side !== 'bottom').map((side) => `label-${side}`);

/** Gap between a node and its label, in model pixels (the stylesheet's text margins). */
export const LABEL_GAP = 3;

/** The box a label of `size` takes on one side of a node centred at `centre` with the given width and height. */
export function labelBox(side: LabelSide, centre: Point, node: { w: number; h: number }, size: { w: number; h: number }): Rect {
  switch (side) {
    case 'bottom': {
      const y1 = centre.y + node.h / 2 + LABEL_GAP;
      return { x1: centre.x - size.w / 2, x2: centre.x + size.w / 2, y1, y2: y1 + size.h };
    }
    case 'top': {
      const y2 = centre.y - node.h / 2 - LABEL_GAP;
      return { x1: centre.x - size.w / 2, x2: centre.x + size.w / 2, y1: y2 - size.h, y2 };
    }
    case 'right': {
      const x1 = centre.x + node.w / 2 + LABEL_GAP;
      return { x1, x2: x1 + size.w, y1: centre.y - size.h / 2, y2: centre.y + size.h / 2 };
    }
    case 'left': {
      const x2 = centre.x - node.w / 2 - LABEL_GAP;
      return { x1: x2 - size.w, x2, y1: centre.y - size.h / 2, y2: centre.y + size.h / 2 };
    }
  }
}

export interface LabelCandidate {
  readonly id: string;
  readonly centre: Point;
  readonly node: { readonly w: number; readonly h: number };
  readonly label: { readonly w: number; readonly h: number };
  /** On a found path or around the selection: its label keeps clear of emphasised edges above all. */
  readonly emphasised?: boolean;
}

export interface EdgeLine extends Segment {
  readonly emphasised?: boolean;
}

/** How much worse it is for an emphasised label to be crossed by an emphasised edge (or its label) than by another edge. */
const EMPHASIS_WEIGHT = 10;

/** Small preferences between sides when they are otherwise equal: below, then above, then right, then left. */
const SIDE_PREFERENCE: Readonly<Record<LabelSide, number>> = { bottom: 0, top: 0.1, right: 0.2, left: 0.3 };

/**
 * For each node, the side whose label box the fewest edges cross and the fewest other nodes (and labels already
 * placed) overlap; for emphasised nodes, emphasised edges and the boxes of their labels (`emphasisedLabels`) count
 * most. Edges are segments between node centres; nodes are decided in the given order (put important nodes first:
 * their labels get the free sides).
 */
export function chooseLabelSides(nodes: readonly LabelCandidate[], edges: readonly EdgeLine[], emphasisedLabels: readonly Rect[] = []): Map<string, LabelSide> {
  const bodies: Rect[] = nodes.map(({ centre, node }) => ({ x1: centre.x - node.w / 2, x2: centre.x + node.w / 2, y1: centre.y - node.h / 2, y2: centre.y + node.h / 2 }));
  const placed: Rect[] = [];
  const sides = new Map<string, LabelSide>();
  nodes.forEach((candidate, index) => {
    let best: LabelSide = 'bottom';
    let bestCost = Infinity;
    let bestBox: Rect | null = null;
    for (const side of LABEL_SIDES) {
      const box = labelBox(side, candidate.centre, candidate.node, candidate.label);
      let cost = SIDE_PREFERENCE[side];
      for (const edge of edges) if (crosses(edge, box)) cost += candidate.emphasised && edge.emphasised ? EMPHASIS_WEIGHT : 1;
      if (candidate.emphasised) for (const label of emphasisedLabels) if (overlaps(label, box)) cost += EMPHASIS_WEIGHT;
      for (let other = 0; other < bodies.length; other++) if (other !== index && overlaps(bodies[other], box)) cost += 3;
      for (const label of placed) if (overlaps(label, box)) cost += 3;
      if (cost < bestCost) {
        bestCost = cost;
        best = side;
        bestBox = box;
      }
    }
    sides.set(candidate.id, best);
    if (bestBox) placed.push(bestBox);
  });
  return sides;
}

/** The size of a node's label (text and its background), whatever side it is on. */
function labelSize(node: NodeSingular): { w: number; h: number } {
  const box = node.boundingBox({ includeNodes: false, includeLabels: true, includeEdges: false, includeOverlays: false });
  return { w: box.w, h: box.h };
}

const EMPHASISED = '.on-path, .near';

/**
 * Chooses and applies a label side for every visible node of the drawing: emphasised nodes first (on a path, around
 * the selection), then those with most edges.
 */
export function placeLabels(cy: Core): void {
  const nodes = cy
    .nodes(':visible')
    .toArray()
    .map((node) => node as NodeSingular)
    .sort((a, b) => Number(b.is(EMPHASISED)) - Number(a.is(EMPHASISED)) || b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1));
  const candidates: LabelCandidate[] = nodes.map((node) => ({
    id: node.id(),
    centre: { ...node.position() },
    node: { w: node.width(), h: node.height() },
    label: labelSize(node),
    emphasised: node.is(EMPHASISED),
  }));
  const visibleEdges = cy.edges(':visible');
  const lines: EdgeLine[] = visibleEdges.map((edge) => ({ from: { ...edge.source().position() }, to: { ...edge.target().position() }, emphasised: edge.is(EMPHASISED) }));
  const emphasisedLabels = visibleEdges
    .filter((edge) => edge.is(EMPHASISED))
    .map((edge) => edge.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }))
    .filter((box) => box.w > 0 && box.h > 0);
  const sides = chooseLabelSides(candidates, lines, emphasisedLabels);
  cy.batch(() => {
    nodes.forEach((node) => {
      const side = sides.get(node.id()) ?? 'bottom';
      for (const name of LABEL_SIDE_CLASSES) node.toggleClass(name, name === `label-${side}`);
    });
  });
  restyle(cy.nodes());
}
