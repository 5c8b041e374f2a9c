import { DirectedGraph, UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { NeighborhoodIndex } from 'graphology-indices/neighborhood';
import { degreeCentrality } from 'graphology-metrics/centrality/degree';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { analysisSnapshot, ANALYSIS_SEED, seededRandom, type AnalysisArgs } from '../../src/analysis';
import { compileFilter } from '../../src/queries';
import { buildGraph, type KnowledgeGraph } from '../../src/load';
import type { EntityRecord, RelationshipRecord } from '../../src/model';

// The network the measures run on is kept as sorted ties and neighbourhood arrays, filtered on the graph's columns,
// and the library measures run on a graphology graph keyed by node number (in a worker when large). The reference is
// the network as graphology held it before, keyed by entity id and filtered on the records: every measure must be the
// same on random graphs with parallel relationships, self-loops, entities without ties, EVENT and SPAN types, dates,
// confidences, ids added in no particular order, and random filters.

const TYPES = ['ALLIED_WITH', 'BACKS', 'ATTACKED'] as const;

function randomGraph(seed: number): KnowledgeGraph {
  const random = seededRandom(seed);
  const n = 5 + Math.floor(random() * 60);
  // Ids that do not sort in the order they are added (never all digits: see the note at the end).
  const ids = Array.from({ length: n }, (_, i) => `e${Math.floor(random() * 1e6).toString(36)}-${i}`);
  const entities: EntityRecord[] = ids.map((id) => ({ id, kind: 'ORGANIZATION', name: id, aliases: [] }));
  const relationships: RelationshipRecord[] = [];
  const count = Math.floor(random() * n * 3);
  const evidence = [{ source: 'generated', locator: 'row 1' }];
  for (let i = 0; i < count; i++) {
    const source = ids[Math.floor(random() * n)];
    const target = random() < 0.05 ? source : ids[Math.floor(random() * n)];
    const start = 2000 + Math.floor(random() * 20);
    relationships.push({
      id: `r-${i}`,
      // ATTACKED is an EVENT type: its window stays open after its end.
      type: TYPES[Math.floor(random() * TYPES.length)],
      source,
      target,
      ...(random() < 0.9 ? { start: String(start) } : {}),
      ...(random() < 0.4 ? { end: String(start + Math.floor(random() * 6)) } : {}),
      ...(random() < 0.5 ? { confidence: Math.round(random() * 10) / 10 } : {}),
      evidence,
    });
  }
  return buildGraph({ sources: [{ id: 'generated', title: 'Generated in the test' }], entities, relationships });
}

/** The network as it was built before: graphology, keyed by id, nodes in id order, ties in (source, target) order. */
function referenceNetwork(graph: KnowledgeGraph, directed: boolean, args: AnalysisArgs): UndirectedGraph | DirectedGraph {
  const filter = compileFilter(graph, args);
  const ids = graph.filterNodes((id, attributes) => filter.entityVisible(id, attributes)).sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs = new Set<number>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (source === target || !index.has(source) || !index.has(target) || !filter.relationshipVisible(edge, attributes)) return;
    let [u, v] = [index.get(source)!, index.get(target)!];
    if (!directed && u > v) [u, v] = [v, u];
    pairs.add(u * ids.length + v);
  });
  const network = directed ? new DirectedGraph() : new UndirectedGraph();
  for (const id of ids) network.addNode(id);
  for (const pair of [...pairs].sort((a, b) => a - b)) network.addEdge(ids[Math.floor(pair / ids.length)], ids[pair % ids.length]);
  return network;
}

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);

test.each(SEEDS)('graph %i: ties, neighbourhoods, degree, PageRank and Louvain are those of the reference network', (seed) => {
  const graph = randomGraph(seed);
  for (const directed of [false, true]) {
    // A different filter each time: a date, a type or two, a least confidence, or none.
    const random = seededRandom(seed * 2 + Number(directed));
    const args: AnalysisArgs = {
      directed,
      asOf: random() < 0.7 ? String(2000 + Math.floor(random() * 25)) : null,
      types: random() < 0.4 ? TYPES.filter(() => random() < 0.6) : null,
      minConfidence: random() < 0.3 ? Math.round(random() * 10) / 10 : null,
    };
    const snapshot = analysisSnapshot(graph, args);
    const reference = referenceNetwork(graph, directed, args);
    const { ids } = snapshot.analysis;
    expect(ids).toEqual(reference.nodes());
    expect(snapshot.analysis.ties).toBe(reference.size);
    const ties: string[] = [];
    for (let i = 0; i < snapshot.analysis.ties; i++) ties.push(`${ids[snapshot.analysis.from[i]]}>${ids[snapshot.analysis.to[i]]}`);
    expect(ties).toEqual(reference.mapEdges((_edge, _attributes, source, target) => `${source}>${target}`));

    const out = new NeighborhoodIndex(reference, 'outbound');
    expect(Array.from(snapshot.analysis.outStarts)).toEqual(Array.from(out.starts));
    expect(Array.from(snapshot.analysis.outNeighbors)).toEqual(Array.from(out.neighborhood));
    if (directed) {
      const into = new NeighborhoodIndex(reference, 'inbound');
      expect(Array.from(snapshot.analysis.inStarts)).toEqual(Array.from(into.starts));
      expect(Array.from(snapshot.analysis.inNeighbors)).toEqual(Array.from(into.neighborhood));
    }

    expect(Array.from(snapshot.neighbors())).toEqual(ids.map((id) => reference.degree(id)));
    if (ids.length >= 2) expect(Array.from(snapshot.degree())).toEqual(ids.map((id) => degreeCentrality(reference)[id]));
    const ranks = pagerank(reference, { alpha: 0.85, getEdgeWeight: null, tolerance: 1e-9, maxIterations: 1000 });
    expect(Array.from(snapshot.pageRank())).toEqual(ids.map((id) => ranks[id]));
    if (reference.size > 0) {
      const detailed = louvain.detailed(reference, { getEdgeWeight: null, resolution: 1, rng: seededRandom(ANALYSIS_SEED) });
      const partition = snapshot.communities(1);
      expect(partition.modularity).toBe(detailed.modularity);
      // The same grouping (communities.ts renumbers Louvain's labels by size).
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) expect(partition.community[i] === partition.community[j]).toBe(detailed.communities[ids[i]] === detailed.communities[ids[j]]);
    }
  }
});

// Ids made of digits alone are the one case where the old network differed: a JavaScript object lists such keys in
// numeric order, not in the order added, so graphology's neighbourhoods of those entities were not in id order. The
// network now keeps ascending index order for every id.
