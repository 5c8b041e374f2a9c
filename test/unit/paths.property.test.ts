import { buildGraph, type KnowledgeGraph } from '../../src/load';
import { compileFilter, kShortestPaths, PATH_COSTS, shortestPath, UNRATED_CONFIDENCE, type KPathsArgs, type Path, type PathCost } from '../../src/queries';
import { HUB_DEGREE } from '../../src/queries/paths/hub-lists';
import { randomDataset, randomDate, RANDOM_TYPES, seededRandom } from './paths-dataset';

/**
 * Property tests: on many seeded random graphs, the path queries must return exactly what a brute-force enumeration
 * of simple paths (over the Graphology graph and compileFilter, without the path index) says, under every
 * combination of arguments. Paths are distinct as sequences of entities: of the paths through the same entities
 * (parallel relationships), the first in the order of paths is the answer, and each of its hops lists the other
 * relationships that could stand in for it. Relationships without confidence cost −ln(UNRATED_CONFIDENCE).
 */

interface ReferencePath {
  readonly ids: string[];
  readonly nodes: string[];
  readonly cost: number;
  alternatives?: string[][];
}

interface Step {
  readonly id: string;
  readonly to: string;
  readonly forward: boolean;
}

function hopCost(graph: KnowledgeGraph, id: string, cost: PathCost): number {
  const record = graph.getEdgeAttributes(id).record;
  if (cost === 'HOPS') return 1;
  if (cost === 'WEIGHT') return record.weight ?? 1;
  return -Math.log(record.confidence ?? UNRATED_CONFIDENCE);
}

/** Greedy chronological check: t = max(t, lo) per hop must stay ≤ hi. */
function chronological(graph: KnowledgeGraph, ids: readonly string[]): boolean {
  let time = -Infinity;
  for (const id of ids) {
    const window = graph.getEdgeAttributes(id).time;
    time = Math.max(time, window.lo);
    if (time > window.hi) return false;
  }
  return true;
}

function compareReference(a: ReferencePath, b: ReferencePath): number {
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.ids.length !== b.ids.length) return a.ids.length - b.ids.length;
  for (let i = 0; i < a.ids.length; i++) if (a.ids[i] !== b.ids[i]) return a.ids[i] < b.ids[i] ? -1 : 1;
  return 0;
}

/** Every simple path from `from` to `to` allowed by the arguments, in the order of paths. */
function referencePaths(graph: KnowledgeGraph, from: string, to: string, args: KPathsArgs): ReferencePath[] {
  const filter = compileFilter(graph, { types: args.types, asOf: args.asOf, minConfidence: args.minConfidence, avoid: args.avoid });
  const cost = args.cost ?? 'HOPS';
  const maxLength = args.maxLength ?? 8;
  if (!filter.entityVisible(from, graph.getNodeAttributes(from)) || !filter.entityVisible(to, graph.getNodeAttributes(to))) return [];
  if (from === to) return [{ ids: [], nodes: [from], cost: 0, alternatives: [] }];
  const steps = new Map<string, Step[]>();
  const add = (at: string, step: Step) => steps.set(at, [...(steps.get(at) ?? []), step]);
  graph.forEachEdge((id, attributes, source, target) => {
    if (source === target || !filter.relationshipUsable(graph, id)) return;
    if (cost === 'CONFIDENCE' && (attributes.record.confidence ?? 1) === 0) return;
    add(source, { id, to: target, forward: true });
    if (!args.directed) add(target, { id, to: source, forward: false });
  });
  const found: ReferencePath[] = [];
  const nodes = [from];
  const ids: string[] = [];
  const walk = (at: string) => {
    if (at === to) {
      if (!args.chronological || chronological(graph, ids)) {
        found.push({ ids: [...ids], nodes: [...nodes], cost: ids.reduce((sum, id) => sum + hopCost(graph, id, cost), 0) });
      }
      return;
    }
    if (ids.length === maxLength) return;
    for (const step of steps.get(at) ?? []) {
      if (nodes.includes(step.to)) continue;
      nodes.push(step.to);
      ids.push(step.id);
      walk(step.to);
      nodes.pop();
      ids.pop();
    }
  };
  walk(from);
  // The best of each sequence of entities, with the other relationships each of its hops could have taken.
  const distinct = new Map<string, ReferencePath>();
  for (const path of found.sort(compareReference)) if (!distinct.has(path.nodes.join(','))) distinct.set(path.nodes.join(','), path);
  for (const path of distinct.values()) {
    path.alternatives = path.ids.map((chosen, i) =>
      (steps.get(path.nodes[i]) ?? [])
        .filter((step) => step.to === path.nodes[i + 1] && step.id !== chosen)
        .filter((step) => !args.chronological || chronological(graph, path.ids.map((id, j) => (j === i ? step.id : id))))
        .sort((a, b) => hopCost(graph, a.id, cost) - hopCost(graph, b.id, cost) || (a.id < b.id ? -1 : 1))
        .map((step) => step.id),
    );
  }
  return [...distinct.values()];
}

/** What every returned path must satisfy on its own. */
function checkPathShape(graph: KnowledgeGraph, path: Path, from: string, to: string, args: KPathsArgs): void {
  expect(path.length).toBe(path.hops.length);
  expect(path.nodes.length).toBe(path.length + 1);
  expect(path.nodes[0].id).toBe(from);
  expect(path.nodes[path.length].id).toBe(to);
  expect(new Set(path.nodes.map((node) => node.id)).size).toBe(path.nodes.length);
  expect(path.length).toBeLessThanOrEqual(args.maxLength ?? 8);
  path.hops.forEach((hop, i) => {
    expect(hop.from).toBe(path.nodes[i]);
    expect(hop.to).toBe(path.nodes[i + 1]);
    const [source, target] = hop.forward ? [hop.from.id, hop.to.id] : [hop.to.id, hop.from.id];
    expect([hop.relationship.source, hop.relationship.target]).toEqual([source, target]);
    if (args.directed) expect(hop.forward).toBe(true);
  });
  if (args.chronological) expect(chronological(graph, path.hops.map((hop) => hop.relationship.id))).toBe(true);
}

function randomArgs(random: () => number, graph: KnowledgeGraph, from: string, to: string, core: Pick<KPathsArgs, 'directed' | 'cost' | 'chronological'>, maxLengths = [1, 2, 3, 4, 8, 16]): KPathsArgs {
  const chance = (p: number) => random() < p;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const others = graph.nodes().filter((id) => id !== from && id !== to);
  return {
    ...core,
    k: pick([1, 2, 3, 5, 20]),
    maxLength: pick(maxLengths),
    ...(chance(0.3) && { types: RANDOM_TYPES.filter(() => chance(0.6)) }),
    ...(chance(0.3) && { asOf: randomDate(random, 2000, 2010) }),
    ...(chance(0.3) && others.length > 0 && { avoid: others.filter(() => chance(0.25)) }),
    ...(chance(0.3) && { minConfidence: pick([0, 0.5, 0.8]) }),
  };
}

const CORES = [false, true].flatMap((directed) => PATH_COSTS.flatMap((cost) => [false, true].map((chronological) => ({ directed, cost, chronological }))));
const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i);

/** Runs `queries` random queries on a graph and checks every answer against brute force. */
function checkAgainstBruteForce(seed: number, graph: KnowledgeGraph, random: () => number, core: Pick<KPathsArgs, 'directed' | 'cost' | 'chronological'>, queries: number, maxLengths?: number[]): void {
  const ids = graph.nodes();
  for (let query = 0; query < queries; query++) {
    const from = ids[Math.floor(random() * ids.length)];
    const to = random() < 0.1 ? from : ids[Math.floor(random() * ids.length)];
    const args = randomArgs(random, graph, from, to, core, maxLengths);
    const expected = referencePaths(graph, from, to, args);
    const context = JSON.stringify({ seed, from, to, args });

    const best = shortestPath(graph, from, to, args);
    const found = kShortestPaths(graph, from, to, args);
    const k = args.k ?? 3;
    for (const path of found) checkPathShape(graph, path, from, to, args);
    if (best) checkPathShape(graph, best, from, to, args);

    const simplify = (path: Path) => ({ ids: path.hops.map((hop) => hop.relationship.id), cost: path.cost, alternatives: path.hops.map((hop) => hop.alternatives.map((other) => other.id)) });
    const expectedSimple = expected.slice(0, k).map(({ ids, cost, alternatives }) => ({ ids, cost, alternatives }));
    expect({ context, paths: found.map(simplify) }).toEqual({ context, paths: expectedSimple });
    expect({ context, best: best && simplify(best) }).toEqual({ context, best: expectedSimple[0] ?? null });
    // k paths are distinct sequences of entities, in non-decreasing cost order.
    expect(new Set(found.map((path) => path.nodes.map((node) => node.id).join(','))).size).toBe(found.length);
    for (let i = 1; i < found.length; i++) expect(found[i].cost).toBeGreaterThanOrEqual(found[i - 1].cost);
  }
}

describe.each(SEEDS)('random graph %i', (seed) => {
  const random = seededRandom(seed);
  const graph = buildGraph(randomDataset(random));

  test.each(CORES)('directed=$directed cost=$cost chronological=$chronological: same paths as brute force', (core) => {
    checkAgainstBruteForce(seed, graph, random, core, 10);
  });
});

// A hub of more than HUB_DEGREE relationships: weighted searches take its relationships cheapest first (hub-lists.ts).
describe.each([2000, 2001, 2002, 2003, 2004, 2005])('random graph %i with a hub', (seed) => {
  const random = seededRandom(seed);
  const graph = buildGraph(randomDataset(random, { minNodes: 40, maxNodes: 50, edgesPerNode: 1.6, hub: 2 * HUB_DEGREE + 50 }));

  test('n0 is a hub both ways', () => {
    expect(graph.outDegree('n0')).toBeGreaterThan(HUB_DEGREE);
    expect(graph.inDegree('n0')).toBeGreaterThan(HUB_DEGREE);
  });
  test.each(CORES.filter((core) => core.cost !== 'HOPS'))('directed=$directed cost=$cost chronological=$chronological: same paths as brute force', (core) => {
    checkAgainstBruteForce(seed, graph, random, core, 8, [1, 2, 3, 4]);
  });
});
