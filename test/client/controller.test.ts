import cytoscape, { type Core } from 'cytoscape';
import { GraphController, LARGE_GRAPH_THRESHOLD, isLargeGraph, type Selection } from '../../client/controller';
import { GRID_LAYOUTS, separate } from '../../client/layouts';
import { visibleDataset } from '../../client/mapping';
import type { ApiSubgraph } from '../../client/types';
import { DEFAULT_VIEW } from '../../client/url-state';
import { entity, fakeSource, stats, subgraph, type FakeSource } from './fixtures';

function setUp(source: FakeSource = fakeSource()): { cy: Core; controller: GraphController; source: FakeSource } {
  const cy = cytoscape({ headless: true });
  return { cy, controller: new GraphController(cy, source, GRID_LAYOUTS), source };
}

const ids = (cy: Core, selector: string) => cy.elements(selector).map((element) => element.id()).sort();

describe('GraphController (headless Cytoscape)', () => {
  it('draws the whole network on start', async () => {
    const { cy, controller } = setUp();
    await controller.start(DEFAULT_VIEW);
    expect(cy.nodes()).toHaveLength(5);
    expect(cy.edges()).toHaveLength(5);
    expect(controller.mode).toBe('network');
    expect(controller.counts().byKind.get('STATE')).toBe(1);
    expect(controller.counts().byType.get('BACKS')).toBe(1);
  });

  it('does not draw a large graph, and says so', async () => {
    const source = fakeSource(stats({ entities: 2000, relationships: 1500 }));
    const { cy, controller } = setUp(source);
    const messages: string[] = [];
    controller.events.on('status', (status) => status && messages.push(status.text));
    await controller.start(DEFAULT_VIEW);
    expect(cy.elements()).toHaveLength(0);
    expect(controller.mode).toBe('explore');
    expect(source.calls).not.toContain('network:');
    expect(messages.join(' ')).toMatch(/too many to draw/);
    expect(await controller.reveal('militia')).toBe(true);
    expect(ids(cy, 'node')).toEqual(['attack', 'commander', 'militia', 'patron']);
    expect(controller.state.focus).toEqual({ id: 'militia', depth: 1 });
    expect(isLargeGraph({ entities: LARGE_GRAPH_THRESHOLD, relationships: 1 })).toBe(true);
  });

  it('filters by kind and type, and hides entities', async () => {
    const { cy, controller } = setUp();
    const changes: unknown[] = [];
    controller.events.on('change', (state) => changes.push(state));
    await controller.start(DEFAULT_VIEW);
    controller.setKindVisible('EVENT', false);
    expect(ids(cy, 'node.filtered')).toEqual(['attack']);
    controller.setTypeVisible('BACKS', false);
    expect(ids(cy, 'edge.filtered')).toEqual(['patron-backs-militia']);
    controller.hide('commander');
    expect(ids(cy, 'node.filtered')).toEqual(['attack', 'commander']);
    expect(controller.state).toMatchObject({ hiddenKinds: ['EVENT'], hiddenTypes: ['BACKS'], hiddenNodes: ['commander'] });
    expect(controller.visible().nodes.map((node) => node.id()).sort()).toEqual(['base', 'militia', 'patron']);
    expect(controller.visible().edges.map((edge) => edge.id())).toEqual(['patron-allied-with-militia']);
    controller.setKindVisible('EVENT', true);
    expect(ids(cy, 'node.filtered')).toEqual(['commander']);
    expect(changes.length).toBeGreaterThanOrEqual(4);
  });

  it('selects nodes and edges with their data', async () => {
    const { controller } = setUp();
    const selections: (Selection | null)[] = [];
    controller.events.on('select', (selection) => selections.push(selection));
    await controller.start(DEFAULT_VIEW);
    expect(controller.select('militia')).toBe(true);
    expect(selections.at(-1)).toMatchObject({ kind: 'node', entity: { id: 'militia', name: 'Militia' } });
    controller.select('patron-backs-militia');
    expect(selections.at(-1)).toMatchObject({ kind: 'edge', relationship: { id: 'patron-backs-militia' }, source: { name: 'Patron State' }, target: { name: 'Militia' } });
    expect(controller.state.selected).toBe('patron-backs-militia');
    expect(controller.select('nowhere')).toBe(false);
    expect(controller.state.selected).toBeNull();
  });

  it('shows the network as of a date, keeping the places of the nodes that stay', async () => {
    const { cy, controller } = setUp();
    await controller.start(DEFAULT_VIEW);
    const before = { ...cy.getElementById('militia').position() };
    await controller.setAsOf('2015-06-01');
    expect(ids(cy, 'node')).toEqual(['base', 'commander', 'militia', 'patron']);
    expect(ids(cy, 'edge')).toEqual(subgraph('2015-06-01').edges.map((edge) => edge.id).sort());
    expect(cy.getElementById('militia').position()).toEqual(before);
    await controller.setAsOf(null);
    expect(cy.nodes()).toHaveLength(5);
    expect(cy.getElementById('militia').position()).toEqual(before);
    expect(controller.state.asOf).toBeNull();
  });

  it('starts at the date of a shared link, with whole-network positions', async () => {
    const { cy, controller, source } = setUp();
    await controller.start({ ...DEFAULT_VIEW, asOf: '2021-01-01' });
    expect(source.calls).toEqual(['stats', 'network:', 'network:2021-01-01']);
    expect(ids(cy, 'edge')).toEqual(['attack-targeted-base', 'patron-allied-with-militia', 'patron-backs-militia', 'militia-perpetrated-attack'].filter((id) => subgraph('2021-01-01').edges.some((edge) => edge.id === id)).sort());
  });

  it('focuses on an ego network, expands it, and resets to the whole network', async () => {
    const { cy, controller } = setUp();
    await controller.start(DEFAULT_VIEW);
    await controller.focus('commander', 1);
    expect(controller.mode).toBe('ego');
    expect(ids(cy, 'node')).toEqual(['commander', 'militia']);
    expect(cy.getElementById('commander').hasClass('ego-root')).toBe(true);
    const added = await controller.expand('militia', ['PERPETRATED']);
    expect(added).toBe(1);
    expect(ids(cy, 'node')).toEqual(['attack', 'commander', 'militia']);
    controller.hide('attack');
    await controller.reset();
    expect(controller.mode).toBe('network');
    expect(cy.nodes()).toHaveLength(5);
    expect(controller.state).toEqual(DEFAULT_VIEW);
    expect(ids(cy, '.filtered')).toEqual([]);
  });

  it('highlights found paths and fades the rest', async () => {
    const { cy, controller } = setUp();
    await controller.start(DEFAULT_VIEW);
    const options = { from: 'patron', to: 'attack', k: 3, types: [], directed: false, avoid: [], chronological: false };
    const paths = await controller.findPaths(options);
    expect(paths).toHaveLength(1);
    expect(ids(cy, '.on-path')).toEqual(['attack', 'militia', 'militia-perpetrated-attack', 'patron', 'patron-backs-militia']);
    expect(ids(cy, '.faded')).toEqual(['attack-targeted-base', 'base', 'commander', 'commander-leads-militia', 'patron-allied-with-militia']);
    expect(controller.state.path).toEqual(options);
    controller.setKindVisible('EVENT', false);
    expect(cy.getElementById('attack').hasClass('filtered')).toBe(false);
    controller.clearPaths();
    expect(ids(cy, '.on-path, .faded')).toEqual([]);
    expect(controller.state.path).toBeNull();
  });

  it('re-runs the path search when the date changes', async () => {
    const { cy, controller, source } = setUp();
    await controller.start(DEFAULT_VIEW);
    await controller.findPaths({ from: 'patron', to: 'attack', k: 3, types: [], directed: false, avoid: [], chronological: false });
    await controller.setAsOf('2020-01-01');
    expect(source.calls).toContain('paths:patron:attack:2020-01-01');
    expect(controller.paths).toEqual([]);
    expect(ids(cy, '.on-path')).toEqual([]);
  });

  it('exports what is shown as dataset records', async () => {
    const { controller } = setUp();
    await controller.start(DEFAULT_VIEW);
    controller.hide('attack');
    const dataset = visibleDataset(controller);
    expect(dataset.entities.map((entity) => entity.id)).toEqual(['base', 'commander', 'militia', 'patron']);
    expect(dataset.relationships.map((relationship) => relationship.id)).toEqual(['commander-leads-militia', 'patron-allied-with-militia', 'patron-backs-militia']);
    expect(dataset.sources.map((source) => source.id)).toEqual(['report-1']);
  });

  it('restores a shared view: filters, focus, path and selection', async () => {
    const { cy, controller } = setUp();
    await controller.start({
      ...DEFAULT_VIEW,
      hiddenTypes: ['LEADS'],
      selected: 'militia',
      path: { from: 'patron', to: 'attack', k: 3, types: [], directed: false, avoid: [], chronological: false },
    });
    expect(controller.state.selected).toBe('militia');
    expect(controller.state.hiddenTypes).toEqual(['LEADS']);
    expect(ids(cy, '.on-path')).toContain('patron-backs-militia');
    expect(cy.getElementById('commander-leads-militia').hasClass('filtered')).toBe(true);
  });
});

describe('GraphController: reading the graph (issue #16)', () => {
  it('highlights the selected entity, its relationships and neighbours, and dims the rest', async () => {
    const { cy, controller } = setUp();
    await controller.start(DEFAULT_VIEW);
    controller.select('militia');
    expect(ids(cy, '.near')).toEqual(['attack', 'commander', 'commander-leads-militia', 'militia', 'militia-perpetrated-attack', 'patron', 'patron-allied-with-militia', 'patron-backs-militia']);
    expect(ids(cy, '.dimmed')).toEqual(['attack-targeted-base', 'base']);
    controller.select('commander-leads-militia');
    expect(ids(cy, '.near')).toEqual(['commander', 'commander-leads-militia', 'militia']);
    expect(ids(cy, '.dimmed')).toHaveLength(7);
    controller.select(null);
    expect(ids(cy, '.near, .dimmed')).toEqual([]);

    // A found path stays bright around a selection elsewhere, whichever came first.
    await controller.findPaths({ from: 'patron', to: 'attack', k: 3, types: [], directed: false, avoid: [], chronological: false });
    controller.select('base');
    expect(ids(cy, '.dimmed')).toEqual(['commander', 'commander-leads-militia', 'patron-allied-with-militia']);
    controller.clearPaths();
    await controller.findPaths({ from: 'patron', to: 'attack', k: 3, types: [], directed: false, avoid: [], chronological: false });
    expect(ids(cy, '.dimmed')).toEqual(['commander', 'commander-leads-militia', 'patron-allied-with-militia']);
  });

  it('hides undated relationships on request, and marks them while a date is set', async () => {
    const { cy, controller } = setUp();
    await controller.start(DEFAULT_VIEW);
    expect(controller.counts().undated).toBe(1);
    expect(ids(cy, '.undated-at-date')).toEqual([]);
    await controller.setAsOf('2021');
    expect(ids(cy, '.undated-at-date')).toEqual(['patron-allied-with-militia']);
    controller.setUndatedVisible(false);
    expect(controller.state.hideUndated).toBe(true);
    expect(ids(cy, 'edge.filtered')).toEqual(['patron-allied-with-militia']);
    controller.setUndatedVisible(true);
    expect(ids(cy, 'edge.filtered')).toEqual([]);
    await controller.setAsOf(null);
    expect(ids(cy, '.undated-at-date')).toEqual([]);
  });

  it('keeps dragged positions in the view state, restores them from a link, and forgets them on reset', async () => {
    const { cy, controller } = setUp();
    await controller.start(DEFAULT_VIEW);
    const laidOut = { ...cy.getElementById('patron').position() };
    const changes: unknown[] = [];
    controller.events.on('change', (state) => changes.push(state.moved));
    cy.getElementById('patron').position({ x: 321.4, y: -87.6 });
    cy.getElementById('patron').emit('dragfree');
    expect(controller.state.moved).toEqual([{ id: 'patron', x: 321, y: -88 }]);
    expect(changes).toHaveLength(1);

    const other = setUp();
    await other.controller.start({ ...DEFAULT_VIEW, moved: controller.state.moved });
    expect(other.cy.getElementById('patron').position()).toEqual({ x: 321, y: -88 });
    expect(other.controller.state.moved).toEqual([{ id: 'patron', x: 321, y: -88 }]);

    await controller.reset();
    expect(controller.state.moved).toEqual([]);
    expect(cy.getElementById('patron').position()).toEqual(laidOut);
  });

  it('expands next to the entity without moving what is drawn, and says when there is nothing new to add', async () => {
    const { cy, controller } = setUp();
    const messages: string[] = [];
    controller.events.on('status', (status) => status && messages.push(status.text));
    await controller.start(DEFAULT_VIEW);
    await controller.focus('commander', 1);
    const before = Object.fromEntries(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
    expect(await controller.expand('militia')).toBe(2);
    expect(ids(cy, 'node')).toEqual(['attack', 'commander', 'militia', 'patron']);
    for (const [id, position] of Object.entries(before)) expect(cy.getElementById(id).position()).toEqual(position);
    const militia = cy.getElementById('militia').position();
    for (const id of ['attack', 'patron']) {
      const { x, y } = cy.getElementById(id).position();
      expect(Math.hypot(x - militia.x, y - militia.y)).toBeLessThan(400);
    }
    expect(messages.at(-1)).toBe('Added 2 entities around Militia.');

    const placed = Object.fromEntries(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
    expect(await controller.expand('militia')).toBe(0);
    expect(messages.at(-1)).toBe('Nothing new to add: all 3 of its neighbours are already drawn.');
    for (const [id, position] of Object.entries(placed)) expect(cy.getElementById(id).position()).toEqual(position);

    controller.hide('attack');
    controller.setKindVisible('STATE', false);
    expect(await controller.expand('militia', ['PERPETRATED', 'BACKS'])).toBe(0);
    expect(messages.at(-1)).toBe('Showed 1 hidden entity again around Militia through perpetrated, backs (1 neighbour is of a kind filtered out: tick the kind under Legend and filters to see it).');
    expect(controller.state.hiddenNodes).toEqual([]);
  });

  it('shows hidden entities again one by one, or all at once', async () => {
    const { cy, controller } = setUp();
    await controller.start(DEFAULT_VIEW);
    controller.hide('base');
    controller.hide('attack');
    controller.hide('commander');
    controller.unhide(['attack']);
    expect(controller.state.hiddenNodes).toEqual(['base', 'commander']);
    expect(ids(cy, 'node.filtered')).toEqual(['base', 'commander']);
    controller.unhide();
    expect(controller.state.hiddenNodes).toEqual([]);
    expect(ids(cy, 'node.filtered')).toEqual([]);
  });
});

describe('separate (label overlap removal)', () => {
  it('pushes overlapping boxes apart until none overlap', () => {
    const boxes = [
      { id: 'a', x1: 0, y1: 0, x2: 100, y2: 20 },
      { id: 'b', x1: 50, y1: 5, x2: 150, y2: 25 },
      { id: 'c', x1: 300, y1: 0, x2: 320, y2: 20 },
    ];
    const moves = separate(boxes, 2);
    const moved = boxes.map((box) => {
      const move = moves.get(box.id) ?? { x: 0, y: 0 };
      return { x1: box.x1 + move.x, x2: box.x2 + move.x, y1: box.y1 + move.y, y2: box.y2 + move.y };
    });
    const [a, b] = moved;
    expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
    expect(moves.has('c')).toBe(false);
  });
});

describe('a refresh overtaken by another', () => {
  it('resolves once the newer one has drawn, so what follows it finds the newest drawing', async () => {
    const base = fakeSource();
    const pending: ((answer: ApiSubgraph) => void)[] = [];
    let started = false;
    const source: FakeSource = { ...base, network: (asOf) => (started ? new Promise((resolve) => pending.push(resolve)) : base.network(asOf)) };
    const { cy, controller } = setUp(source);
    await controller.start(DEFAULT_VIEW);
    started = true;
    const first = controller.refresh();
    const second = controller.refresh();
    let firstDone = false;
    void first.then(() => (firstDone = true));
    const withNewcomer = { ...subgraph(), nodes: [...subgraph().nodes, entity('newcomer', 'ORGANIZATION', 'Newcomer')] };
    pending[0](subgraph());
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The first answer came back after the second call began: it draws nothing, and waits for the second.
    expect(firstDone).toBe(false);
    expect(cy.getElementById('newcomer').empty()).toBe(true);
    pending[1](withNewcomer);
    await first;
    expect(cy.getElementById('newcomer').nonempty()).toBe(true);
    expect(controller.select('newcomer')).toBe(true);
    await second;
  });
});
