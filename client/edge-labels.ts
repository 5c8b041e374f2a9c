import type { Core, EdgeSingular } from 'cytoscape';
import { corners, lineCrossesPolygon, orientedRect, polygonsOverlap, type Point, type Polygon, type Rect } from './geometry';
import { restyle } from './restyle';

/**
 * Where along its edge an emphasised relationship's label goes: the middle, or nearer its source or its target, so
 * that labels of converging relationships (the last hops of several paths, the edges of a hub) do not lie on each other
 * or under each other's lines. Pure geometry first; then applied as Cytoscape source/target labels.
 */

export type EdgeLabelAnchor = 'mid' | 'source' | 'target';

export interface EdgeLabelCandidate {
  readonly id: string;
  /** The drawn line, source end first. */
  readonly line: readonly Point[];
  /** The label's width and height before rotation. */
  readonly size: { readonly w: number; readonly h: number };
}

export interface EdgeLabelPlace {
  readonly anchor: EdgeLabelAnchor;
  /** Distance of the label's centre from the anchored end, along the line (0 for the middle). */
  readonly offset: number;
  /** How far the label is moved off its line, beside it (model pixels; Cytoscape's text margins). */
  readonly shift: Point;
  /** The rotated label there. */
  readonly shape: Polygon;
}

function lengthOf(line: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += Math.hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
  return total;
}

/** The point at a distance along a polyline, with the direction of the line there. */
export function pointAlong(line: readonly Point[], distance: number): { point: Point; angle: number } {
  let left = distance;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    const step = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= step || i === line.length - 1) {
      const t = step === 0 ? 0 : Math.min(1, left / step);
      return { point: { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, angle: Math.atan2(b.y - a.y, b.x - a.x) };
    }
    left -= step;
  }
  return { point: line[0], angle: 0 };
}

/** Fractions of the line, from its source, where a label may sit: the middle first, then nearer either end. */
const FRACTIONS = [0.5, 0.35, 0.65, 0.22, 0.78];

/**
 * The places a label can take: on its line at the middle and (where the line is long enough) nearer either end, each
 * also just beside the line on either side.
 */
export function labelPlaces(candidate: EdgeLabelCandidate): EdgeLabelPlace[] {
  const length = lengthOf(candidate.line);
  const places: EdgeLabelPlace[] = [];
  for (const fraction of FRACTIONS) {
    const { point, angle } = pointAlong(candidate.line, length * fraction);
    const fromEnd = length * Math.min(fraction, 1 - fraction);
    // Off the middle only where the whole label stays clear of the end it is near.
    if (fraction !== 0.5 && fromEnd < candidate.size.w / 2 + 12) continue;
    const anchor: EdgeLabelAnchor = fraction === 0.5 ? 'mid' : fraction < 0.5 ? 'source' : 'target';
    const beside = candidate.size.h / 2 + 3;
    for (const side of [0, 1, -1]) {
      const shift = { x: -Math.sin(angle) * beside * side, y: Math.cos(angle) * beside * side };
      const centre = { x: point.x + shift.x, y: point.y + shift.y };
      places.push({ anchor, offset: fraction === 0.5 ? 0 : fromEnd, shift, shape: orientedRect(centre, candidate.size, angle) });
    }
  }
  return places;
}

/** Slight preferences: on the line rather than beside it, the middle, then places nearer the middle. */
function preference(place: EdgeLabelPlace, length: number): number {
  const beside = place.shift.x !== 0 || place.shift.y !== 0 ? 0.05 : 0;
  return beside + (place.anchor === 'mid' ? 0 : 0.1 + 0.2 * (1 - (2 * place.offset) / length));
}

/**
 * For each label (in the given order: the most important first), the place that the fewest other emphasised lines,
 * labels already placed, and `obstacles` (emphasised nodes and their labels) lie on.
 */
export function chooseEdgeLabelPlaces(edges: readonly EdgeLabelCandidate[], obstacles: readonly Rect[]): Map<string, EdgeLabelPlace> {
  const blocked = obstacles.map(corners);
  const placed: Polygon[] = [];
  const chosen = new Map<string, EdgeLabelPlace>();
  for (const edge of edges) {
    let best: EdgeLabelPlace | null = null;
    let bestCost = Infinity;
    const length = lengthOf(edge.line);
    for (const place of labelPlaces(edge)) {
      let cost = preference(place, length);
      for (const other of edges) if (other !== edge && lineCrossesPolygon(other.line, place.shape)) cost += 1;
      for (const shape of placed) if (polygonsOverlap(shape, place.shape)) cost += 1;
      for (const shape of blocked) if (polygonsOverlap(shape, place.shape)) cost += 1;
      if (cost < bestCost) {
        bestCost = cost;
        best = place;
      }
    }
    if (best) {
      chosen.set(edge.id, best);
      placed.push(best.shape);
    }
  }
  return chosen;
}

const PLACED_STYLES = [
  'source-label target-label source-text-offset target-text-offset source-text-rotation target-text-rotation',
  'text-margin-x text-margin-y source-text-margin-x source-text-margin-y target-text-margin-x target-text-margin-y',
].join(' ');
/** Marks (in an edge's scratch data) the edges whose label was placed, so only they are reset next time. */
const PLACED = 'proxygraphLabelPlaced';
/** The class (see style.ts) that takes the label from the middle of an edge whose label was moved to an end. */
export const MOVED_LABEL = 'label-moved';

/** The part of a canvas 2D context that measures text (typed here so this module also compiles for the unit tests, without the DOM). */
interface TextMeasurer {
  font: string;
  measureText(text: string): { width: number };
}

let measure: TextMeasurer | null = null;

/** The width and height of an edge's label as drawn, before rotation; null without a browser. */
export function labelSize(edge: EdgeSingular, text: string): { w: number; h: number } | null {
  const page = globalThis as { document?: { createElement(tag: 'canvas'): { getContext(kind: '2d'): TextMeasurer | null } } };
  measure ??= page.document?.createElement('canvas').getContext('2d') ?? null;
  if (!measure) return null;
  const font = Number(edge.style('font-size').replace('px', ''));
  measure.font = `${edge.style('font-style')} ${edge.style('font-weight')} ${font}px ${edge.style('font-family')}`;
  return { w: measure.measureText(text).width + 4, h: font * 1.25 + 2 };
}

/**
 * The label of an edge as drawn (a rectangle turned along the line), or null when it has none or without a browser.
 * Its centre is the centre of Cytoscape's box around it; its turn, the line's where it is nearest.
 */
export function edgeLabelShape(edge: EdgeSingular, line: readonly Point[]): Polygon | null {
  const text = [edge.style('label'), edge.style('source-label'), edge.style('target-label')].find((value) => typeof value === 'string' && value !== '');
  const box = edge.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
  const size = text ? labelSize(edge, text) : null;
  if (!size || !(box.w > 0 && box.h > 0)) return null;
  const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  let angle = 0;
  let nearest = Infinity;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    const distance = Math.hypot((a.x + b.x) / 2 - centre.x, (a.y + b.y) / 2 - centre.y);
    if (distance < nearest) {
      nearest = distance;
      angle = Math.atan2(b.y - a.y, b.x - a.x);
    }
  }
  return orientedRect(centre, size, angle);
}

/**
 * Places the labels of the emphasised edges (path edges first) along their lines, as source or target labels where
 * the middle is taken; the others get their ordinary label back. Needs a renderer (the drawn lines): does nothing
 * headless.
 */
export function placeEmphasisedEdgeLabels(cy: Core, lineOf: (edge: EdgeSingular) => Point[] | null, obstacles: readonly Rect[]): void {
  const emphasised = cy.edges('.on-path, .near').filter((edge) => edge.visible());
  const candidates: EdgeLabelCandidate[] = [];
  const texts = new Map<string, string>();
  const placedBefore = cy.edges().filter((edge) => edge.scratch(PLACED) === true);
  cy.batch(() => placedBefore.removeStyle(PLACED_STYLES).removeClass(MOVED_LABEL).scratch(PLACED, false));
  restyle(placedBefore);
  const ordered = emphasised.filter((edge) => edge.hasClass('on-path')).union(emphasised.filter((edge) => !edge.hasClass('on-path')));
  ordered.forEach((edge) => {
    const text = String(edge.style('label') ?? '');
    const line = text ? lineOf(edge) : null;
    const size = line ? labelSize(edge, text) : null;
    if (!line || !size) return;
    texts.set(edge.id(), text);
    candidates.push({ id: edge.id(), line, size });
  });
  if (candidates.length === 0) return;
  const places = chooseEdgeLabelPlaces(candidates, obstacles);
  cy.batch(() => {
    for (const [id, place] of places) {
      const edge = cy.getElementById(id);
      edge.scratch(PLACED, true);
      const prefix = place.anchor === 'mid' ? '' : `${place.anchor}-`;
      if (place.shift.x !== 0 || place.shift.y !== 0) edge.style({ [`${prefix}text-margin-x`]: place.shift.x, [`${prefix}text-margin-y`]: place.shift.y });
      if (place.anchor === 'mid') continue;
      edge.addClass(MOVED_LABEL);
      edge.style({ [`${prefix}label`]: texts.get(id), [`${prefix}text-offset`]: place.offset, [`${prefix}text-rotation`]: 'autorotate' });
    }
  });
  restyle(emphasised);
}
