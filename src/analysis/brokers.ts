import { InvalidInputError, type EntityRecord } from '../model';
import type { KnowledgeGraph } from '../load';
import { requireEntity, type Path } from '../queries';
import { analysisSnapshot, type AnalysisSnapshot } from './analysis-cache';
import type { AnalysisArgs } from './analysis-args';
import { brokerPath } from './broker-paths';
import { isPending, type PendingWork, type Work } from './paced-work';

/**
 * Brokers between two groups: for each entity v, the sum over pairs (s in `from`, t in `to`, s ≠ t) of the share of
 * shortest s–t paths through v (v ≠ s, t): networkx's betweenness_centrality_subset without its halving for
 * undirected graphs. `share` divides it by the number of connected pairs: the part of all the shortest-path traffic
 * between the groups that passes through v. Members of either group can be brokers too (`group` says so).
 */

export const BROKERS_DEFAULTS = { limit: 20 } as const;
export const BROKER_LIMITS = { maxLimit: 500, maxGroup: 2000 } as const;

export type BrokerGroup = 'FROM' | 'TO';

export interface BrokersArgs extends AnalysisArgs {
  readonly limit?: number | null;
}

export interface Broker {
  readonly entity: EntityRecord;
  readonly rank: number;
  /** Σ over pairs of the share of their shortest paths through the entity. */
  readonly score: number;
  /** score / connected pairs, 0..1. */
  readonly share: number;
  /** The group the entity itself belongs to, if any. */
  readonly group: BrokerGroup | null;
  /** Shortest paths between the groups through the entity, hop by hop with each relationship's evidence. */
  paths(limit: number): Path[];
}

export interface BrokersResult {
  /** Pairs (s, t) of the groups joined by at least one path under the filters. */
  readonly connectedPairs: number;
  readonly unconnectedPairs: number;
  readonly brokers: readonly Broker[];
}

function checkGroup(graph: KnowledgeGraph, ids: readonly string[], argument: string): string[] {
  if (ids.length === 0) throw new InvalidInputError(argument, 'must name at least one entity');
  const unique = [...new Set(ids)];
  if (unique.length > BROKER_LIMITS.maxGroup) throw new InvalidInputError(argument, `names ${unique.length} entities; at most ${BROKER_LIMITS.maxGroup}`);
  for (const id of unique) requireEntity(graph, id, argument);
  return unique;
}

export function brokers(graph: KnowledgeGraph, from: readonly string[], to: readonly string[], args: BrokersArgs): BrokersResult {
  const query = brokerQuery(graph, from, to, args);
  return answer(graph, query, query.snapshot.now(query.key, query.work));
}

/**
 * The same search computed in the background (paced-work.ts) when it is not known yet: null when brokers() will
 * answer at once, else the pending computation to wait for. Only the latest pair of groups is kept per network.
 */
export function brokersPending(graph: KnowledgeGraph, from: readonly string[], to: readonly string[], args: BrokersArgs): PendingWork<unknown> | null {
  const query = brokerQuery(graph, from, to, args);
  query.snapshot.forget('brokers:', query.key);
  const what = `The brokers between ${query.s.length.toLocaleString('en-US')} and ${query.t.length.toLocaleString('en-US')} entities`;
  const result = query.snapshot.soon(query.key, what, query.work);
  return isPending(result) ? result : null;
}

interface BrokerQuery {
  readonly snapshot: AnalysisSnapshot;
  readonly sources: readonly string[];
  readonly targets: readonly string[];
  readonly s: readonly number[];
  readonly t: readonly number[];
  readonly swapped: boolean;
  readonly limit: number;
  readonly key: string;
  readonly work: () => Work<Accumulated>;
}

function brokerQuery(graph: KnowledgeGraph, from: readonly string[], to: readonly string[], args: BrokersArgs): BrokerQuery {
  const limit = args.limit ?? BROKERS_DEFAULTS.limit;
  if (!Number.isInteger(limit) || limit < 0 || limit > BROKER_LIMITS.maxLimit) throw new InvalidInputError('limit', `must be an integer from 0 to ${BROKER_LIMITS.maxLimit}, got ${limit}`);
  const sources = checkGroup(graph, from, 'from');
  const targets = checkGroup(graph, to, 'to');
  const both = sources.filter((id) => targets.includes(id));
  if (both.length > 0) throw new InvalidInputError('to', `"${both[0]}" is in both groups; an entity can be in one of from and to`);

  const snapshot = analysisSnapshot(graph, args);
  const { indexOf } = snapshot.analysis;
  const present = (ids: string[]) => ids.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
  let s = present(sources);
  let t = present(targets);
  const swapped = !snapshot.analysis.directed && t.length < s.length;
  if (swapped) [s, t] = [t, s];
  return { snapshot, sources, targets, s, t, swapped, limit, key: `brokers:${s.join(',')}>${t.join(',')}`, work: () => accumulate(snapshot, s, t) };
}

function answer(graph: KnowledgeGraph, query: BrokerQuery, result: Accumulated): BrokersResult {
  const { snapshot, sources, targets, t, swapped, limit } = query;
  const { indexOf } = snapshot.analysis;
  const present = (ids: readonly string[]) => ids.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
  const totalPairs = sources.length * targets.length;
  const group = new Map<number, BrokerGroup>();
  for (const i of present(sources)) group.set(i, 'FROM');
  for (const i of present(targets)) group.set(i, 'TO');

  const order = Array.from(result.score.keys())
    .filter((v) => result.score[v] > 1e-12)
    .sort((a, b) => result.score[b] - result.score[a] || a - b)
    .slice(0, limit);
  return {
    connectedPairs: result.pairs,
    unconnectedPairs: totalPairs - result.pairs,
    brokers: order.map((v, position) => ({
      entity: graph.getNodeAttributes(snapshot.analysis.ids[v]).record,
      rank: position + 1,
      score: result.score[v],
      share: result.pairs > 0 ? result.score[v] / result.pairs : 0,
      group: group.get(v) ?? null,
      paths: (count: number) => {
        const witnesses = result.witnesses(v, count);
        return witnesses.map((source) => brokerPath(graph, snapshot, source, v, t, swapped)).filter((path): path is Path => path !== null);
      },
    })),
  };
}

/** Witnesses kept per broker: the sources whose paths through it weigh most. */
const WITNESSES = 3;

interface Accumulated {
  readonly score: Float64Array;
  readonly pairs: number;
  witnesses(v: number, count: number): number[];
}

function* accumulate(snapshot: AnalysisSnapshot, sources: readonly number[], targets: readonly number[]): Work<Accumulated> {
  const n = snapshot.order;
  const isTarget = new Uint8Array(n);
  for (const t of targets) isTarget[t] = 1;
  const search = snapshot.searcher();
  const { visited, distance, sigma, inStarts, inNeighbors } = search;
  const delta = new Float64Array(n);
  const score = new Float64Array(n);
  const witness = new Int32Array(n * WITNESSES).fill(-1);
  const weight = new Float64Array(n * WITNESSES);
  let pairs = 0;
  for (let p = 0; p < sources.length; p++) {
    const s = sources[p];
    search.run(s);
    for (let i = search.count - 1; i > 0; i--) {
      const w = visited[i];
      const own = isTarget[w] ? 1 : 0;
      pairs += own;
      const coefficient = (own + delta[w]) / sigma[w];
      const before = distance[w] - 1;
      for (let j = inStarts[w], end = inStarts[w + 1]; j < end; j++) {
        const v = inNeighbors[j];
        if (distance[v] === before) delta[v] += sigma[v] * coefficient;
      }
      if (delta[w] > 0) {
        score[w] += delta[w];
        keepWitness(witness, weight, w, s, delta[w]);
      }
      delta[w] = 0;
    }
    delta[s] = 0;
    yield (p + 1) / sources.length;
  }
  return {
    score,
    pairs,
    witnesses: (v: number, count: number) => {
      const found: number[] = [];
      for (let j = 0; j < Math.min(count, WITNESSES); j++) if (witness[v * WITNESSES + j] >= 0) found.push(witness[v * WITNESSES + j]);
      return found;
    },
  };
}

/** Keeps the WITNESSES sources of largest dependency on v, in descending order. */
function keepWitness(witness: Int32Array, weight: Float64Array, v: number, source: number, dependency: number): void {
  const base = v * WITNESSES;
  let j = WITNESSES - 1;
  if (witness[base + j] >= 0 && weight[base + j] >= dependency) return;
  while (j > 0 && (witness[base + j - 1] < 0 || weight[base + j - 1] < dependency)) {
    witness[base + j] = witness[base + j - 1];
    weight[base + j] = weight[base + j - 1];
    j--;
  }
  witness[base + j] = source;
  weight[base + j] = dependency;
}
