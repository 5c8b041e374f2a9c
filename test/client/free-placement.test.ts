import cytoscape from 'cytoscape';
import { GraphController } from '../../client/controller';
import { freeSpotNear, segmentHitsBox, type Rect } from '../../client/free-placement';
import { GRID_LAYOUTS } from '../../client/layouts';
import { DEFAULT_VIEW } from '../../client/url-state';
import { entity, fakeSource, subgraph } from './fixtures';

const overlap = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const around = (p: { x: number; y: number }, shape: Rect): Rect => ({ x1: p.x + shape.x1, y1: p.y + shape.y1, x2: p.x + shape.x2, y2: p.y + shape.y2 });

describe('freeSpotNear', () => {
  const shape: Rect = { x1: -20, y1: -20, x2: 20, y2: 40 }; // a node with its label below it

  it('is the centre itself when nothing is there', () => {
    expect(freeSpotNear({ x: 10, y: -5 }, shape, [{ x1: 200, y1: 200, x2: 260, y2: 260 }])).toEqual({ x: 10, y: -5 });
  });

  it('is the nearest spot clear of every box (with the gap) when the centre is taken', () => {
    // A 5 × 5 block of nodes around the centre, 70 apart.
    const boxes: Rect[] = [];
    for (let i = -2; i <= 2; i++) for (let j = -2; j <= 2; j++) boxes.push(around({ x: i * 70, y: j * 70 }, shape));
    const spot = freeSpotNear({ x: 0, y: 0 }, shape, boxes, [], 16);
    const padded = around(spot, { x1: shape.x1 - 16, y1: shape.y1 - 16, x2: shape.x2 + 16, y2: shape.y2 + 16 });
    expect(boxes.filter((box) => overlap(box, padded))).toEqual([]);
    // Just outside the block, not far away.
    expect(Math.hypot(spot.x, spot.y)).toBeLessThan(260);
    expect(freeSpotNear({ x: 0, y: 0 }, shape, boxes, [], 16)).toEqual(spot);
  });

  it('keeps off edges: a node on a line between two others would look connected to them', () => {
    const edge = { a: { x: -300, y: 0 }, b: { x: 300, y: 0 } };
    const spot = freeSpotNear({ x: 0, y: 0 }, shape, [], [edge], 16);
    expect(segmentHitsBox(edge, around(spot, { x1: shape.x1 - 16, y1: shape.y1 - 16, x2: shape.x2 + 16, y2: shape.y2 + 16 }))).toBe(false);
    expect(Math.hypot(spot.x, spot.y)).toBeLessThan(120);
  });

  it('segmentHitsBox: crossing, inside, beside and along', () => {
    const box: Rect = { x1: 0, y1: 0, x2: 10, y2: 10 };
    expect(segmentHitsBox({ a: { x: -5, y: 5 }, b: { x: 15, y: 5 } }, box)).toBe(true);
    expect(segmentHitsBox({ a: { x: 2, y: 2 }, b: { x: 3, y: 3 } }, box)).toBe(true);
    expect(segmentHitsBox({ a: { x: -5, y: 20 }, b: { x: 15, y: 20 } }, box)).toBe(false);
    expect(segmentHitsBox({ a: { x: -5, y: -5 }, b: { x: -1, y: 15 } }, box)).toBe(false);
    expect(segmentHitsBox({ a: { x: -20, y: -10 }, b: { x: 20, y: 30 } }, box)).toBe(true);
  });
});

describe('an entity with no drawn neighbours (headless Cytoscape)', () => {
  // Headless Cytoscape with a stylesheet keeps a timer running until destroyed (jest would never exit).
  let instance: cytoscape.Core | null = null;
  afterEach(() => instance?.destroy());

  it('lands in free space near the viewport centre; nothing else moves', async () => {
    const source = fakeSource();
    const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 30, height: 30 } }] });
    instance = cy;
    const controller = new GraphController(cy, source, GRID_LAYOUTS);
    await controller.start(DEFAULT_VIEW);
    const before = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
    const lone = entity('lone', 'ORGANIZATION', 'Lone group');
    source.network = async (asOf) => {
      const drawn = subgraph(asOf);
      return { ...drawn, nodes: [...drawn.nodes, lone] };
    };
    await controller.refresh();
    const placed = cy.getElementById('lone');
    expect(placed.nonempty()).toBe(true);
    for (const [id, position] of before) expect(cy.getElementById(id).position()).toEqual(position);
    const box = placed.boundingBox({});
    const others = cy.nodes().filter((node) => node.id() !== 'lone').toArray() as cytoscape.NodeSingular[];
    expect(others.filter((node) => overlap(node.boundingBox({}), box)).map((node) => node.id())).toEqual([]);
    const crossing = cy.edges().filter((edge) => segmentHitsBox({ a: edge.source().position(), b: edge.target().position() }, box));
    expect(crossing.map((edge) => edge.id())).toEqual([]);
    // Headless Cytoscape has no viewport: the middle of the drawing stands for its centre.
    const drawn = cy.nodes().difference(placed).boundingBox({});
    const centre = { x: (drawn.x1 + drawn.x2) / 2, y: (drawn.y1 + drawn.y2) / 2 };
    const farthest = Math.max(...others.map((node) => Math.hypot(node.position().x - centre.x, node.position().y - centre.y)));
    expect(Math.hypot(placed.position().x - centre.x, placed.position().y - centre.y)).toBeLessThanOrEqual(farthest + 100);
  });
});
