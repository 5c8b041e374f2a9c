import type * as PageRank from 'graphology-metrics/centrality/pagerank';
import type * as Louvain from 'graphology-communities-louvain';
import { onFirstUse } from '../model';

/**
 * graphology's algorithm libraries, loaded by the first analysis that needs them rather than at server start (issue #14,
 * the seed server's resident memory). Tests check that a started server has not loaded them.
 */
export const pagerank: () => typeof PageRank.default = onFirstUse(() => require('graphology-metrics/centrality/pagerank'));
export const louvain: () => typeof Louvain.default = onFirstUse(() => require('graphology-communities-louvain'));
