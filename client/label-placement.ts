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
  /** A side already decided (the layout's): kept, and its label counts as placed for the nodes decided after it. */
  readonly fixed?: LabelSide;
}

export interface EdgeLine extends Segment {
  readonly emphasised?: boolean;
}

/** How much worse it is for an emphasised label to be crossed by an emphasised edge (or its label) than by another edge. */
const EMPHASIS_WEIGHT = 10;

/**
 * Cost of a label covering another node or a label already placed: more than any edge crossings, since the label (or
 * the other) is then hidden (label-visibility.ts) instead of merely drawn over an edge.
 */
const OVERLAP_COST = 25;

/** Small preferences between sides when they are otherwise equal: below, then above, then right, then left. */
const SIDE_PREFERENCE: Readonly<Record<LabelSide, number>> = { bottom: 0, top: 0.1, right: 0.2, left: 0.3 };

/**
 * For each node, the side whose label box the fewest edges cross and the fewest other nodes (and labels already
 * placed) overlap; for emphasised nodes, emphasised edges and the boxes of their labels (`emphasisedLabels`) count
 * most. Edges are segments between node centres; nodes are decided in the given order (put important nodes first:
 * their labels get the free sides; and nodes with a `fixed` side before those without).
 */
export function chooseLabelSides(nodes: readonly LabelCandidate[], edges: readonly EdgeLine[], emphasisedLabels: readonly Rect[] = []): Map<string, LabelSide> {
  const bodies: Rect[] = nodes.map(({ centre, node }) => ({ x1: centre.x - node.w / 2, x2: centre.x + node.w / 2, y1: centre.y - node.h / 2, y2: centre.y + node.h / 2 }));
  const placed: Rect[] = [];
  const sides = new Map<string, LabelSide>();
  nodes.forEach((candidate, index) => {
    if (candidate.fixed) {
      sides.set(candidate.id, candidate.fixed);
      placed.push(labelBox(candidate.fixed, candidate.centre, candidate.node, candidate.label));
      return;
    }
    let best: LabelSide = 'bottom';
    let bestCost = Infinity;
    let bestBox: Rect | null = null;
    for (const side of LABEL_SIDES) {
      const box = labelBox(side, candidate.centre, candidate.node, candidate.label);
      let cost = SIDE_PREFERENCE[side];
      for (const edge of edges) if (crosses(edge, box)) cost += candidate.emphasised && edge.emphasised ? EMPHASIS_WEIGHT : 1;
      if (candidate.emphasised) for (const label of emphasisedLabels) if (overlaps(label, box)) cost += EMPHASIS_WEIGHT;
      for (let other = 0; other < bodies.length; other++) if (other !== index && overlaps(bodies[other], box)) cost += OVERLAP_COST;
      for (const label of placed) if (overlaps(label, box)) cost += OVERLAP_COST;
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

/** Scratch keys: the visible nodes the label sides were last chosen for; the sides the layout chose, by node id. */
const PLACED_FOR = 'proxygraphLabelsPlacedFor';
const HOME_SIDES = 'proxygraphHomeLabelSides';

function sideOf(node: NodeSingular): LabelSide {
  return LABEL_SIDES.find((side) => side !== 'bottom' && node.hasClass(`label-${side}`)) ?? 'bottom';
}

/**
 * Remembers the label sides of the drawing as laid out (the layout pushed nodes apart for exactly these sides, so no
 * label overlaps): whenever nothing is emphasised, a node shown again (back in view at another date, or unfiltered)
 * takes its side back, so any part of the network reads like the whole did, whichever way it was reached.
 */
export function rememberLabelSides(cy: Core): void {
  cy.scratch(HOME_SIDES, new Map(cy.nodes(':visible').map((node) => [node.id(), sideOf(node)] as const)));
}

function visibleIds(cy: Core): string {
  return cy
    .nodes(':visible')
    .map((node) => node.id())
    .join('\n');
}

/**
 * Chooses the label sides again when the visible nodes changed since they were last chosen (entities came or went with
 * a date, a filter or an expansion): a node that comes back would otherwise keep no side or one chosen among other
 * neighbours, and the same view would look different depending on the way it was reached. Returns whether it did.
 */
export function placeLabelsIfChanged(cy: Core): boolean {
  if (cy.scratch(PLACED_FOR) === visibleIds(cy)) return false;
  placeLabels(cy);
  return true;
}

/**
 * Chooses and applies a label side for every visible node of the drawing. With something emphasised (a path, a
 * selection), every side is chosen again, emphasised nodes first, then those with most edges; otherwise the nodes
 * keep the sides the layout gave them (rememberLabelSides) and only the others are chosen, around them.
 */
export function placeLabels(cy: Core): void {
  cy.scratch(PLACED_FOR, visibleIds(cy));
  const home: ReadonlyMap<string, LabelSide> = cy.elements(EMPHASISED).empty() ? (cy.scratch(HOME_SIDES) ?? new Map()) : new Map();
  const nodes = cy
    .nodes(':visible')
    .toArray()
    .map((node) => node as NodeSingular)
    .sort((a, b) => Number(home.has(b.id())) - Number(home.has(a.id())) || Number(b.is(EMPHASISED)) - Number(a.is(EMPHASISED)) || b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1));
  const candidates: LabelCandidate[] = nodes.map((node) => ({
    id: node.id(),
    centre: { ...node.position() },
    node: { w: node.width(), h: node.height() },
    label: labelSize(node),
    emphasised: node.is(EMPHASISED),
    fixed: home.get(node.id()),
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
