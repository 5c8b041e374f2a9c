import { InvalidArgumentsGraphError, NotFoundGraphError, UsageGraphError } from 'graphology';
import type { KnowledgeGraph } from './knowledge-graph';

/*
 * Graphology's methods that read relationships, for KnowledgeGraph (which keeps them in columns): the edge and
 * neighbour iteration families (edges, forEachOutEdge, mapInNeighbors, someEdge, edgeEntries…), degrees and structure
 * (extremities, opposite, hasEdge…). Each answers what Graphology answers for a directed multigraph: there are no
 * undirected edges; `edges(node)` lists a self-loop once, `degree(node)` counts it twice; `edges(a, b)` lists the
 * relationships between a and b either way, `outEdges(a, b)` only a → b.
 */

/** Which relationships of a node a family lists. */
type Kind = 'all' | 'out' | 'in' | 'none';
type Graph = KnowledgeGraph & Record<string, unknown>;
type Method = (this: Graph, ...args: unknown[]) => unknown;

const FAMILIES: readonly (readonly [string, Kind])[] = [
  ['Edge', 'all'],
  ['OutEdge', 'out'],
  ['InEdge', 'in'],
  ['InboundEdge', 'in'],
  ['OutboundEdge', 'out'],
  ['DirectedEdge', 'all'],
  ['UndirectedEdge', 'none'],
];

const lower = (name: string) => name[0].toLowerCase() + name.slice(1);

/** Calls visit(slot) for the live relationships at `v` of a kind, each once (to `w` only, when w ≥ 0); stops on true. */
export function visitAt(graph: KnowledgeGraph, kind: Kind, v: number, w: number, visit: (slot: number) => boolean | void): boolean {
  if (kind === 'none') return false;
  const table = graph.table;
  const take = (outgoing: boolean) =>
    graph.adjacency.visit(v, outgoing, (slot) => {
      if (!table.isLive(slot)) return false;
      const s = table.source[slot];
      const t = table.target[slot];
      if (kind === 'all' && outgoing && s === t) return false; // listed with the in-edges already
      if (w >= 0 && (outgoing ? t : s) !== w) return false;
      return visit(slot);
    });
  if (kind !== 'out' && take(false)) return true;
  return kind !== 'in' && take(true);
}

/** Calls visit(slot) for the relationships a family lists with these leading arguments (none, a node, or two). */
function visitFamily(graph: KnowledgeGraph, kind: Kind, method: string, nodes: readonly unknown[], visit: (slot: number) => boolean | void): void {
  if (nodes.length === 0) {
    if (kind === 'none') return;
    const table = graph.table;
    for (let slot = 0; slot < table.count; slot++) if (table.isLive(slot) && visit(slot) === true) return;
    return;
  }
  if (nodes.length > 2) throw new InvalidArgumentsGraphError(`Graph.${method}: too many arguments (expecting 0, 1 or 2 and got ${nodes.length}).`);
  const v = graph.numberOf(String(nodes[0]), `Graph.${method}`);
  const w = nodes.length === 2 ? graph.numberOf(String(nodes[1]), `Graph.${method}`) : -1;
  visitAt(graph, kind, v, w, visit);
}

/** The neighbours of a node for a kind, each once, in the order their first relationship is listed. */
function neighborsOf(graph: KnowledgeGraph, kind: Kind, method: string, node: unknown): number[] {
  const v = graph.numberOf(String(node), `Graph.${method}`);
  const seen = new Set<number>();
  const table = graph.table;
  visitAt(graph, kind, v, -1, (slot) => {
    seen.add(table.source[slot] === v ? table.target[slot] : table.source[slot]);
  });
  return [...seen];
}

/** Splits (nodes…, callback, rest…) arguments. */
function split(method: string, args: unknown[]): { nodes: unknown[]; callback: (...values: unknown[]) => unknown; rest: unknown[] } {
  const at = args.findIndex((arg) => typeof arg === 'function');
  if (at < 0) throw new InvalidArgumentsGraphError(`Graph.${method}: expecting a callback.`);
  return { nodes: args.slice(0, at), callback: args[at] as (...values: unknown[]) => unknown, rest: args.slice(at + 1) };
}

/** The arguments Graphology gives an edge callback; node attributes only when the callback takes them. */
function edgeArguments(graph: KnowledgeGraph, slot: number, wantsNodes: boolean): unknown[] {
  const table = graph.table;
  const source = graph.keyOfNode(table.source[slot]);
  const target = graph.keyOfNode(table.target[slot]);
  const base = [table.keys[slot], graph.attributesAt(slot), source, target];
  return wantsNodes ? [...base, graph.getNodeAttributes(source), graph.getNodeAttributes(target), false] : base;
}

function edgeFamily(methods: Record<string, Method>, singular: string, kind: Kind): void {
  const plural = `${singular}s`;
  methods[lower(plural)] = function (...nodes) {
    const keys: string[] = [];
    visitFamily(this, kind, lower(plural), nodes, (slot) => {
      keys.push(this.table.keys[slot]);
    });
    return keys;
  };
  const iterate = (name: string, finish: (graph: Graph, callback: (...values: unknown[]) => unknown, rest: unknown[], each: (step: (values: unknown[], slot: number) => boolean | void) => void) => unknown): void => {
    methods[name] = function (...args) {
      const { nodes, callback, rest } = split(name, args);
      // Node attributes cost two lookups: given when the callback declares them (or takes rest arguments).
      const wantsNodes = callback.length === 0 || callback.length > 4 || name.startsWith('reduce');
      return finish(this, callback, rest, (step) => visitFamily(this, kind, name, nodes, (slot) => step(edgeArguments(this, slot, wantsNodes), slot)));
    };
  };
  iterate(`forEach${singular}`, (_g, callback, _rest, each) => each((values) => void callback(...values)));
  iterate(`map${plural}`, (_g, callback, _rest, each) => {
    const result: unknown[] = [];
    each((values) => void result.push(callback(...values)));
    return result;
  });
  iterate(`filter${plural}`, (graph, callback, _rest, each) => {
    const result: string[] = [];
    each((values, slot) => void (callback(...values) && result.push(graph.table.keys[slot])));
    return result;
  });
  iterate(`reduce${plural}`, (_g, callback, rest, each) => {
    if (rest.length === 0) throw new InvalidArgumentsGraphError(`Graph.reduce${plural}: missing initial value. You must provide it because the callback takes more than one argument and we cannot infer the initial value from the first iteration, as you could with a simple array.`);
    let accumulator = rest[0];
    each((values) => void (accumulator = callback(accumulator, ...values)));
    return accumulator;
  });
  iterate(`some${singular}`, (_g, callback, _rest, each) => {
    let found = false;
    each((values) => (found = Boolean(callback(...values))));
    return found;
  });
  iterate(`every${singular}`, (_g, callback, _rest, each) => {
    let all = true;
    each((values) => !(all = Boolean(callback(...values))));
    return all;
  });
  iterate(`find${singular}`, (graph, callback, _rest, each) => {
    let found: string | undefined;
    each((values, slot) => {
      if (!callback(...values)) return false;
      found = graph.table.keys[slot];
      return true;
    });
    return found;
  });
  methods[`${lower(singular)}Entries`] = function* (this: Graph, ...nodes: unknown[]) {
    const slots: number[] = [];
    visitFamily(this, kind, `${lower(singular)}Entries`, nodes, (slot) => void slots.push(slot));
    for (const slot of slots) {
      if (!this.table.isLive(slot)) continue;
      const [edge, attributes, source, target, sourceAttributes, targetAttributes, undirected] = edgeArguments(this, slot, true);
      yield { edge, attributes, source, target, sourceAttributes, targetAttributes, undirected };
    }
  } as Method;
}

function neighborFamily(methods: Record<string, Method>, singular: string, kind: Kind): void {
  const plural = `${singular}s`;
  methods[lower(plural)] = function (node) {
    return neighborsOf(this, kind, lower(plural), node).map((n) => this.keyOfNode(n));
  };
  const iterate = (name: string, finish: (callback: (...values: unknown[]) => unknown, rest: unknown[], pairs: [string, unknown][]) => unknown): void => {
    methods[name] = function (...args) {
      const { nodes, callback, rest } = split(name, args);
      if (nodes.length !== 1) throw new InvalidArgumentsGraphError(`Graph.${name}: expecting a node and a callback.`);
      const pairs = neighborsOf(this, kind, name, nodes[0]).map((n): [string, unknown] => [this.keyOfNode(n), this.getNodeAttributes(this.keyOfNode(n))]);
      return finish(callback, rest, pairs);
    };
  };
  iterate(`forEach${singular}`, (callback, _rest, pairs) => void pairs.forEach(([key, attributes]) => callback(key, attributes)));
  iterate(`map${plural}`, (callback, _rest, pairs) => pairs.map(([key, attributes]) => callback(key, attributes)));
  iterate(`filter${plural}`, (callback, _rest, pairs) => pairs.filter(([key, attributes]) => callback(key, attributes)).map(([key]) => key));
  iterate(`reduce${plural}`, (callback, rest, pairs) => {
    if (rest.length === 0) throw new InvalidArgumentsGraphError(`Graph.reduce${plural}: missing initial value.`);
    return pairs.reduce((accumulator, [key, attributes]) => callback(accumulator, key, attributes), rest[0]);
  });
  iterate(`some${singular}`, (callback, _rest, pairs) => pairs.some(([key, attributes]) => callback(key, attributes)));
  iterate(`every${singular}`, (callback, _rest, pairs) => pairs.every(([key, attributes]) => callback(key, attributes)));
  iterate(`find${singular}`, (callback, _rest, pairs) => pairs.find(([key, attributes]) => callback(key, attributes))?.[0]);
  methods[`${lower(singular)}Entries`] = function* (this: Graph, node: unknown) {
    for (const n of neighborsOf(this, kind, `${lower(singular)}Entries`, node)) yield { neighbor: this.keyOfNode(n), attributes: this.getNodeAttributes(this.keyOfNode(n)) };
  } as Method;
  methods[`are${plural}`] = function (node, neighbor) {
    if (!this.hasNode(String(node))) throw new NotFoundGraphError(`Graph.are${plural}: could not find the "${String(node)}" node in the graph.`);
    if (!this.hasNode(String(neighbor))) return false;
    const v = this.numberOf(String(node));
    const w = this.numberOf(String(neighbor));
    // a and b are out-neighbours when a → b; in-neighbours when b → a.
    return visitAt(this, kind, v, w, () => true);
  };
}

/** Degrees: in, out and all count a self-loop once in each direction; the WithoutSelfLoops variants leave them out. */
function degrees(methods: Record<string, Method>): void {
  const count = (graph: Graph, kind: Kind, method: string, node: unknown, loops: boolean): number => {
    const v = graph.numberOf(String(node), `Graph.${method}`);
    let total = 0;
    const table = graph.table;
    for (const outgoing of kind === 'all' ? [false, true] : kind === 'none' ? [] : [kind === 'out']) {
      graph.adjacency.visit(v, outgoing, (slot) => {
        if (table.isLive(slot) && (loops || table.source[slot] !== table.target[slot])) total++;
      });
    }
    return total;
  };
  for (const [name, kind] of [['degree', 'all'], ['inDegree', 'in'], ['outDegree', 'out'], ['inboundDegree', 'in'], ['outboundDegree', 'out'], ['directedDegree', 'all'], ['undirectedDegree', 'none']] as const) {
    methods[name] = function (node) {
      return count(this, kind, name, node, true);
    };
    methods[`${name}WithoutSelfLoops`] = function (node) {
      return count(this, kind, `${name}WithoutSelfLoops`, node, false);
    };
  }
}

/** Questions about one relationship or a pair of nodes. */
function structure(methods: Record<string, Method>): void {
  const ends = (graph: Graph, edge: unknown, method: string): [string, string] => {
    const slot = graph.slotOf(edge, `Graph.${method}`);
    return [graph.keyOfNode(graph.table.source[slot]), graph.keyOfNode(graph.table.target[slot])];
  };
  methods.extremities = function (edge) {
    return ends(this, edge, 'extremities');
  };
  methods.source = function (edge) {
    return ends(this, edge, 'source')[0];
  };
  methods.target = function (edge) {
    return ends(this, edge, 'target')[1];
  };
  methods.opposite = function (node, edge) {
    const [source, target] = ends(this, edge, 'opposite');
    if (String(node) === source) return target;
    if (String(node) === target) return source;
    throw new NotFoundGraphError(`Graph.opposite: the "${String(node)}" node is not attached to the "${String(edge)}" edge (${source}, ${target}).`);
  };
  methods.hasExtremity = function (edge, node) {
    return ends(this, edge, 'hasExtremity').includes(String(node));
  };
  methods.isSelfLoop = function (edge) {
    const [source, target] = ends(this, edge, 'isSelfLoop');
    return source === target;
  };
  methods.isDirected = function (edge) {
    this.slotOf(edge, 'Graph.isDirected');
    return true;
  };
  methods.isUndirected = function (edge) {
    this.slotOf(edge, 'Graph.isUndirected');
    return false;
  };
  for (const name of ['edge', 'directedEdge', 'undirectedEdge']) {
    methods[name] = function () {
      throw new UsageGraphError(`Graph.${name}: this method is irrelevant with multigraphs since there might be multiple edges between source & target. See #.${name}s instead.`);
    };
  }
  for (const [name, directed] of [['hasEdge', true], ['hasDirectedEdge', true], ['hasUndirectedEdge', false]] as const) {
    methods[name] = function (...args) {
      if (args.length === 1) return directed && this.table.slotOf(String(args[0])) >= 0;
      if (args.length !== 2) throw new InvalidArgumentsGraphError(`Graph.${name}: invalid arity (${args.length}, instead of 1 or 2).`);
      const [source, target] = args.map(String);
      if (!directed || !this.hasNode(source) || !this.hasNode(target)) return false;
      return visitAt(this, 'out', this.numberOf(source), this.numberOf(target), () => true);
    };
  }
  const adjacency = function (this: Graph, callback: (...values: unknown[]) => void, orphans: boolean) {
    this.forEachNode((node, attributes) => {
      const v = this.numberOf(node);
      let any = false;
      visitAt(this, 'out', v, -1, (slot) => {
        any = true;
        const neighbor = this.keyOfNode(this.table.target[slot]);
        callback(node, neighbor, attributes, this.getNodeAttributes(neighbor), this.table.keys[slot], this.attributesAt(slot), false);
      });
      if (!any && orphans) callback(node, null, attributes, null, null, null, null);
    });
  };
  methods.forEachAdjacencyEntry = function (callback) {
    adjacency.call(this, callback as never, false);
  };
  methods.forEachAssymetricAdjacencyEntry = methods.forEachAdjacencyEntry;
  methods.forEachAdjacencyEntryWithOrphans = function (callback) {
    adjacency.call(this, callback as never, true);
  };
  methods.forEachAssymetricAdjacencyEntryWithOrphans = methods.forEachAdjacencyEntryWithOrphans;
}

/** Every reading method, by name. */
export function readingMethods(): Record<string, Method> {
  const methods: Record<string, Method> = {};
  for (const [singular, kind] of FAMILIES) {
    edgeFamily(methods, singular, kind);
    neighborFamily(methods, singular.replace('Edge', 'Neighbor'), kind);
  }
  degrees(methods);
  structure(methods);
  return methods;
}
