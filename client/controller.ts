import type { Collection, Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { EntityKind } from '../src/model/kinds';
import type { RelationType } from '../src/model/relation-rules';
import type { Api } from './api';
import { Emitter } from './emitter';
import { Drawing, type Counts } from './drawing';
import { applyFilters, highlightPaths, highlightSelection } from './emphasis';
import { describeExpansion, describeTruncation } from './expansion';
import { ExpansionPages } from './expansion-pages';
import { FCOSE_LAYOUTS, fitView, type Layouts } from './layouts';
import type { NodeData } from './mapping';
import { restyle } from './restyle';
import { selectionOf, toggled, type Selection } from './selection';
import type { ApiPath, ApiStats, ApiSubgraph } from './types';
import { DEFAULT_VIEW, withMoved, type PathOptions, type ViewState } from './url-state';

export type { Counts } from './drawing';
export type { Selection } from './selection';

/** Above this many elements (entities + relationships) the client does not draw the whole network. */
export const LARGE_GRAPH_THRESHOLD = 3000;

/** Most entities a neighbourhood request asks for (the API's cost limit refuses much more with our fields). */
export const NEIGHBORHOOD_LIMIT = 400;

export function isLargeGraph(stats: Pick<ApiStats, 'entities' | 'relationships'>): boolean {
  return stats.entities + stats.relationships > LARGE_GRAPH_THRESHOLD;
}

/** What the controller needs from the API; tests pass a fake. */
export type DataSource = Pick<Api, 'stats' | 'network' | 'neighborhood' | 'relationshipPage' | 'paths'>;

/** network: the whole graph; ego: one entity's neighbourhood; explore: a large graph, drawn from what the analyst opens. */
export type Mode = 'network' | 'ego' | 'explore';

export interface Status {
  readonly text: string;
  readonly tone: 'info' | 'busy' | 'error';
}

export interface ControllerEvents {
  /** The view state changed (for the URL). */
  change: (state: ViewState) => void;
  select: (selection: Selection | null) => void;
  /** The drawn elements changed (date, focus, expansion, filters). */
  elements: () => void;
  paths: (paths: readonly ApiPath[] | null) => void;
  status: (status: Status | null) => void;
}

/**
 * State and behaviour of the graph view: what is drawn, filtered, selected and highlighted. Talks to Cytoscape and to a
 * data source, never to the DOM, so it runs under headless Cytoscape in tests.
 */
export class GraphController {
  readonly events = new Emitter<ControllerEvents>();
  private view: ViewState = DEFAULT_VIEW;
  private currentMode: Mode = 'network';
  private statsValue: ApiStats | null = null;
  private lastPaths: readonly ApiPath[] | null = null;
  /** The latest drawing under way (setAsOf). */
  private drawn: Promise<void> = Promise.resolve();
  private readonly drawing: Drawing;
  private readonly pages: ExpansionPages;
  private generation = 0;

  constructor(
    readonly cy: Core,
    private readonly source: DataSource,
    layouts: Layouts = FCOSE_LAYOUTS,
  ) {
    // Positions are remembered in the whole-network view only, so an ego layout never overwrites them.
    this.drawing = new Drawing(cy, layouts, () => this.currentMode === 'network');
    this.pages = new ExpansionPages(source, NEIGHBORHOOD_LIMIT);
    cy.on('tap', 'node, edge', (event) => this.select(event.target.id()));
    cy.on('tap', (event) => {
      if (event.target === cy) this.select(null);
    });
    cy.on('mouseover', 'node, edge', (event) => restyle(event.target.addClass('hover')));
    cy.on('mouseout', 'node, edge', (event) => restyle(event.target.removeClass('hover')));
    cy.on('dragfree', 'node', (event) => {
      const node = event.target as NodeSingular;
      this.drawing.remember(node);
      // Where the analyst put it travels with the link (Copy link), and comes back when the link opens.
      this.view = { ...this.view, moved: withMoved(this.view.moved, { id: node.id(), ...node.position() }) };
      this.changed();
    });
  }

  get state(): ViewState {
    return this.view;
  }

  get mode(): Mode {
    return this.currentMode;
  }

  get stats(): ApiStats | null {
    return this.statsValue;
  }

  get paths(): readonly ApiPath[] | null {
    return this.lastPaths;
  }

  /** Opens a view: the whole network (or, for a large graph, nothing until the analyst picks an entity), then the rest of the state. */
  async start(initial: ViewState): Promise<void> {
    const { asOf, hideUndated, hiddenKinds, hiddenTypes, hiddenNodes } = initial;
    this.view = { ...DEFAULT_VIEW, asOf, hideUndated, hiddenKinds, hiddenTypes, hiddenNodes };
    this.statsValue = await this.source.stats();
    if (isLargeGraph(this.statsValue)) {
      this.currentMode = 'explore';
      this.status(`This graph has ${this.statsValue.entities} entities and ${this.statsValue.relationships} relationships: too many to draw at once. Search for an entity to start from its neighbourhood.`, 'info');
    } else {
      // Lay out the whole network once (all dates), so every entity has a home that it keeps as the date changes.
      this.drawing.replace(await this.source.network(null));
      if (initial.asOf) this.drawing.replace(await this.source.network(initial.asOf));
      this.status(null);
    }
    if (initial.focus) await this.focus(initial.focus.id, initial.focus.depth);
    if (initial.moved.length > 0 && this.drawing.applyMoved(initial.moved)) {
      this.view = { ...this.view, moved: initial.moved };
      fitView(this.cy);
    }
    this.applyFilters();
    if (initial.path) await this.findPaths(initial.path);
    // With a path, the view stays fitted to it; the selection is shown within.
    if (initial.selected) await this.reveal(initial.selected, { centre: !initial.path });
    this.changed();
  }

  /**
   * Shows the network (or the ego network in focus) as of a date; null for all dates. Nodes that stay keep their place.
   * A call overtaken by a later one resolves once the later one has drawn, so what follows sees the newest drawing.
   */
  setAsOf(asOf: string | null): Promise<void> {
    return (this.drawn = this.drawAsOf(asOf));
  }

  private async drawAsOf(asOf: string | null): Promise<void> {
    const generation = ++this.generation;
    this.view = { ...this.view, asOf };
    const focus = this.view.focus;
    let subgraph: ApiSubgraph | null = null;
    if (this.currentMode === 'network') subgraph = await this.source.network(asOf);
    else if (this.currentMode === 'ego' && focus) subgraph = await this.source.neighborhood(focus.id, { depth: focus.depth, asOf, limit: NEIGHBORHOOD_LIMIT });
    if (generation !== this.generation) return this.drawn;
    if (subgraph) this.drawing.replace(subgraph);
    if (this.view.path) await this.findPaths(this.view.path, { fit: false });
    else this.applyFilters();
    if (generation !== this.generation) return this.drawn;
    this.refreshSelection();
    this.changed();
  }

  /** Reloads what is drawn after edits (here or by others): entities that stay keep their place, the selection is re-read. */
  refresh(): Promise<void> {
    return this.setAsOf(this.view.asOf);
  }

  setKindVisible(kind: EntityKind, visible: boolean): void {
    this.filter({ hiddenKinds: toggled(this.view.hiddenKinds, kind, !visible) });
  }

  setTypeVisible(type: RelationType, visible: boolean): void {
    this.filter({ hiddenTypes: toggled(this.view.hiddenTypes, type, !visible) });
  }

  /** Shows or hides relationships with neither a start nor an end date (shown at every date by the as-of rule). */
  setUndatedVisible(visible: boolean): void {
    this.filter({ hideUndated: !visible });
  }

  /** Selects an entity or relationship by id (null to clear); false when it is not drawn. */
  select(id: string | null): boolean {
    const element = id ? this.cy.getElementById(id) : null;
    this.cy.elements(':selected').unselect();
    if (!element || element.empty()) {
      this.view = { ...this.view, selected: null };
      highlightSelection(this.cy, null);
      this.events.emit('select', null);
      this.changed();
      return !id;
    }
    element.select();
    highlightSelection(this.cy, element.id());
    this.view = { ...this.view, selected: element.id() };
    this.events.emit('select', this.selection());
    this.changed();
    return true;
  }

  /** The current selection with its data, or null. */
  selection(): Selection | null {
    return selectionOf(this.cy, this.view.selected);
  }

  /** Selects an entity, first drawing it with its neighbourhood when it is not drawn, and centres on it (unless told not to). */
  async reveal(id: string, { centre = true }: { centre?: boolean } = {}): Promise<boolean> {
    let element = this.cy.getElementById(id);
    if (element.empty()) {
      if (this.currentMode === 'explore') {
        await this.focus(id, 1);
      } else {
        const around = await this.source.neighborhood(id, { depth: 1, asOf: this.view.asOf, limit: 200 });
        this.drawing.add(around, id);
      }
      element = this.cy.getElementById(id);
      if (element.empty()) {
        this.status(this.view.asOf ? `That entity is not part of the network as of ${this.view.asOf}.` : 'That entity could not be shown.', 'info');
        return false;
      }
    }
    if (this.view.hiddenNodes.includes(id)) {
      this.view = { ...this.view, hiddenNodes: this.view.hiddenNodes.filter((hidden) => hidden !== id) };
      this.applyFilters();
    }
    if (element.isNode() && this.view.hiddenKinds.includes((element.data() as NodeData).kind)) {
      this.status('Its kind is filtered out: tick it under Filters to see it.', 'info');
    }
    this.select(id);
    if (centre) this.centre(element);
    return true;
  }

  /**
   * Adds the neighbours of an entity (through the given relation types, all when empty) near it, and shows any that were
   * hidden; what is drawn stays where it is, a capped entity in batches (expansion-pages.ts). Says what it did, what is
   * left, and when there was nothing new to add. Returns how many entities it added.
   */
  async expand(id: string, types: readonly RelationType[] = []): Promise<number> {
    const { subgraph: around, more } = await this.pages.next(id, types, this.view.asOf);
    const added = this.drawing.add(around, id);
    const neighbours = around.nodes.filter((node) => node.id !== id);
    // Bring the newcomers into view (the view moves; the drawing does not).
    if (added > 0) fitView(this.cy, this.cy.getElementById(id).closedNeighborhood(), 40);
    const ids = new Set(neighbours.map((node) => node.id));
    const shownAgain = this.view.hiddenNodes.filter((hidden) => ids.has(hidden)).length;
    this.view = { ...this.view, hiddenNodes: this.view.hiddenNodes.filter((hidden) => !ids.has(hidden)) };
    this.applyFilters();
    this.refreshSelection();
    const filteredOut = neighbours.filter((node) => this.view.hiddenKinds.includes(node.kind)).length;
    const name = around.nodes.find((node) => node.id === id)?.name ?? id;
    this.status(describeExpansion({ name, neighbours: neighbours.length, added, shownAgain, filteredOut, more, types, asOf: this.view.asOf }), 'info');
    this.changed();
    return added;
  }

  hide(id: string): void {
    if (this.view.hiddenNodes.includes(id)) return;
    if (this.view.selected === id) this.select(null);
    this.filter({ hiddenNodes: [...this.view.hiddenNodes, id] });
  }

  /** Shows hidden entities again: the given ones, or all of them. */
  unhide(ids: readonly string[] = this.view.hiddenNodes): void {
    const shown = new Set(ids);
    this.filter({ hiddenNodes: this.view.hiddenNodes.filter((hidden) => !shown.has(hidden)) });
  }

  /** Shows only the entities within `depth` hops of one entity. */
  async focus(id: string, depth: number): Promise<void> {
    const generation = ++this.generation;
    const subgraph = await this.source.neighborhood(id, { depth, asOf: this.view.asOf, limit: NEIGHBORHOOD_LIMIT });
    if (generation !== this.generation) return;
    this.currentMode = 'ego';
    const more = this.pages.restart(id, this.view.asOf, subgraph);
    // A new layout: positions dragged in the previous one no longer apply.
    this.view = { ...this.view, focus: { id, depth }, moved: [] };
    this.cy.elements().remove();
    this.drawing.replace(subgraph);
    this.cy.nodes().removeClass('ego-root');
    this.cy.getElementById(id).addClass('ego-root');
    if (subgraph.truncated) this.status(describeTruncation(subgraph, more, NEIGHBORHOOD_LIMIT), 'info');
    this.refreshPaths();
    this.refreshSelection();
    this.changed();
  }

  /** Back to the whole network at the current date: no hidden entities, filters, focus, paths or selection. */
  async reset(): Promise<void> {
    const generation = ++this.generation;
    const large = this.statsValue ? isLargeGraph(this.statsValue) : false;
    this.view = { ...DEFAULT_VIEW, asOf: this.view.asOf };
    this.pages.clear();
    this.lastPaths = null;
    this.events.emit('paths', null);
    this.cy.elements().removeClass('on-path faded near dimmed ego-root');
    if (large) {
      this.currentMode = 'explore';
      this.cy.elements().remove();
    } else {
      const subgraph = await this.source.network(this.view.asOf);
      if (generation !== this.generation) return;
      const wasNetwork = this.currentMode === 'network';
      this.currentMode = 'network';
      if (!wasNetwork) this.cy.elements().remove();
      // Dragged entities go back to their laid-out places.
      this.drawing.forgetMoves();
      this.drawing.replace(subgraph);
      fitView(this.cy);
    }
    this.applyFilters();
    this.select(null);
    this.events.emit('elements');
    this.changed();
  }

  /** Finds up to k paths, draws any of their elements that are missing, and highlights them (the rest faded). */
  async findPaths(options: PathOptions, { fit = true }: { fit?: boolean } = {}): Promise<readonly ApiPath[]> {
    this.view = { ...this.view, path: options };
    let paths: ApiPath[] = [];
    try {
      paths = await this.source.paths({ ...options, asOf: this.view.asOf });
    } catch (error) {
      this.status(`Path search failed: ${(error as Error).message}`, 'error');
      fit = false;
    }
    this.showPaths(paths, { fit });
    return paths;
  }

  /** Draws any missing elements of these paths and highlights them, the rest faded; they are listed as paths found. */
  showPaths(paths: readonly ApiPath[], { fit = true }: { fit?: boolean } = {}): void {
    this.lastPaths = paths;
    for (const path of paths) this.drawing.add({ nodes: path.nodes, edges: path.hops.map((hop) => hop.relationship), truncated: false }, path.nodes[0]?.id ?? null);
    this.highlight(paths, fit);
    this.events.emit('paths', paths);
    this.changed();
  }

  clearPaths(): void {
    this.view = { ...this.view, path: null };
    this.lastPaths = null;
    this.highlight([], false);
    this.events.emit('paths', null);
    this.changed();
  }

  /** How many entities of each kind and relationships of each type are loaded (filtered ones included). */
  counts(): Counts {
    return this.drawing.counts();
  }

  /** The entities and relationships on screen: not filtered, not hidden, both ends shown. */
  visible(): { nodes: NodeSingular[]; edges: EdgeSingular[] } {
    return this.drawing.visible();
  }

  private filter(change: Partial<Pick<ViewState, 'hiddenKinds' | 'hiddenTypes' | 'hiddenNodes' | 'hideUndated'>>): void {
    this.view = { ...this.view, ...change };
    this.applyFilters();
    this.changed();
  }

  private applyFilters(): void {
    applyFilters(this.cy, this.view);
    this.events.emit('elements');
  }

  private highlight(paths: readonly ApiPath[], fit: boolean): void {
    highlightPaths(this.cy, paths);
    highlightSelection(this.cy, this.view.selected);
    this.applyFilters();
    const onPath = this.cy.elements('.on-path');
    if (fit && onPath.nonempty()) fitView(this.cy, onPath, 60);
  }

  /** Re-runs the last path search after the drawn elements changed. */
  private refreshPaths(): void {
    if (this.lastPaths) this.highlight(this.lastPaths, false);
    else this.applyFilters();
  }

  private refreshSelection(): void {
    const id = this.view.selected;
    if (!id) return;
    const element = this.cy.getElementById(id);
    if (element.empty()) this.select(null);
    else {
      element.select();
      highlightSelection(this.cy, id);
      this.events.emit('select', this.selection());
    }
  }

  private centre(element: Collection): void {
    if (this.cy.zoom() < 1) this.cy.zoom(1);
    this.cy.center(element);
  }

  private status(text: string | null, tone: Status['tone'] = 'info'): void {
    this.events.emit('status', text ? { text, tone } : null);
  }

  private changed(): void {
    this.events.emit('change', this.view);
  }
}
