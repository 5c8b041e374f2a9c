/**
 * Plane geometry for placing labels: points, axis-aligned boxes, segments, and convex polygons (a label rotated along
 * its edge is an oriented rectangle; its axis-aligned box would claim up to twice the room it takes).
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface Segment {
  readonly from: Point;
  readonly to: Point;
}

/** Whether a segment passes through the inside of a box (Liang–Barsky clipping; touching a corner does not count). */
export function crosses(segment: Segment, box: Rect): boolean {
  const { from, to } = segment;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, from.x - box.x1],
    [dx, box.x2 - from.x],
    [-dy, from.y - box.y1],
    [dy, box.y2 - from.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return t1 - t0 > 1e-6;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** A convex polygon, corners in order. */
export type Polygon = readonly Point[];

export function corners(box: Rect): Polygon {
  return [
    { x: box.x1, y: box.y1 },
    { x: box.x2, y: box.y1 },
    { x: box.x2, y: box.y2 },
    { x: box.x1, y: box.y2 },
  ];
}

/** A w×h rectangle centred on a point and turned by an angle (radians). */
export function orientedRect(centre: Point, size: { w: number; h: number }, angle: number): Polygon {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([sx, sy]) => {
    const x = (sx * size.w) / 2;
    const y = (sy * size.h) / 2;
    return { x: centre.x + x * cos - y * sin, y: centre.y + x * sin + y * cos };
  });
}

export function boundsOf(polygon: Polygon): Rect {
  const xs = polygon.map((p) => p.x);
  const ys = polygon.map((p) => p.y);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

function project(polygon: Polygon, axis: Point): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const p of polygon) {
    const d = p.x * axis.x + p.y * axis.y;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  return [min, max];
}

/** Whether two convex polygons (or segments, as two-point polygons) share more than an edge (separating axis test). */
export function polygonsOverlap(a: Polygon, b: Polygon): boolean {
  for (const polygon of [a, b]) {
    for (let i = 0; i < polygon.length; i++) {
      const p = polygon[i];
      const q = polygon[(i + 1) % polygon.length];
      const axis = { x: q.y - p.y, y: p.x - q.x };
      if (axis.x === 0 && axis.y === 0) continue;
      const [aMin, aMax] = project(a, axis);
      const [bMin, bMax] = project(b, axis);
      if (aMax <= bMin + 1e-9 || bMax <= aMin + 1e-9) return false;
    }
  }
  return true;
}

/** Whether a polyline passes through a convex polygon. */
export function lineCrossesPolygon(line: readonly Point[], polygon: Polygon): boolean {
  for (let i = 1; i < line.length; i++) {
    const segment = [line[i - 1], line[i]];
    // A segment is a degenerate polygon: test it against the polygon's axes and its own normal.
    if (polygonsOverlap(segment, polygon)) return true;
  }
  return false;
}
