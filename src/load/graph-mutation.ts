import { InvalidArgumentsGraphError, MultiDirectedGraph, NotFoundGraphError, UsageGraphError } from 'graphology';
import { readingMethods, visitAt } from './graph-iteration';
import type { KnowledgeGraph, RelationshipAttributes } from './knowledge-graph';

/*
 * Graphology's methods that change relationships or their attributes, serialise the graph or copy it, for
 * KnowledgeGraph; installed on its prototype with the reading methods of graph-iteration.ts. A relationship's
 * attributes are { record, window, time }, all derived from the record: setting `record` (or replacing or merging the
 * attributes) replaces the record; any other attribute name is refused.
 */

type Graph = KnowledgeGraph & Record<string, unknown>;
type Method = (this: Graph, ...args: unknown[]) => unknown;
type Attributes = Partial<RelationshipAttributes>;

const base = MultiDirectedGraph.prototype as unknown as Record<string, Method>;

function noUndirected(name: string): Method {
  return function () {
    throw new UsageGraphError(`Graph.${name}: you cannot use undirected edges in a directed graph; use the directed variant.`);
  };
}

function attributeMethods(methods: Record<string, Method>): void {
  for (const variant of ['', 'Directed', 'Undirected']) {
    const slotFor = (graph: Graph, name: string, args: unknown[], arity: number): number => {
      if (args.length > arity) {
        throw new UsageGraphError(`Graph.${name}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);
      }
      const slot = graph.slotOf(args[0], `Graph.${name}`);
      if (variant === 'Undirected') throw new NotFoundGraphError(`Graph.${name}: could not find an undirected edge "${String(args[0])}" in the graph.`);
      return slot;
    };
    const onlyRecord = (name: string, attribute: unknown) => {
      if (attribute !== 'record') throw new UsageGraphError(`Graph.${name}: relationship attributes are derived from "record"; set the record instead of "${String(attribute)}".`);
    };
    const edge = (suffix: string) => `${variant}Edge${suffix}`;
    methods[`get${edge('Attribute')}`] = function (...args) {
      const slot = slotFor(this, `get${edge('Attribute')}`, args, 2);
      return (this.attributesAt(slot) as unknown as Record<string, unknown>)[String(args[1])];
    };
    methods[`get${edge('Attributes')}`] = function (...args) {
      return this.attributesAt(slotFor(this, `get${edge('Attributes')}`, args, 1));
    };
    methods[`has${edge('Attribute')}`] = function (...args) {
      slotFor(this, `has${edge('Attribute')}`, args, 2);
      return ['record', 'window', 'time'].includes(String(args[1]));
    };
    methods[`set${edge('Attribute')}`] = function (...args) {
      const name = `set${edge('Attribute')}`;
      const slot = slotFor(this, name, args, 3);
      onlyRecord(name, args[1]);
      this.replaceRecord(`Graph.${name}`, slot, { record: args[2] as RelationshipAttributes['record'] });
      return this;
    };
    methods[`update${edge('Attribute')}`] = function (...args) {
      const name = `update${edge('Attribute')}`;
      const slot = slotFor(this, name, args, 3);
      onlyRecord(name, args[1]);
      const update = args[2] as (value: unknown) => RelationshipAttributes['record'];
      this.replaceRecord(`Graph.${name}`, slot, { record: update(this.attributesAt(slot).record) });
      return this;
    };
    methods[`remove${edge('Attribute')}`] = function (...args) {
      slotFor(this, `remove${edge('Attribute')}`, args, 2);
      throw new UsageGraphError(`Graph.remove${edge('Attribute')}: a relationship's attributes are derived from its record and cannot be removed.`);
    };
    methods[`replace${edge('Attributes')}`] = function (...args) {
      const name = `replace${edge('Attributes')}`;
      this.replaceRecord(`Graph.${name}`, slotFor(this, name, args, 2), args[1] as Attributes);
      return this;
    };
    methods[`merge${edge('Attributes')}`] = function (...args) {
      const name = `merge${edge('Attributes')}`;
      const slot = slotFor(this, name, args, 2);
      this.replaceRecord(`Graph.${name}`, slot, { ...this.attributesAt(slot), ...(args[1] as Attributes) });
      return this;
    };
    methods[`update${edge('Attributes')}`] = function (...args) {
      const name = `update${edge('Attributes')}`;
      const slot = slotFor(this, name, args, 2);
      this.replaceRecord(`Graph.${name}`, slot, (args[1] as (value: Attributes) => Attributes)(this.attributesAt(slot)));
      return this;
    };
  }
  methods.updateEachEdgeAttributes = function (updater) {
    if (typeof updater !== 'function') throw new InvalidArgumentsGraphError('Graph.updateEachEdgeAttributes: expecting an updater function.');
    for (let slot = 0; slot < this.table.count; slot++) {
      if (!this.table.isLive(slot)) continue;
      const source = this.keyOfNode(this.table.source[slot]);
      const target = this.keyOfNode(this.table.target[slot]);
      const attributes = (updater as (...values: unknown[]) => Attributes)(this.table.keys[slot], this.attributesAt(slot), source, target, this.getNodeAttributes(source), this.getNodeAttributes(target), false);
      this.replaceRecord('Graph.updateEachEdgeAttributes', slot, attributes);
    }
  };
}

/** getSourceAttribute(edge, …), getOppositeAttributes(node, edge)…: the node methods on an end of a relationship. */
function endAttributeMethods(methods: Record<string, Method>): void {
  const operations = ['get#Attribute', 'get#Attributes', 'has#Attribute', 'set#Attribute', 'update#Attribute', 'remove#Attribute', 'replace#Attributes', 'merge#Attributes', 'update#Attributes'];
  for (const end of ['Source', 'Target', 'Opposite']) {
    for (const operation of operations) {
      const name = operation.replace('#', end);
      const nodeMethod = operation.replace('#', 'Node');
      methods[name] = function (...args) {
        let node: string;
        if (end === 'Opposite') {
          node = (this.opposite as (node: unknown, edge: unknown) => string)(args[0], args[1]);
          args = args.slice(2);
        } else {
          const [source, target] = (this.extremities as (edge: unknown) => [string, string])(args[0]);
          node = end === 'Source' ? source : target;
          args = args.slice(1);
        }
        return (this[nodeMethod] as Method).call(this, node, ...args);
      };
    }
  }
}

function mutationMethods(methods: Record<string, Method>): void {
  const add = (name: string, withKey: boolean): Method =>
    function (...args) {
      const [key, source, target, attributes] = withKey ? args : [(args[2] as Attributes | undefined)?.record?.id, ...args];
      this.insertRelationship(`Graph.${name}`, String(key), String(source), String(target), attributes as Attributes);
      return String(key);
    };
  for (const variant of ['', 'Directed']) {
    methods[`add${variant}Edge`] = add(`add${variant}Edge`, false);
    methods[`add${variant}EdgeWithKey`] = add(`add${variant}EdgeWithKey`, true);
  }
  const upsert = (name: string, withKey: boolean, update: boolean): Method =>
    function (...args) {
      const [key, source, target, value] = withKey ? args : [undefined, ...args];
      const given = update ? undefined : (value as Attributes | undefined);
      const id = String(key ?? given?.record?.id ?? (update ? (value as (a: Attributes) => Attributes)({}).record?.id : undefined));
      const addedNodes = [source, target].map((node) => (this.hasNode(String(node)) ? false : (this.mergeNode(String(node)), true)));
      const slot = this.table.slotOf(id);
      if (slot >= 0) {
        const [s, t] = [this.keyOfNode(this.table.source[slot]), this.keyOfNode(this.table.target[slot])];
        if (s !== String(source) || t !== String(target)) throw new UsageGraphError(`Graph.${name}: inconsistency detected when attempting to merge the "${id}" edge with "${String(source)}" source & "${String(target)}" target vs. ("${s}", "${t}").`);
        const current = this.attributesAt(slot);
        this.replaceRecord(`Graph.${name}`, slot, update ? (value as (a: Attributes) => Attributes)(current) : { ...current, ...given });
        return [id, false, ...addedNodes];
      }
      this.insertRelationship(`Graph.${name}`, id, String(source), String(target), update ? (value as (a: Attributes) => Attributes)({}) : given);
      return [id, true, ...addedNodes];
    };
  for (const variant of ['', 'Directed']) {
    methods[`merge${variant}Edge`] = upsert(`merge${variant}Edge`, false, false);
    methods[`merge${variant}EdgeWithKey`] = upsert(`merge${variant}EdgeWithKey`, true, false);
    methods[`update${variant}Edge`] = upsert(`update${variant}Edge`, false, true);
    methods[`update${variant}EdgeWithKey`] = upsert(`update${variant}EdgeWithKey`, true, true);
  }
  for (const name of ['addUndirectedEdge', 'addUndirectedEdgeWithKey', 'mergeUndirectedEdge', 'mergeUndirectedEdgeWithKey', 'updateUndirectedEdge', 'updateUndirectedEdgeWithKey', 'dropUndirectedEdge']) {
    methods[name] = noUndirected(name);
  }
  for (const name of ['dropEdge', 'dropDirectedEdge']) {
    methods[name] = function (...args) {
      if (args.length > 1) throw new UsageGraphError(`Graph.${name}: cannot use a {source,target} combo when dropping an edge in a MultiGraph since we cannot infer the one you want to delete as there could be multiple ones.`);
      this.removeRelationship(this.slotOf(args[0], `Graph.${name}`));
      return this;
    };
  }
  methods.dropNode = function (node) {
    const key = String(node);
    if (!this.hasNode(key)) throw new NotFoundGraphError(`Graph.dropNode: could not find the "${key}" node in the graph.`);
    const slots: number[] = [];
    visitAt(this, 'all', this.numberOf(key), -1, (slot) => void slots.push(slot));
    for (const slot of slots) this.removeRelationship(slot);
    base.dropNode.call(this, key);
    this.forgetNode(key);
  };
  methods.clear = function () {
    this.resetRelationships(true);
    base.clear.call(this);
  };
  methods.clearEdges = function () {
    this.resetRelationships(false);
    this.emit('edgesCleared');
  };
}

function serialization(methods: Record<string, Method>): void {
  methods.export = function () {
    const exported = base.export.call(this) as { edges: unknown[] };
    const edges: unknown[] = [];
    for (let slot = 0; slot < this.table.count; slot++) {
      if (!this.table.isLive(slot)) continue;
      edges.push({ key: this.table.keys[slot], source: this.keyOfNode(this.table.source[slot]), target: this.keyOfNode(this.table.target[slot]), attributes: this.attributesAt(slot) });
    }
    return { ...exported, edges };
  };
  methods.toJSON = methods.export;
  methods.inspect = function () {
    return methods.export.call(this);
  };
  methods.nullCopy = function () {
    const copy = new (this.constructor as new () => KnowledgeGraph)();
    copy.replaceAttributes({ ...this.getAttributes() });
    return copy;
  };
  methods.emptyCopy = function () {
    const copy = methods.nullCopy.call(this) as KnowledgeGraph;
    this.forEachNode((key, attributes) => copy.addNode(key, { ...attributes }));
    return copy;
  };
  methods.copy = function () {
    const copy = methods.emptyCopy.call(this) as KnowledgeGraph;
    for (let slot = 0; slot < this.table.count; slot++) {
      if (this.table.isLive(slot)) copy.insertRelationship('Graph.copy', this.table.keys[slot], this.keyOfNode(this.table.source[slot]), this.keyOfNode(this.table.target[slot]), this.attributesAt(slot));
    }
    return copy;
  };
}

/** Every method KnowledgeGraph answers itself instead of Graphology, by name. */
export function relationshipMethods(): Record<string, Method> {
  const methods = readingMethods();
  attributeMethods(methods);
  endAttributeMethods(methods);
  mutationMethods(methods);
  serialization(methods);
  return methods;
}
