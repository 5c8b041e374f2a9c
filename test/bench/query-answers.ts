import { createHash } from 'node:crypto';
import type { KnowledgeGraph } from '../../src/load';
import type { RelationType } from '../../src/model';
import { kShortestPaths, neighborhood, relationshipsOf, shortestPath, stats, type KPathsArgs, type Path } from '../../src/queries';

/**
 * The answers a graph gives to a fixed set of queries (paths under every cost, with filters and k; neighbourhoods; an
 * entity's relationships; stats), as plain data: two graphs that answer identically give equal values. Used to check
 * that a store answers the same after a restart as before, and as a graph built from the dataset files.
 */

const FILTERS: KPathsArgs = { types: ['BACKS', 'ALLIED_WITH', 'SUPPLIED', 'OPPOSED', 'ATTACKED'] as RelationType[], asOf: '2020' };

const QUERIES: readonly (readonly [string, KPathsArgs])[] = [
  ['hops, directed', { directed: true }],
  ['hops, undirected, types + asOf', { ...FILTERS }],
  ['paths k 3, undirected, types + asOf', { ...FILTERS, k: 3 }],
  ['confidence, undirected', { cost: 'CONFIDENCE', maxLength: 6 }],
  ['weight, directed, k 2', { cost: 'WEIGHT', directed: true, maxLength: 6, k: 2 }],
  ['chronological, directed', { directed: true, chronological: true, maxLength: 6 }],
];

function pathAnswer(path: Path | null): unknown {
  if (!path) return null;
  return {
    cost: path.cost,
    nodes: path.nodes.map((node) => node.id),
    hops: path.hops.map((hop) => [hop.relationship, hop.forward, hop.alternatives.map((other) => other.id)]),
  };
}

export function queryAnswers(graph: KnowledgeGraph, pairs: readonly (readonly [string, string])[], entities: readonly string[]): Record<string, unknown> {
  const answers: Record<string, unknown> = { stats: stats(graph), asOf2020: stats(graph, { asOf: '2020' }) };
  for (const [from, to] of pairs) {
    for (const [name, args] of QUERIES) {
      answers[`${from} → ${to}: ${name}`] = args.k ? kShortestPaths(graph, from, to, args).map(pathAnswer) : pathAnswer(shortestPath(graph, from, to, args));
    }
  }
  for (const id of entities) {
    answers[`${id}: relationships`] = relationshipsOf(graph, id, 'BOTH', {});
    const around = neighborhood(graph, id, { depth: 2, limit: 200 });
    answers[`${id}: neighborhood`] = { nodes: around.nodes.map((node) => node.id), edges: around.edges.map((edge) => edge.id), truncated: around.truncated };
  }
  return answers;
}

/** A short fingerprint of the answers, for printing. */
export function fingerprint(answers: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(answers)).digest('hex').slice(0, 16);
}
