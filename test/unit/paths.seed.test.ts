import { join } from 'node:path';
import { loadGraph } from '../../src/load';
import { getSource, kShortestPaths, shortestPath, type Path } from '../../src/queries';

/** Path queries on the shipped seed dataset: from Iran to the January 2024 Jordan drone attack, with evidence on every hop. */

const graph = loadGraph(join(__dirname, '..', '..', 'graph'));
const FROM = 'iran';
const TO = 'jordan-drone-attack-2024';

function expectEvidencedHops(path: Path): void {
  expect(path.hops.length).toBeGreaterThan(0);
  for (const hop of path.hops) {
    expect(hop.relationship.evidence.length).toBeGreaterThan(0);
    for (const evidence of hop.relationship.evidence) expect(getSource(graph, evidence.source)).not.toBeNull();
  }
}

test('the attack is an event of January 2024', () => {
  const attack = graph.getNodeAttributes(TO).record;
  expect(attack.kind).toBe('EVENT');
  expect(attack.start).toMatch(/^2024-01/);
});

test('a path leads from Iran to the attack, and every hop carries evidence with a source', () => {
  const path = shortestPath(graph, FROM, TO);
  expect(path).not.toBeNull();
  expect(path!.nodes[0].id).toBe(FROM);
  expect(path!.nodes[path!.length].id).toBe(TO);
  expectEvidencedHops(path!);
});

test('the most confident, the directed and the chronological paths exist too, all evidenced', () => {
  for (const args of [{ cost: 'CONFIDENCE' as const }, { directed: true }, { chronological: true }, { asOf: '2024-01-28' }]) {
    const path = shortestPath(graph, FROM, TO, args);
    expect({ args, found: path !== null }).toEqual({ args, found: true });
    expectEvidencedHops(path!);
  }
});

test('the five best paths are distinct, ordered, and evidenced', () => {
  const paths = kShortestPaths(graph, FROM, TO, { k: 5 });
  expect(paths).toHaveLength(5);
  expect(new Set(paths.map((path) => path.hops.map((hop) => hop.relationship.id).join())).size).toBe(5);
  for (let i = 1; i < paths.length; i++) expect(paths[i].cost).toBeGreaterThanOrEqual(paths[i - 1].cost);
  paths.forEach(expectEvidencedHops);
});

test('before the attack there is no path to it', () => {
  expect(shortestPath(graph, FROM, TO, { asOf: '2023' })).toBeNull();
});
