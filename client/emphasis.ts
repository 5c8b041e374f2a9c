import type { Collection, Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { corners, lineCrossesPolygon, polygonsOverlap, type Point, type Polygon, type Rect } from './geometry';
import { placeLabels } from './label-placement';
import { edgeLabelShape, placeEmphasisedEdgeLabels as placeEdgeLabels } from './edge-labels';
import { restyle } from './restyle';
import type { EdgeData, NodeData } from './mapping';
import { Z } from './style';
import type { ApiPath } from './types';
import type { ViewState } from './url-state';

/**
 * What the drawing stresses and what it hides, as classes on the elements: `filtered` (kind, type, hidden entity,
 * undated), `on-path`/`faded` (found paths), `near`/`dimmed` (the selection, its relationships and neighbours), and
 * `undated-at-date` (an undated relationship while a date is set). The stylesheet turns them into looks.
 */

export function applyFilters(cy: Core, view: Pick<ViewState, 'hiddenKinds' | 'hiddenTypes' | 'hiddenNodes' | 'hideUndated' | 'asOf'>): void {
  const kinds = new Set<string>(view.hiddenKinds);
  const types = new Set<string>(view.hiddenTypes);
  const nodes = new Set(view.hiddenNodes);
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const data = node.data() as NodeData;
      node.toggleClass('filtered', !node.hasClass('on-path') && (kinds.has(data.kind) || nodes.has(data.id)));
    });
    cy.edges().forEach((edge) => {
      const data = edge.data() as EdgeData;
      edge.toggleClass('filtered', !edge.hasClass('on-path') && (types.has(data.type) || (view.hideUndated && data.undated)));
      edge.toggleClass('undated-at-date', view.asOf !== null && data.undated);
    });
  });
}

/** Marks the elements of the paths (and fades the rest); none when there are no paths. Labels move off the paths. */
export function highlightPaths(cy: Core, paths: readonly ApiPath[]): void {
  const onPath = new Set<string>();
  for (const path of paths) {
    for (const node of path.nodes) onPath.add(node.id);
    for (const hop of path.hops) onPath.add(hop.relationship.id);
  }
  cy.batch(() => {
    cy.elements().removeClass('on-path faded');
    if (onPath.size === 0) return;
    cy.elements().forEach((element) => {
      element.addClass(onPath.has(element.id()) ? 'on-path' : 'faded');
    });
  });
  restyle(cy.elements());
  placeLabels(cy);
}

/**
 * Marks a selected entity with its relationships and neighbours (or a selected relationship with its two ends) as
 * `near` and dims everything else; clears both when nothing is selected. Labels move off the emphasised edges.
 */
export function highlightSelection(cy: Core, id: string | null): void {
  const element = id ? cy.getElementById(id) : null;
  cy.batch(() => {
    cy.elements().removeClass('near dimmed');
    if (!element || element.empty()) return;
    const near: Collection = element.isNode() ? (element as unknown as NodeSingular).closedNeighborhood() : (element as unknown as EdgeSingular).connectedNodes().union(element);
    near.addClass('near');
    // What is on a found path stays as bright as the selection.
    cy.elements().difference(near).filter((other) => !other.hasClass('on-path')).addClass('dimmed');
  });
  restyle(cy.elements());
  placeLabels(cy);
}

/** Marks (in an element's scratch data) the elements given a drawing order, so only they are reset next time. */
const ORDERED = 'proxygraphOrdered';

/** An emphasised element as drawn: its label, and what else it paints (an edge's line, a node's body). */
export interface Drawn {
  readonly id: string;
  readonly kind: 'node' | 'edge';
  /** The label (a box, or a box turned along its edge); null when the label is not drawn. */
  readonly label: Polygon | null;
  /** An edge's line, as a polyline. */
  readonly line?: readonly Point[];
  /** A node's body. */
  readonly body?: Rect;
}

/** Whether what `b` paints (its line or body, and its label) covers any of a label. */
export function covers(b: Drawn, label: Polygon): boolean {
  if (b.label && polygonsOverlap(b.label, label)) return true;
  if (b.line && lineCrossesPolygon(b.line, label)) return true;
  return b.body !== undefined && polygonsOverlap(corners(b.body), label);
}

/**
 * An order to draw emphasised elements in (first drawn first) so that nothing is drawn over a label: when B paints
 * over A's label, A comes after B. Where no order can satisfy every pair (a cycle), nodes go first, so that the labels
 * of relationships (on a path, around a selection) are the ones left whole; then the given order decides.
 */
export function labelSafeOrder(items: readonly Drawn[]): string[] {
  const waitsFor = new Map<string, Set<string>>(items.map((item) => [item.id, new Set<string>()]));
  for (const a of items) {
    if (!a.label) continue;
    for (const b of items) if (a !== b && covers(b, a.label)) waitsFor.get(a.id)!.add(b.id);
  }
  const order: string[] = [];
  const done = new Set<string>();
  const waiting = (item: Drawn) => [...waitsFor.get(item.id)!].filter((other) => !done.has(other)).length;
  while (order.length < items.length) {
    const left = items.filter((item) => !done.has(item.id));
    const next =
      left.find((item) => waiting(item) === 0) ??
      left.reduce((best, item) => {
        const rank = (candidate: Drawn) => (candidate.kind === 'node' ? 0 : 1);
        return rank(item) < rank(best) || (rank(item) === rank(best) && waiting(item) < waiting(best)) ? item : best;
      });
    order.push(next.id);
    done.add(next.id);
  }
  return order;
}

/** The drawn line of an edge (a bezier sampled into a polyline), or null without a renderer (headless). */
export function edgeLine(edge: EdgeSingular): Point[] | null {
  try {
    const from = edge.sourceEndpoint();
    const to = edge.targetEndpoint();
    if (!from || !to || !Number.isFinite(from.x) || !Number.isFinite(to.x)) return null;
    const controls = edge.controlPoints();
    if (!controls || controls.length === 0) return [from, to];
    // One control point per bundled bezier: a quadratic curve.
    const control = controls[0];
    const points: Point[] = [];
    for (let i = 0; i <= 8; i++) {
      const t = i / 8;
      const u = 1 - t;
      points.push({ x: u * u * from.x + 2 * u * t * control.x + t * t * to.x, y: u * u * from.y + 2 * u * t * control.y + t * t * to.y });
    }
    return points;
  } catch {
    return null;
  }
}

function labelBox(element: EdgeSingular | NodeSingular): Rect | null {
  const box = element.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false } as never);
  return box.w > 0 && box.h > 0 ? box : null;
}

/** Places the labels of the emphasised edges (on a path, around the selection) along their lines, clear of each other. */
export function placeEmphasisedEdgeLabels(cy: Core): void {
  const nodeBoxes = cy
    .nodes('.on-path, .near')
    .filter((node) => node.visible())
    .map((node) => node.boundingBox({ includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false }));
  placeEdgeLabels(cy, edgeLine, nodeBoxes);
}

/**
 * Draws the emphasised elements (on a path, around the selection) above everything else, in a label-safe order; the
 * selected entity last of all, so its name is never covered.
 */
export function orderEmphasised(cy: Core): void {
  const items: Drawn[] = [];
  cy.nodes('.on-path, .near').forEach((node) => {
    if (!node.visible()) return;
    const body = node.boundingBox({ includeNodes: true, includeLabels: false, includeEdges: false, includeOverlays: false });
    const label = node.hasClass('label-hidden') ? null : labelBox(node);
    items.push({ id: node.id(), kind: 'node', label: label ? corners(label) : null, body });
  });
  cy.edges('.on-path, .near').forEach((edge) => {
    const line = edge.visible() ? edgeLine(edge) : null;
    if (line) items.push({ id: edge.id(), kind: 'edge', label: edge.hasClass('label-hidden') ? null : edgeLabelShape(edge, line), line });
  });
  cy.batch(() => {
    cy.elements()
      .filter((element) => element.scratch(ORDERED) === true)
      .removeStyle('z-index')
      .scratch(ORDERED, false);
    const ordered = labelSafeOrder(items).map((id) => cy.getElementById(id));
    ordered.forEach((element, rank) => element.style('z-index', Z.emphasised + rank).scratch(ORDERED, true));
    cy.nodes(':selected').forEach((node) => void node.style('z-index', Z.emphasised + items.length).scratch(ORDERED, true));
  });
}
