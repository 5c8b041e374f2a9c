/// <reference path="../../client/vendor.d.ts" />
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { labelSafeOrder, type Drawn } from '../../client/emphasis';
import { corners, crosses, lineCrossesPolygon, orientedRect, polygonsOverlap } from '../../client/geometry';
import { chooseLabelSides, labelBox, type LabelCandidate } from '../../client/label-placement';
import { labelScaleStep, labelsToHide } from '../../client/label-visibility';
import { compactInto, extentOf, FCOSE_LAYOUTS, spotBesideNeighbours, overlaps, runFullLayout, type Box } from '../../client/layouts';
import { subgraphToElements } from '../../client/mapping';
import { seededRandom, withSeededRandom } from '../../client/seeded-random';
import { LABEL_FONT_SIZE, MIN_LABEL_PX, stylesheet } from '../../client/style';
import { subgraph } from './fixtures';

cytoscape.use(fcose);

// Headless Cytoscape with a stylesheet keeps a timer running until destroyed.
const instances: Core[] = [];
afterAll(() => instances.forEach((cy) => cy.destroy()));

function drawn(): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet() });
  instances.push(cy);
  cy.add(subgraphToElements(subgraph()));
  return cy;
}

const positions = (cy: Core) => Object.fromEntries(cy.nodes().map((node) => [node.id(), { ...node.position() }]));

describe('repeatable layouts', () => {
  it('seeds Math.random for the work only, and puts it back even when the work throws', () => {
    const original = Math.random;
    const a = withSeededRandom(7, () => [Math.random(), Math.random()]);
    const b = withSeededRandom(7, () => [Math.random(), Math.random()]);
    expect(a).toEqual(b);
    expect(withSeededRandom(8, () => Math.random())).not.toBe(a[0]);
    expect(Math.random).toBe(original);
    expect(() =>
      withSeededRandom(7, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Math.random).toBe(original);
    const random = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('lays out the same network at the same positions every time (fCoSE is random unless seeded)', () => {
    const first = drawn();
    runFullLayout(first, FCOSE_LAYOUTS);
    const second = drawn();
    runFullLayout(second, FCOSE_LAYOUTS);
    expect(positions(second)).toEqual(positions(first));

    // The same layout without the seed lands elsewhere: the seed is what makes it repeatable.
    const unseeded = () => {
      const cy = drawn();
      cy.layout(FCOSE_LAYOUTS.full(cy.nodes().length)).run();
      return positions(cy);
    };
    expect(unseeded()).not.toEqual(unseeded());
  });
});

describe('drawing a layout into its frame', () => {
  const moved = (boxes: readonly Box[], moves: ReadonlyMap<string, { x: number; y: number }>): Box[] =>
    boxes.map((box) => {
      const move = moves.get(box.id) ?? { x: 0, y: 0 };
      return { id: box.id, x1: box.x1 + move.x, x2: box.x2 + move.x, y1: box.y1 + move.y, y2: box.y2 + move.y };
    });
  // A loose grid of labelled nodes (boxes 80×30) with room between them.
  const grid = (columns: number, rows: number, gap: number): Box[] =>
    Array.from({ length: columns * rows }, (_, i) => {
      const x = (i % columns) * (80 + gap);
      const y = Math.floor(i / columns) * (30 + gap);
      return { id: `n${i}`, x1: x, y1: y, x2: x + 80, y2: y + 30 };
    });

  it('draws a loose drawing into the frame, adding no overlap and keeping the order of things', () => {
    const boxes = grid(8, 6, 40);
    const before = extentOf(boxes);
    const frame = { w: before.w * 0.85, h: before.h * 0.85 };
    const after = moved(boxes, compactInto(boxes, frame, { padding: 4 }));
    const extent = extentOf(after);
    expect(extent.w).toBeLessThanOrEqual(frame.w * 1.005);
    expect(extent.h).toBeLessThanOrEqual(frame.h * 1.005);
    expect(overlaps(after)).toBe(0);
    // Left of stays left of, above stays above.
    for (let i = 0; i + 1 < after.length; i++) if ((i + 1) % 8 !== 0) expect(after[i].x2).toBeLessThan(after[i + 1].x1);
    for (let i = 0; i + 8 < after.length; i++) expect(after[i].y2).toBeLessThan(after[i + 8].y1);
  });

  it('leaves a drawing that fits, or one too far from fitting, as it is', () => {
    const boxes = grid(8, 6, 40);
    const { w, h } = extentOf(boxes);
    expect(compactInto(boxes, { w, h }).size).toBe(0);
    expect(compactInto(boxes, { w: w / 3, h: h / 3 }).size).toBe(0);
  });

  it('never buys the fit with overlapping labels', () => {
    // Boxes side by side with no room between them: squeezing could only make them overlap.
    const boxes = grid(10, 1, 0);
    const { w, h } = extentOf(boxes);
    const after = moved(boxes, compactInto(boxes, { w: w * 0.9, h }));
    expect(overlaps(after)).toBe(0);
    expect(extentOf(after).w).toBeGreaterThanOrEqual(w - 1e-9);
  });
});

describe('placing newcomers', () => {
  it('puts a new node near its neighbours on a spot no other node takes', () => {
    const occupied = [
      { id: 'a', x1: -20, y1: -20, x2: 20, y2: 20 },
      { id: 'b', x1: 60, y1: -40, x2: 140, y2: 40 },
    ];
    const spot = spotBesideNeighbours([{ x: 0, y: 0 }], { w: 40, h: 30 }, occupied)!;
    const box = { x1: spot.x - 20, x2: spot.x + 20, y1: spot.y - 15, y2: spot.y + 15 };
    for (const other of occupied) expect(box.x1 < other.x2 && other.x1 < box.x2 && box.y1 < other.y2 && other.y1 < box.y2).toBe(false);
    expect(Math.hypot(spot.x, spot.y)).toBeLessThan(200);
    expect(spotBesideNeighbours([{ x: 0, y: 0 }], { w: 40, h: 30 }, occupied)).toEqual(spot);
    expect(spotBesideNeighbours([], { w: 40, h: 30 }, occupied)).toBeNull();
  });
});

describe('label placement', () => {
  const candidate = (id: string, x: number, y: number, extra: Partial<LabelCandidate> = {}): LabelCandidate => ({ id, centre: { x, y }, node: { w: 20, h: 20 }, label: { w: 60, h: 16 }, ...extra });

  it('tells when a segment passes through a box', () => {
    const box = { x1: 0, y1: 0, x2: 10, y2: 10 };
    expect(crosses({ from: { x: -5, y: 5 }, to: { x: 15, y: 5 } }, box)).toBe(true);
    expect(crosses({ from: { x: -5, y: -5 }, to: { x: 15, y: -1 } }, box)).toBe(false);
    expect(crosses({ from: { x: 2, y: 2 }, to: { x: 3, y: 3 } }, box)).toBe(true);
  });

  it('puts a label on the side no edge crosses, below when several are free', () => {
    // An edge leaves the node downwards: the label goes above.
    const down = chooseLabelSides([candidate('n', 0, 0)], [{ from: { x: 0, y: 0 }, to: { x: 0, y: 200 } }]);
    expect(down.get('n')).toBe('top');
    const free = chooseLabelSides([candidate('n', 0, 0)], []);
    expect(free.get('n')).toBe('bottom');
    // Edges down and up: the label goes beside the node, clear of both.
    const both = chooseLabelSides([candidate('n', 0, 0)], [
      { from: { x: 0, y: 0 }, to: { x: 0, y: 200 } },
      { from: { x: 0, y: 0 }, to: { x: 0, y: -200 } },
    ]);
    expect(['left', 'right']).toContain(both.get('n'));
    const side = both.get('n')!;
    const box = labelBox(side, { x: 0, y: 0 }, { w: 20, h: 20 }, { w: 60, h: 16 });
    expect(crosses({ from: { x: 0, y: 0 }, to: { x: 0, y: 200 } }, box)).toBe(false);
  });

  it('keeps an emphasised label off emphasised edges before anything else', () => {
    const edges = [
      // Two ordinary edges downwards and an emphasised one upwards.
      { from: { x: 0, y: 0 }, to: { x: -5, y: 200 } },
      { from: { x: 0, y: 0 }, to: { x: 5, y: 200 } },
      { from: { x: 0, y: 0 }, to: { x: 0, y: -200 }, emphasised: true },
    ];
    expect(chooseLabelSides([candidate('n', 0, 0)], edges.map(({ from, to }) => ({ from, to }))).get('n')).not.toBe('bottom');
    const sides = chooseLabelSides([candidate('n', 0, 0, { emphasised: true })], edges, [{ x1: 25, y1: -8, x2: 120, y2: 8 }]);
    // Not above (the emphasised edge), not right (its label): left or below.
    expect(['left', 'bottom']).toContain(sides.get('n'));
  });
});

describe('label sides kept from the layout', () => {
  const candidate = (id: string, x: number, y: number, extra: Partial<LabelCandidate> = {}): LabelCandidate => ({ id, centre: { x, y }, node: { w: 20, h: 20 }, label: { w: 60, h: 16 }, ...extra });

  it('keeps a fixed side whatever crosses it, and places the others around its label', () => {
    const down = { from: { x: 0, y: 0 }, to: { x: 0, y: 200 } };
    // Free, the label would go above (an edge leaves downwards); fixed below, it stays below.
    expect(chooseLabelSides([candidate('a', 0, 0)], [down]).get('a')).toBe('top');
    expect(chooseLabelSides([candidate('a', 0, 0, { fixed: 'bottom' })], [down]).get('a')).toBe('bottom');
    // b, just below a and to the right, would put its label below; a's fixed label on the right is in the way of
    // b's right side, and b's own label keeps off a's label.
    const sides = chooseLabelSides([candidate('a', 0, 0, { fixed: 'right' }), candidate('b', 40, 30)], []);
    const a = labelBox('right', { x: 0, y: 0 }, { w: 20, h: 20 }, { w: 60, h: 16 });
    const b = labelBox(sides.get('b')!, { x: 40, y: 30 }, { w: 20, h: 20 }, { w: 60, h: 16 });
    expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
  });

  it('prefers crossing edges to covering a node or another label', () => {
    // Four edges cross the space below; nodes sit above and beside: the label goes below, across the edges, not over a node.
    const edges = [16, 20, 24, 28].map((y) => ({ from: { x: -30, y }, to: { x: 30, y } }));
    const sides = chooseLabelSides([candidate('n', 0, 0), candidate('above', 0, -30, { fixed: 'top' }), candidate('l', -60, 0, { fixed: 'top' }), candidate('r', 60, 0, { fixed: 'top' })], edges);
    expect(sides.get('n')).toBe('bottom');
  });
});

describe('geometry of turned labels', () => {
  it('tells a turned label from the box around it', () => {
    // A long label along a diagonal: its box would cover the corner where a node sits; the label does not.
    const label = orientedRect({ x: 0, y: 0 }, { w: 200, h: 14 }, Math.PI / 4);
    const node = corners({ x1: 50, y1: -70, x2: 70, y2: -50 });
    expect(polygonsOverlap(label, node)).toBe(false);
    expect(polygonsOverlap(label, corners({ x1: -5, y1: -5, x2: 5, y2: 5 }))).toBe(true);
    expect(polygonsOverlap(corners({ x1: 0, y1: 0, x2: 10, y2: 10 }), corners({ x1: 10, y1: 0, x2: 20, y2: 10 }))).toBe(false);
    expect(lineCrossesPolygon([{ x: -100, y: 100 }, { x: 100, y: -100 }], label)).toBe(true);
    expect(lineCrossesPolygon([{ x: -100, y: 0 }, { x: -60, y: 0 }, { x: -60, y: 40 }], label)).toBe(false);
  });
});

describe('label-safe drawing order', () => {
  it('draws an element after whatever would paint over its label', () => {
    const items: Drawn[] = [
      // a's label sits where b's line passes: a is drawn after b.
      { id: 'a', kind: 'edge', label: corners({ x1: 0, y1: 0, x2: 50, y2: 10 }), line: [{ x: -100, y: 50 }, { x: 100, y: 50 }] },
      { id: 'b', kind: 'edge', label: null, line: [{ x: 25, y: -50 }, { x: 25, y: 60 }] },
      // A node whose body covers nothing.
      { id: 'n', kind: 'node', label: corners({ x1: 300, y1: 300, x2: 340, y2: 310 }), body: { x1: 290, y1: 280, x2: 310, y2: 298 } },
    ];
    const order = labelSafeOrder(items);
    expect(order.indexOf('a')).toBeGreaterThan(order.indexOf('b'));
    expect(order).toHaveLength(3);
  });

  it('leaves the edge label whole when a node label and an edge label cover each other', () => {
    const items: Drawn[] = [
      { id: 'e', kind: 'edge', label: corners({ x1: 0, y1: 0, x2: 50, y2: 10 }), line: [{ x: -100, y: 5 }, { x: 100, y: 5 }] },
      { id: 'n', kind: 'node', label: corners({ x1: 40, y1: 0, x2: 90, y2: 12 }), body: { x1: 60, y1: 20, x2: 80, y2: 40 } },
    ];
    expect(labelSafeOrder(items)).toEqual(['n', 'e']);
  });
});

describe('readable labels', () => {
  it('scales labels up only when they would be drawn smaller than the minimum', () => {
    expect(labelScaleStep(1)).toBe(0);
    expect(labelScaleStep(MIN_LABEL_PX / LABEL_FONT_SIZE)).toBe(0);
    for (const zoom of [0.9, 0.7, 0.5]) {
      const step = labelScaleStep(zoom);
      expect(step).toBeGreaterThan(0);
      // The scaled label is drawn at MIN_LABEL_PX or more, and one step less would not be.
      expect(LABEL_FONT_SIZE * (1 + step * 0.1) * zoom).toBeGreaterThanOrEqual(MIN_LABEL_PX - 1e-9);
      expect(LABEL_FONT_SIZE * (1 + (step - 1) * 0.1) * zoom).toBeLessThan(MIN_LABEL_PX);
    }
  });

  it('hides labels that would overlap a more important one or another node, never the kept ones', () => {
    const box = (x: number) => corners({ x1: x, y1: 0, x2: x + 50, y2: 10 });
    const body = (x: number) => corners({ x1: x, y1: -30, x2: x + 10, y2: -20 });
    const hidden = labelsToHide([
      { id: 'selected', label: box(0), body: body(0), keep: true },
      { id: 'clash', label: box(40), body: body(200), keep: false },
      { id: 'free', label: box(100), body: body(300), keep: false },
      { id: 'kept', label: box(10), body: body(400), keep: true },
      { id: 'on-a-node', label: corners({ x1: 300, y1: -30, x2: 320, y2: -25 }), body: body(500), keep: false },
    ]);
    expect([...hidden].sort()).toEqual(['clash', 'on-a-node']);
  });
});
