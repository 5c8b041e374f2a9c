import { onGraphChange, type KnowledgeGraph } from '../load';
import { ProxygraphError } from '../model';
import type { TraversalFilter } from '../queries';
import { buildAnalysisGraph, type AnalysisGraph } from './analysis-graph';
import { checkAnalysisArgs, type AnalysisArgs } from './analysis-args';
import { BrandesSearch } from './brandes';
import { betweennessWork, defaultSamples, type Betweenness } from './betweenness';
import { degree, neighbors } from './centrality';
import { DEFAULT_RESOLUTION, partitionOf, type Partition } from './communities';
import { louvainOf, pageRankOf, type LibraryJob, type LouvainResult } from './library-measures';
import { runInWorker } from './measure-worker';
import { allPending, isPending, mapPending, runInBackground, runNow, type PendingWork, type Work } from './paced-work';
import { simpleGraph } from './ties';

/** How many (date, filters) snapshots each graph keeps; the least recently used goes first. */
export const ANALYSIS_CACHE_SIZE = 8;
/**
 * From this many ties up, PageRank and Louvain run in a worker thread when a query asks for them (libraryPending).
 * Below it they take tens of milliseconds at most, less than starting a worker.
 */
export const WORKER_TIES = 20_000;

/**
 * The analysis of one (date, filters): the network as a simple graph, and each measure computed the first time it is
 * asked for and kept. Snapshots are cached per graph and dropped whenever the graph announces a change.
 */
export class AnalysisSnapshot {
  private readonly memo = new Map<string, unknown>();
  private retired: Error | null = null;

  constructor(
    readonly analysis: AnalysisGraph,
    readonly filter: TraversalFilter,
  ) {}

  get order(): number {
    return this.analysis.order;
  }

  degree(): Float64Array {
    return this.remember('degree', () => degree(this.analysis));
  }

  neighbors(): Uint32Array {
    return this.remember('neighbors', () => neighbors(this.analysis));
  }

  /**
   * Closeness with Wasserman and Faust's correction for graphs in several pieces (networkx's default, wf_improved):
   * (r / Σd) × (r / (n − 1)) over the r entities that reach the entity (in a directed graph, distances *to* it).
   * All distances are needed, so it comes from the same searches as betweenness, sampled on the same networks.
   */
  closeness(samples?: number | null): Float64Array {
    return this.betweenness(samples).closeness;
  }

  pageRank(): Float64Array {
    return this.known(libraryKey({ measure: 'pagerank' }), () => pageRankOf(this.network()));
  }

  /** `samples`: pivots; omitted, the default for the graph's size (exact when affordable). Computed now if not known. */
  betweenness(samples?: number | null): Betweenness {
    return this.now(this.betweennessKey(samples), () => betweennessWork(this.analysis, this.pivots(samples)));
  }

  /** The same, computed in the background when not known yet (see soon). */
  betweennessSoon(samples?: number | null): Betweenness | PendingWork<Betweenness> {
    const what = `Betweenness and closeness (${this.pivots(samples).toLocaleString('en-US')} pivots over ${this.order.toLocaleString('en-US')} entities)`;
    return this.soon(this.betweennessKey(samples), what, () => betweennessWork(this.analysis, this.pivots(samples)));
  }

  /** A result kept under `key`, computed now when not known; work under way in the background is not waited for. */
  now<T>(key: string, work: () => Work<T>): T {
    return this.known(key, () => runNow(work()));
  }

  /**
   * A result kept under `key`, computed in the background in slices (paced-work.ts) when not known yet: the value, or
   * the pending computation, which every caller shares. It goes on when a caller stops waiting, so asking again later
   * finds it.
   */
  soon<T>(key: string, what: string, work: () => Work<T>): T | PendingWork<T> {
    return this.kept(key, () => runInBackground(what, work(), () => this.retired));
  }

  /**
   * What a query that reads these library measures must wait for: their computation in a worker thread when the
   * network is large and they are not known yet, else null (small networks compute them now, at once).
   */
  libraryPending(jobs: readonly LibraryJob[]): PendingWork<unknown> | null {
    const pending: PendingWork<unknown>[] = [];
    const wanted: LibraryJob[] = [];
    for (const job of jobs) {
      const known = this.memo.get(libraryKey(job));
      if (known === undefined) wanted.push(job);
      else if (isPending(known)) pending.push(known);
    }
    if (wanted.length > 0 && this.analysis.ties < WORKER_TIES) {
      for (const job of wanted) if (job.measure === 'pagerank') this.pageRank();
      else this.communities(job.resolution);
    } else if (wanted.length > 0) {
      const names = wanted.map((job) => (job.measure === 'pagerank' ? 'PageRank' : `Louvain communities (resolution ${job.resolution})`)).join(' and ');
      const what = `${names} of ${this.order.toLocaleString('en-US')} entities and ${this.analysis.ties.toLocaleString('en-US')} ties`;
      // One worker for all of them: it builds graphology's graph once.
      const shared = runInWorker(what, this.analysis, wanted, () => this.retired);
      wanted.forEach((job, i) => pending.push(this.kept(libraryKey(job), () => mapPending(shared, (results) => results[i])) as PendingWork<unknown>));
    }
    return allPending(pending);
  }

  private kept<T>(key: string, start: () => PendingWork<T>): T | PendingWork<T> {
    const known = this.memo.get(key) as T | PendingWork<T> | undefined;
    if (known !== undefined) return known;
    const pending = start();
    this.memo.set(key, pending);
    pending.then(
      (value) => void (this.memo.get(key) === pending && this.memo.set(key, value)),
      () => void (this.memo.get(key) === pending && this.memo.delete(key)),
    );
    return pending;
  }

  /** Drops the finished results kept under keys starting with `prefix`, but `except`'s (one search's large arrays at a time). */
  forget(prefix: string, except: string): void {
    for (const [key, value] of this.memo) if (key.startsWith(prefix) && key !== except && !isPending(value)) this.memo.delete(key);
  }

  /** Marks the snapshot out of use (the graph changed, or the cache let it go): background work for it stops. */
  retire(reason: Error): void {
    this.retired = reason;
  }

  communities(resolution: number = DEFAULT_RESOLUTION): Partition {
    const key = libraryKey({ measure: 'louvain', resolution });
    return this.remember(`communities:${resolution}`, () => partitionOf(this.known<LouvainResult>(key, () => louvainOf(this.network(), resolution)), resolution));
  }

  /** The network as graphology's graph, for the library measures computed in this thread (a worker builds its own). */
  private network() {
    return this.remember('graphology', () => simpleGraph(this.analysis));
  }

  /** The single-source shortest-path search (Brandes) over this network, built once. Not re-entrant. */
  searcher(): BrandesSearch {
    return this.remember('searcher', () => new BrandesSearch(this.analysis));
  }

  /** Entity indexes in descending order of a measure, ties by id. */
  ranking(name: string, values: ArrayLike<number>): Uint32Array {
    return this.remember(`ranking:${name}`, () => {
      const order = Uint32Array.from({ length: values.length }, (_, i) => i);
      return order.sort((a, b) => values[b] - values[a] || a - b);
    });
  }

  /** The rank (1 = highest) of every entity in a ranking. */
  ranks(name: string, values: ArrayLike<number>): Uint32Array {
    return this.remember(`ranks:${name}`, () => {
      const ranks = new Uint32Array(values.length);
      this.ranking(name, values).forEach((index, position) => void (ranks[index] = position + 1));
      return ranks;
    });
  }

  private pivots(samples?: number | null): number {
    return Math.min(samples ?? defaultSamples(this.order, this.analysis.ties), this.order);
  }

  private betweennessKey(samples?: number | null): string {
    return `betweenness:${this.pivots(samples)}`;
  }

  /** A result kept under `key`, computed now when not known (nor finished in the background). */
  private known<T>(key: string, compute: () => T): T {
    const known = this.memo.get(key) as T | PendingWork<T> | undefined;
    if (known !== undefined && !isPending(known)) return known;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

  private remember<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }
}

const libraryKey = (job: LibraryJob) => (job.measure === 'pagerank' ? 'pagerank' : `louvain:${job.resolution}`);

const caches = new WeakMap<KnowledgeGraph, Map<string, AnalysisSnapshot>>();

function cacheOf(graph: KnowledgeGraph): Map<string, AnalysisSnapshot> {
  let cache = caches.get(graph);
  if (!cache) {
    const created = new Map<string, AnalysisSnapshot>();
    // Any edit may change any measure of any date: drop everything (recomputing is the cheap part of being right).
    onGraphChange(graph, () => {
      for (const snapshot of created.values()) snapshot.retire(new ProxygraphError('the graph changed while its measures were being computed; ask again'));
      created.clear();
    });
    caches.set(graph, (cache = created));
  }
  return cache;
}

/** The snapshot for these filters: cached per (date, filters), built on first use. */
export function analysisSnapshot(graph: KnowledgeGraph, args: AnalysisArgs): AnalysisSnapshot {
  const { filter, directed, key } = checkAnalysisArgs(graph, args);
  const cache = cacheOf(graph);
  let snapshot = cache.get(key);
  if (snapshot) {
    cache.delete(key);
  } else {
    snapshot = new AnalysisSnapshot(buildAnalysisGraph(graph, filter, directed), filter);
    if (cache.size >= ANALYSIS_CACHE_SIZE) {
      const oldest = cache.keys().next().value!;
      cache.get(oldest)!.retire(new ProxygraphError('other analyses pushed this one out of the cache before it was finished; ask again'));
      cache.delete(oldest);
    }
  }
  cache.set(key, snapshot);
  return snapshot;
}
