import type { EntityKind, RelationType } from '../model';
import { compileFilter, type TraversalFilter } from '../queries';
import type { KnowledgeGraph } from '../load';

/** The filters of every analysis: those of `network`, and whether relationships are read source → target. */
export interface AnalysisArgs {
  readonly asOf?: string | null;
  readonly types?: readonly RelationType[] | null;
  readonly kinds?: readonly EntityKind[] | null;
  readonly minConfidence?: number | null;
  /** Read relationships source → target (PageRank flows to targets, paths follow arrows); false, the default, ignores direction. */
  readonly directed?: boolean | null;
}

export interface CheckedAnalysisArgs {
  readonly filter: TraversalFilter;
  readonly directed: boolean;
  /** Equal for arguments that select the same network: the cache key. */
  readonly key: string;
}

/** Checks the filters once (compileFilter names the argument at fault) and derives the cache key. */
export function checkAnalysisArgs(graph: KnowledgeGraph, args: AnalysisArgs): CheckedAnalysisArgs {
  const filter = compileFilter(graph, { asOf: args.asOf, types: args.types, kinds: args.kinds, minConfidence: args.minConfidence });
  const directed = args.directed ?? false;
  const sorted = (values: readonly string[] | null | undefined) => [...new Set(values ?? [])].sort().join(',');
  const asOf = filter.asOf ? `${filter.asOf.lo}..${filter.asOf.hi}` : '';
  const key = [asOf, sorted(args.types), sorted(args.kinds), args.minConfidence ?? '', directed ? 'directed' : 'undirected'].join('|');
  return { filter, directed, key };
}
