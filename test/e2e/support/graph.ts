import type { Page } from 'playwright-core';
import { inPage, settled, until } from './browser';

/** What the graph tests read from the drawn network, measured in the page independently of the client's own geometry. */

export type Positions = Record<string, { x: number; y: number }>;

export function positions(page: Page): Promise<Positions> {
  return inPage<Positions>(page, 'Object.fromEntries(proxygraph.cy.nodes().map((node) => [node.id(), { ...node.position() }]))');
}

/** Waits until the client is idle and has finished checking its labels (they settle shortly after the view moves). */
export async function graphSettled(page: Page): Promise<void> {
  await settled(page);
  await until(page, '!(proxygraph.labels && proxygraph.labels.pending)');
}

/** The screen position (page coordinates) of a node, to click or drag it with the mouse. */
export function screenPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return inPage(
    page,
    `(() => {
      const point = proxygraph.cy.getElementById(${JSON.stringify(id)}).renderedPosition();
      const box = proxygraph.cy.container().getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    })()`,
  );
}

/**
 * Node labels drawn on screen (not filtered, not hidden to avoid overlap) with the size they are drawn at in screen
 * pixels: font size times zoom.
 */
export function shownLabelSizes(page: Page): Promise<{ id: string; px: number }[]> {
  return inPage(
    page,
    `proxygraph.cy.nodes(':visible').filter((node) => !node.hasClass('label-hidden') && node.pstyle('text-opacity').value > 0)
      .map((node) => ({ id: node.id(), px: node.pstyle('font-size').pfValue * proxygraph.cy.zoom() }))`,
  );
}

/**
 * Geometry shared by the checks below, as page code: label boxes, edge lines (beziers sampled), segment/box crossing,
 * and the order Cytoscape draws elements in (all elements are compared by z-index; ties by insertion order).
 */
const GEOMETRY = `
  const cy = proxygraph.cy;
  const labelBox = (ele) => {
    const box = ele.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false });
    return box.w > 0 && box.h > 0 ? box : null;
  };
  const bodyBox = (node) => node.boundingBox({ includeNodes: true, includeLabels: false, includeEdges: false, includeOverlays: false });
  const line = (edge) => {
    const from = edge.sourceEndpoint(), to = edge.targetEndpoint(), controls = edge.controlPoints();
    if (!controls || controls.length === 0) return [from, to];
    const c = controls[0], points = [];
    for (let i = 0; i <= 16; i++) { const t = i / 16, u = 1 - t; points.push({ x: u*u*from.x + 2*u*t*c.x + t*t*to.x, y: u*u*from.y + 2*u*t*c.y + t*t*to.y }); }
    return points;
  };
  const segmentCrosses = (p, q, b) => {
    let t0 = 0, t1 = 1; const dx = q.x - p.x, dy = q.y - p.y;
    for (const [pp, qq] of [[-dx, p.x - b.x1], [dx, b.x2 - p.x], [-dy, p.y - b.y1], [dy, b.y2 - p.y]]) {
      if (pp === 0) { if (qq < 0) return false; continue; }
      const r = qq / pp;
      if (pp < 0) { if (r > t1) return false; if (r > t0) t0 = r; } else { if (r < t0) return false; if (r < t1) t1 = r; }
    }
    return t1 - t0 > 1e-6;
  };
  const lineCrosses = (points, box) => points.some((p, i) => i > 0 && segmentCrosses(points[i - 1], p, box));
  // Shapes as convex polygons, compared by separating axes: an edge label is a box turned along its line.
  const cornersOf = (b) => [{ x: b.x1, y: b.y1 }, { x: b.x2, y: b.y1 }, { x: b.x2, y: b.y2 }, { x: b.x1, y: b.y2 }];
  const separated = (a, b) => [a, b].some((poly) => poly.some((p, i) => {
    const q = poly[(i + 1) % poly.length], ax = q.y - p.y, ay = p.x - q.x;
    if (ax === 0 && ay === 0) return false;
    const range = (shape) => shape.reduce(([lo, hi], v) => { const d = v.x * ax + v.y * ay; return [Math.min(lo, d), Math.max(hi, d)]; }, [Infinity, -Infinity]);
    const [a0, a1] = range(a), [b0, b1] = range(b);
    return a1 <= b0 + 1e-9 || b1 <= a0 + 1e-9;
  }));
  const shapesOverlap = (a, b) => !separated(a, b);
  const lineThrough = (points, shape) => points.some((p, i) => i > 0 && shapesOverlap([points[i - 1], p], shape));
  const measure = document.createElement('canvas').getContext('2d');
  const labelText = (ele) => [ele.pstyle('label').strValue, ele.isEdge() ? ele.pstyle('source-label').strValue : '', ele.isEdge() ? ele.pstyle('target-label').strValue : ''].find((text) => text) || '';
  const labelShape = (ele) => {
    const box = labelBox(ele);
    if (!box) return null;
    if (ele.isNode()) return cornersOf(box);
    const font = ele.pstyle('font-size').pfValue;
    measure.font = ele.pstyle('font-style').strValue + ' ' + ele.pstyle('font-weight').strValue + ' ' + font + 'px ' + ele.pstyle('font-family').strValue;
    const w = measure.measureText(labelText(ele)).width + 4, h = font * 1.25 + 2;
    const cx = (box.x1 + box.x2) / 2, cy0 = (box.y1 + box.y2) / 2, points = line(ele);
    let angle = 0, best = Infinity;
    points.forEach((p, i) => { if (i === 0) return; const q = points[i - 1], d = Math.hypot((p.x + q.x) / 2 - cx, (p.y + q.y) / 2 - cy0); if (d < best) { best = d; angle = Math.atan2(p.y - q.y, p.x - q.x); } });
    const c = Math.cos(angle), s = Math.sin(angle);
    return [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([sx, sy]) => ({ x: cx + (sx * w / 2) * c - (sy * h / 2) * s, y: cy0 + (sx * w / 2) * s + (sy * h / 2) * c }));
  };
  const z = (ele) => ele.pstyle('z-index').value;
  const drawnAfter = (a, b) => z(b) > z(a) || (z(b) === z(a) && b.poolIndex() > a.poolIndex());
`;

/**
 * For each drawn node label, the visible edges drawn over it (an edge's line crossing the label box, drawn after the
 * node). Labels are opaque, so an edge drawn before a node passes under its label instead of through its text.
 */
export function edgesDrawnOverNodeLabels(page: Page, nodeSelector = ':visible'): Promise<string[]> {
  return inPage(
    page,
    `(() => { ${GEOMETRY}
      const found = [];
      const nodes = cy.nodes(${JSON.stringify(nodeSelector)}).filter((node) => node.visible() && !node.hasClass('label-hidden'));
      const edges = cy.edges(':visible');
      nodes.forEach((node) => {
        const box = labelBox(node);
        if (!box) return;
        edges.forEach((edge) => {
          if (drawnAfter(node, edge) && lineCrosses(line(edge), box)) found.push(node.id() + ' under ' + edge.id());
        });
      });
      return found;
    })()`,
  );
}

export interface EdgeLabelCheck {
  readonly id: string;
  readonly text: string;
  /** The label's drawn size in screen pixels. */
  readonly px: number;
  /** The label's box, and the least box its text needs, measured with its font and rotated as drawn (a smaller box is drawn clipped). */
  readonly box: { w: number; h: number };
  readonly needed: { w: number; h: number };
  readonly inViewport: boolean;
  /** Elements drawn after this edge that paint over its label. */
  readonly coveredBy: string[];
}

/** Checks every label of the edges matching the selector: drawn whole, readable, in view, not painted over. */
export function edgeLabelChecks(page: Page, selector: string): Promise<EdgeLabelCheck[]> {
  return inPage(
    page,
    `(() => { ${GEOMETRY}
      const extent = cy.extent();
      const context = measure;
      return cy.edges(${JSON.stringify(selector)}).filter((edge) => edge.visible()).map((edge) => {
        const text = labelText(edge);
        const box = labelBox(edge);
        const font = edge.pstyle('font-size').pfValue;
        context.font = edge.pstyle('font-style').strValue + ' ' + edge.pstyle('font-weight').strValue + ' ' + font + 'px ' + edge.pstyle('font-family').strValue;
        const textWidth = context.measureText(text).width;
        // A label rotated along its edge: its box is the axis-aligned box around the rotated text (one line, font-size high).
        const points = line(edge), a = points[Math.floor(points.length / 2) - 1], b = points[Math.floor(points.length / 2)];
        const angle = Math.atan2(b.y - a.y, b.x - a.x), c = Math.abs(Math.cos(angle)), s = Math.abs(Math.sin(angle));
        const needed = { w: textWidth * c + font * s, h: textWidth * s + font * c };
        const coveredBy = [];
        const shape = labelShape(edge);
        if (shape) {
          cy.elements(':visible').forEach((other) => {
            if (other.same(edge) || !drawnAfter(edge, other)) return;
            const otherLabel = other.pstyle('text-opacity').value > 0 && labelText(other) ? labelShape(other) : null;
            const paints = (otherLabel && shapesOverlap(otherLabel, shape)) || (other.isEdge() ? lineThrough(line(other), shape) : shapesOverlap(cornersOf(bodyBox(other)), shape));
            if (paints) coveredBy.push(other.id());
          });
        }
        return {
          id: edge.id(), text, px: font * cy.zoom(), box: box ? { w: box.w, h: box.h } : { w: 0, h: 0 }, needed,
          inViewport: !!box && box.x1 >= extent.x1 && box.x2 <= extent.x2 && box.y1 >= extent.y1 && box.y2 <= extent.y2,
          coveredBy,
        };
      });
    })()`,
  );
}
