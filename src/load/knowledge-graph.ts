import { MultiDirectedGraph, NotFoundGraphError, UsageGraphError } from 'graphology';
import { entityWindow, relationshipTime, relationshipWindow, type EntityRecord, type RelationshipRecord, type SourceRecord, type Window } from '../model';
import { GraphAdjacency } from './graph-adjacency';
import { relationshipMethods } from './graph-mutation';
import { EVENT_TYPE, fromDay, OPEN_END } from './relationship-columns';
import type { Columns } from './relationship-codec';
import { RelationshipTable } from './relationship-table';

export interface EntityAttributes {
  readonly record: EntityRecord;
  /** When the entity is part of the network (asOf). */
  readonly window: Window;
}

export interface RelationshipAttributes {
  readonly record: RelationshipRecord;
  /** When the relationship is part of the network (asOf). */
  readonly window: Window;
  /** When the relationship was happening (chronological paths). */
  readonly time: Window;
}

export interface GraphAttributes {
  readonly sources: ReadonlyMap<string, SourceRecord>;
}

export function entityAttributes(record: EntityRecord): EntityAttributes {
  return { record, window: entityWindow(record) };
}

export function relationshipAttributes(record: RelationshipRecord): RelationshipAttributes {
  return { record, window: relationshipWindow(record), time: relationshipTime(record) };
}

/** What the path index reads: the graph compacted (nodes numbered densely, relationships in id order, no gaps). */
export interface CompactGraph {
  readonly nodeCount: number;
  readonly nodeKeys: readonly string[];
  readonly nodeNumbers: ReadonlyMap<string, number>;
  readonly table: RelationshipTable;
  readonly adjacency: GraphAdjacency;
}

/**
 * The knowledge graph: entities are nodes keyed by id, relationships are edges keyed by id. A Graphology
 * MultiDirectedGraph to its users — every method of Graphology's API works and answers as Graphology would — but
 * only the entities are Graphology nodes: the relationships live in columns (relationship-table.ts) with an adjacency
 * in typed arrays (graph-adjacency.ts), and their attributes ({ record, window, time }) are made from the columns when
 * asked for. A relationship costs about 100 bytes instead of the 700 or so of a Graphology edge with its parsed
 * record, and a graph of millions of relationships loads in seconds. The edge methods are installed by
 * graph-methods.ts; a relationship's record must be given as its `record` attribute, the other attributes are
 * derived from it.
 */
export class KnowledgeGraph extends MultiDirectedGraph<EntityAttributes, RelationshipAttributes, GraphAttributes> {
  /** @internal */ table = new RelationshipTable();
  /** @internal */ adjacency = GraphAdjacency.empty();
  /** @internal Node number → key (undefined once dropped); numbers are given on first need. */
  nodeKeys: (string | undefined)[] = [];
  /** @internal */ nodeNumbers = new Map<string, number>();
  /** @internal */ selfLoops = 0;
  /** Set by every change of the relationships' structure (added, dropped, retyped) or of the nodes: compact before indexing. */
  private dirty = false;

  constructor() {
    super({ allowSelfLoops: true });
    const count = (value: () => number) => ({ get: value, enumerable: true, configurable: true });
    Object.defineProperties(this, {
      size: count(() => this.table.live),
      directedSize: count(() => this.table.live),
      undirectedSize: count(() => 0),
      selfLoopCount: count(() => this.selfLoops),
      directedSelfLoopCount: count(() => this.selfLoops),
      undirectedSelfLoopCount: count(() => 0),
    });
  }

  /** @internal The number of a node of the graph (given now if it has none yet); throws NotFoundGraphError otherwise. */
  numberOf(key: string, method = 'Graph'): number {
    const known = this.nodeNumbers.get(key);
    if (known !== undefined) return known;
    if (!this.hasNode(key)) throw new NotFoundGraphError(`${method}: could not find the "${key}" node in the graph.`);
    const number = this.nodeKeys.length;
    this.nodeKeys.push(key);
    this.nodeNumbers.set(key, number);
    this.dirty = true;
    return number;
  }

  /** @internal The slot of a live relationship; throws NotFoundGraphError otherwise. */
  slotOf(key: unknown, method = 'Graph'): number {
    const slot = this.table.slotOf(String(key));
    if (slot < 0) throw new NotFoundGraphError(`${method}: could not find the "${String(key)}" edge in the graph.`);
    return slot;
  }

  /** @internal */
  keyOfNode(number: number): string {
    return this.nodeKeys[number]!;
  }

  /** @internal The attributes of a relationship, made from its columns: a new object every time. */
  attributesAt(slot: number): RelationshipAttributes {
    const table = this.table;
    const record = table.record(slot, this.keyOfNode(table.source[slot]), this.keyOfNode(table.target[slot]));
    const lo = fromDay(table.lo[slot]);
    const hi = fromDay(table.hi[slot]);
    return { record, window: { lo, hi: EVENT_TYPE[table.type[slot]] === 1 ? fromDay(OPEN_END) : hi }, time: { lo, hi } };
  }

  /** @internal Adds a relationship; the record is its only attribute that counts. */
  insertRelationship(method: string, key: string, source: string, target: string, attributes: Partial<RelationshipAttributes> | undefined): void {
    const record = recordOf(method, key, source, target, attributes);
    const s = this.numberOf(source, method);
    const t = this.numberOf(target, method);
    const slot = this.table.append(record, s, t);
    if (slot < 0) throw new UsageGraphError(`${method}: the "${key}" edge already exists in the graph.`);
    this.adjacency.add(slot, s, t);
    if (s === t) this.selfLoops++;
    this.dirty = true;
    // Making the attributes costs a record's decoding: only for a listener.
    if (this.listenerCount('edgeAdded') > 0) this.emit('edgeAdded', { key, source, target, attributes: this.attributesAt(slot), undirected: false });
  }

  /** @internal Replaces the record of a relationship; its ends cannot change (drop it and add it again). */
  replaceRecord(method: string, slot: number, attributes: Partial<RelationshipAttributes> | undefined): void {
    const table = this.table;
    const key = table.keys[slot];
    const record = recordOf(method, key, this.keyOfNode(table.source[slot]), this.keyOfNode(table.target[slot]), attributes);
    const type = table.type[slot];
    table.replace(slot, record);
    if (table.type[slot] !== type) this.dirty = true;
    if (this.listenerCount('edgeAttributesUpdated') > 0) this.emit('edgeAttributesUpdated', { key, type: 'replace', attributes: this.attributesAt(slot) });
  }

  /** @internal */
  removeRelationship(slot: number): void {
    const table = this.table;
    const key = table.keys[slot];
    const attributes = this.listenerCount('edgeDropped') > 0 ? this.attributesAt(slot) : null;
    const [s, t] = [table.source[slot], table.target[slot]];
    table.delete(slot);
    this.adjacency.remove(slot, s, t);
    if (s === t) this.selfLoops--;
    this.dirty = true;
    if (attributes) this.emit('edgeDropped', { key, attributes, source: this.keyOfNode(s), target: this.keyOfNode(t), undirected: false });
  }

  /** @internal Forgets every relationship (and, with nodes, every node number). */
  resetRelationships(nodes: boolean): void {
    this.table = new RelationshipTable();
    this.adjacency = GraphAdjacency.empty();
    this.selfLoops = 0;
    if (nodes) {
      this.nodeKeys = [];
      this.nodeNumbers = new Map();
    }
    this.dirty = true;
  }

  /** @internal Forgets a dropped node's number. */
  forgetNode(key: string): void {
    const number = this.nodeNumbers.get(key);
    if (number === undefined) return;
    this.nodeNumbers.delete(key);
    this.nodeKeys[number] = undefined;
    this.dirty = true;
  }

  /**
   * @internal Appends a relationship while loading (graph-builder.ts): no events, no adjacency until `compact`.
   * Returns false when the key is taken. `rest`: see RelationshipTable.append.
   */
  loadRelationship(record: RelationshipRecord, source: number, target: number, rest?: string): boolean {
    return this.loaded(this.table.append(record, source, target, rest), source, target);
  }

  /** @internal loadRelationship for a record whose columns were encoded elsewhere (RelationshipTable.appendEncoded). */
  loadEncoded(columns: Columns, at: number, source: number, target: number, extraRef: number): boolean {
    return this.loaded(this.table.appendEncoded(columns, at, source, target, extraRef), source, target);
  }

  /** False when the table refused the relationship (its id is taken); else counts it. */
  private loaded(slot: number, source: number, target: number): boolean {
    if (slot < 0) return false;
    if (source === target) this.selfLoops++;
    this.dirty = true;
    return true;
  }

  /**
   * @internal Sets the relationships of a graph whose nodes are the entities, in number order, as a snapshot kept them
   * compacted (load/graph-snapshot.ts): nothing is rebuilt.
   */
  restoreCompacted(nodeKeys: string[], table: RelationshipTable, adjacency: GraphAdjacency, selfLoops: number): void {
    if (nodeKeys.length !== this.order) throw new Error(`restoreCompacted: ${nodeKeys.length} node numbers for ${this.order} nodes`);
    this.nodeKeys = nodeKeys;
    this.nodeNumbers = new Map(nodeKeys.map((key, number) => [key, number]));
    this.table = table;
    this.adjacency = adjacency;
    this.selfLoops = selfLoops;
    this.dirty = false;
  }

  /**
   * @internal Takes over what `other` holds (nodes in its order with their attributes, the graph's attributes, the
   * relationships' columns), replacing all this graph held; `other` must not be used afterwards. Lets a graph be
   * rebuilt aside and swapped in whole, so a rebuild that fails leaves this graph as it was.
   */
  adopt(other: KnowledgeGraph): void {
    const { nodeKeys, table, adjacency } = other.compact();
    this.clear();
    other.forEachNode((key, attributes) => {
      this.addNode(key, attributes);
    });
    this.replaceAttributes(other.getAttributes());
    this.restoreCompacted(nodeKeys as string[], table, adjacency, other.selfLoops);
  }

  /**
   * @internal The graph compacted for indexing: every node numbered (in Graphology's node order), relationships in
   * id order without gaps, the adjacency rebuilt. Does the work only after a change of structure.
   */
  compact(): CompactGraph {
    if (this.dirty || this.nodeKeys.length !== this.order) {
      const keys: string[] = [];
      this.forEachNode((key) => {
        keys.push(key);
      });
      const same = keys.length === this.nodeKeys.length && keys.every((key, i) => this.nodeKeys[i] === key);
      let renumber: Int32Array | null = null;
      if (!same) {
        renumber = new Int32Array(this.nodeKeys.length).fill(-1);
        const numbers = new Map<string, number>();
        keys.forEach((key, i) => {
          numbers.set(key, i);
          const old = this.nodeNumbers.get(key);
          if (old !== undefined) renumber![old] = i;
        });
        this.nodeKeys = keys;
        this.nodeNumbers = numbers;
      }
      if (renumber || !this.table.ordered) this.table = this.table.compacted(renumber).table;
      else this.table.trim();
      this.adjacency = GraphAdjacency.build(this.nodeKeys.length, this.table);
      this.dirty = false;
    }
    return { nodeCount: this.nodeKeys.length, nodeKeys: this.nodeKeys as string[], nodeNumbers: this.nodeNumbers, table: this.table, adjacency: this.adjacency };
  }
}

// The relationship methods of Graphology's API, answered from the columns (graph-iteration.ts, graph-mutation.ts).
for (const [name, method] of Object.entries(relationshipMethods())) {
  Object.defineProperty(KnowledgeGraph.prototype, name, { value: method, writable: true, configurable: true, enumerable: false });
}
Object.defineProperty(KnowledgeGraph.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  value: (KnowledgeGraph.prototype as unknown as { inspect: unknown }).inspect,
  writable: true,
  configurable: true,
});

function recordOf(method: string, key: string, source: string, target: string, attributes: Partial<RelationshipAttributes> | undefined): RelationshipRecord {
  const record = attributes?.record;
  if (!record || typeof record !== 'object') {
    throw new UsageGraphError(`${method}: a relationship of the knowledge graph needs its record as the "record" attribute (see relationshipAttributes).`);
  }
  const extra = Object.keys(attributes).filter((name) => name !== 'record' && name !== 'window' && name !== 'time');
  if (extra.length > 0) throw new UsageGraphError(`${method}: relationship attributes are record, window and time (derived from the record); got ${extra.join(', ')}.`);
  if (record.id !== key || record.source !== source || record.target !== target) {
    throw new UsageGraphError(`${method}: the record of "${key}" says ${record.id}: ${record.source} → ${record.target}; the edge is ${key}: ${source} → ${target}.`);
  }
  return record;
}
