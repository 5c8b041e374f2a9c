import type { Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';
import type { EntityKind } from '../src/model/kinds';
import type { RelationType } from '../src/model/relation-rules';
import { placeInFreeSpace } from './free-placement';
import { spotBesideNeighbours, positionOf, runFullLayout, type Box, type Layouts } from './layouts';
import { subgraphToElements, type EdgeData, type NodeData } from './mapping';
import type { ApiSubgraph } from './types';
import type { MovedNode } from './url-state';

export interface Counts {
  readonly byKind: ReadonlyMap<EntityKind, number>;
  readonly byType: ReadonlyMap<RelationType, number>;
  /** Relationships with neither a start nor an end date. */
  readonly undated: number;
}

/**
 * What is drawn and where: puts subgraphs on the canvas, keeps nodes in place, places newcomers, lays out when there is
 * nothing to keep. The controller decides what to show; this decides how it lands.
 */
export class Drawing {
  /** Where each entity sat in the whole-network layout, so nodes keep their place across dates and resets. */
  private readonly memory = new Map<string, Position>();
  /** The same before the analyst dragged anything. */
  private readonly laidOut = new Map<string, Position>();

  constructor(
    private readonly cy: Core,
    private readonly layouts: Layouts,
    /** Whether positions are remembered now. */
    private readonly remembering: () => boolean,
  ) {}

  remember(node: NodeSingular): void {
    if (this.remembering()) this.memory.set(node.id(), positionOf(node));
  }

  /** Replaces the drawn elements with a subgraph; nodes already drawn stay where they are (all laid out when none stays). */
  replace(subgraph: ApiSubgraph): void {
    const elements = subgraphToElements(subgraph);
    const wanted = new Set(elements.map((element) => element.data.id as string));
    this.cy.batch(() => {
      this.cy.elements().filter((element) => !wanted.has(element.id())).remove();
    });
    this.insert(elements, null, true);
  }

  /**
   * Adds the parts of a subgraph not yet drawn, newcomers placed near their neighbours (or around `anchor`); never lays
   * out what is already drawn. Returns how many nodes were added.
   */
  add(subgraph: ApiSubgraph, anchor: string | null): number {
    const elements = subgraphToElements(subgraph).filter((element) => this.cy.getElementById(element.data.id as string).empty());
    return this.insert(elements, anchor, false);
  }

  /** Puts dragged entities back where the analyst left them (those not drawn now, when they come); whether any drawn moved. */
  applyMoved(moved: readonly MovedNode[]): boolean {
    let any = false;
    this.cy.batch(() => {
      for (const { id, x, y } of moved) {
        if (this.remembering()) this.memory.set(id, { x, y });
        const node = this.cy.getElementById(id);
        if (node.empty() || !node.isNode()) continue;
        node.position({ x, y });
        any = true;
      }
    });
    return any;
  }

  private insert(elements: ReturnType<typeof subgraphToElements>, anchor: string | null, mayLayout: boolean): number {
    const fresh: NodeSingular[] = [];
    const hadNodes = this.cy.nodes().length > 0;
    this.cy.batch(() => {
      for (const element of elements) {
        const id = element.data.id as string;
        let existing = this.cy.getElementById(id);
        // An edge's ends cannot change in place (an edit re-pointed it): draw it anew.
        if (existing.nonempty() && existing.isEdge() && (existing.data('source') !== element.data.source || existing.data('target') !== element.data.target)) {
          existing.remove();
          existing = this.cy.collection();
        }
        if (existing.nonempty()) {
          existing.data(element.data);
          continue;
        }
        const remembered = this.remembering() ? this.memory.get(id) : undefined;
        // Newcomers start on a spiral (never on one spot, where edges cannot be drawn) until placed or laid out.
        const start = remembered ?? { x: 40 * Math.sqrt(fresh.length) * Math.cos(fresh.length * 2.4), y: 40 * Math.sqrt(fresh.length) * Math.sin(fresh.length * 2.4) };
        const added = this.cy.add(element.group === 'nodes' ? { ...element, position: { ...start } } : element);
        if (added.isNode() && !remembered) fresh.push(added as unknown as NodeSingular);
      }
    });
    if (fresh.length === 0) return 0;
    if (mayLayout && (!hadNodes || fresh.length === this.cy.nodes().length)) {
      this.runLayout();
      return fresh.length;
    }
    this.placeNewcomers(fresh, anchor);
    return fresh.length;
  }

  /** Places each newcomer on a free spot near its drawn neighbours (or the anchor), leaving every other node where it is. */
  private placeNewcomers(fresh: readonly NodeSingular[], anchor: string | null): void {
    const freshIds = new Set(fresh.map((node) => node.id()));
    const anchorNode = anchor ? this.cy.getElementById(anchor) : null;
    const boxOf = (node: NodeSingular): Box => ({ id: node.id(), ...node.boundingBox({ includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false }) });
    const occupied: Box[] = this.cy
      .nodes()
      .filter((node) => !freshIds.has(node.id()))
      .map((node) => boxOf(node as NodeSingular));
    fresh.forEach((node, index) => {
      const placed = node.neighborhood('node').filter((other) => !freshIds.has(other.id()));
      const anchors = placed.nonempty() ? placed.map((other) => positionOf(other as NodeSingular)) : anchorNode && anchorNode.nonempty() ? [positionOf(anchorNode as NodeSingular)] : [];
      const own = boxOf(node);
      const position =
        spotBesideNeighbours(anchors, { w: own.x2 - own.x1 + 8, h: own.y2 - own.y1 + 8 }, occupied) ??
        placeInFreeSpace(this.cy, node, new Set(fresh.slice(index + 1).map((other) => other.id())));
      this.place(node, position);
      occupied.push(boxOf(node));
    });
  }

  /** Puts dragged entities back where the layout had put them, and forgets the drags. */
  forgetMoves(): void {
    this.memory.clear();
    for (const [id, position] of this.laidOut) this.memory.set(id, position);
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const position = this.laidOut.get(node.id());
        if (position) node.position(position);
      });
    });
  }

  private place(node: NodeSingular, position: Position): void {
    node.position(position);
    if (!this.remembering()) return;
    this.memory.set(node.id(), position);
    this.laidOut.set(node.id(), position);
  }

  private runLayout(): void {
    runFullLayout(this.cy, this.layouts);
    this.cy.nodes().forEach((node) => this.place(node, positionOf(node)));
  }

  /** How many entities of each kind and relationships of each type are loaded (filtered ones included). */
  counts(): Counts {
    const byKind = new Map<EntityKind, number>();
    const byType = new Map<RelationType, number>();
    this.cy.nodes().forEach((node) => {
      const kind = (node.data() as NodeData).kind;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    });
    let undated = 0;
    this.cy.edges().forEach((edge) => {
      const data = edge.data() as EdgeData;
      byType.set(data.type, (byType.get(data.type) ?? 0) + 1);
      if (data.undated) undated += 1;
    });
    return { byKind, byType, undated };
  }

  /** The entities and relationships on screen: not filtered, not hidden, both ends shown. */
  visible(): { nodes: NodeSingular[]; edges: EdgeSingular[] } {
    const nodes = this.cy.nodes().filter((node) => !node.hasClass('filtered'));
    const shown = new Set(nodes.map((node) => node.id()));
    const edges = this.cy.edges().filter((edge) => !edge.hasClass('filtered') && shown.has(edge.source().id()) && shown.has(edge.target().id()));
    return { nodes: nodes.toArray() as NodeSingular[], edges: edges.toArray() as EdgeSingular[] };
  }
}
