import { MultiDirectedGraph } from 'graphology';
import { loadDataset } from '../../src/load';
import { datasetToCypher, datasetToGraphology, datasetToGraphml, readGraphml, readGraphologyJson, writeNeo4jAdmin } from '../../src/interop';
import { SEED, validated } from './helpers';

const seed = loadDataset(SEED);

test("the Graphology export is what graph.import() takes", () => {
  const graph = MultiDirectedGraph.from(datasetToGraphology(seed) as never);
  expect(graph.order).toBe(seed.entities.length);
  expect(graph.size).toBe(seed.relationships.length);
  expect(graph.getNodeAttributes('iran')).toMatchObject({ label: 'Iran', kind: 'STATE', name: 'Iran' });
});

test('a Graphology serialization from elsewhere (sigma.js style) imports with defaults and kept attributes', () => {
  const graph = new MultiDirectedGraph();
  graph.addNode('n/1', { label: 'First', x: 1, y: 2, color: '#f00' });
  graph.addNode('n2', { label: 'Second', kind: 'PERSON' });
  graph.addEdgeWithKey('e1', 'n/1', 'n2', { weight: 3, type: 'BACKS' });
  const dataset = validated(readGraphologyJson([{ name: 'sigma.json', text: JSON.stringify(graph.export()) }]));
  expect(dataset.entities[0]).toMatchObject({ kind: 'ORGANIZATION', name: 'First', attributes: { x: 1, y: 2, color: '#f00', originalId: 'n/1' } });
  expect(dataset.entities[1]).toMatchObject({ id: 'n2', kind: 'PERSON' });
  expect(dataset.relationships[0]).toMatchObject({ type: 'BACKS', weight: 3, evidence: [{ source: 'import-sigma-json', locator: 'edge e1' }] });
});

test('GraphML from networkx-style keys (d0, d1) and an undirected default imports', () => {
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"><default>1.0</default></key>
  <graph edgedefault="undirected">
    <node id="a"><data key="d0">Alpha</data></node>
    <node id="b"><data key="d0">Beta</data></node>
    <edge source="a" target="b"><data key="d1">0.25</data></edge>
    <edge source="b" target="a"/>
  </graph>
</graphml>`;
  const dataset = validated(readGraphml([{ name: 'nx.graphml', text }]));
  expect(dataset.entities.map((entity) => entity.name)).toEqual(['Alpha', 'Beta']);
  expect(dataset.relationships.map((relationship) => [relationship.weight, relationship.attributes?.undirected])).toEqual([[0.25, true], [1, true]]);
  expect(datasetToGraphml(dataset)).toContain('<key id="n_kind" for="node" attr.name="kind" attr.type="string"/>');
});

test('Cypher: constraints, then MERGE in batches by kind and type, with dates as Neo4j dates', () => {
  const cypher = datasetToCypher(seed);
  expect(cypher).toContain('CREATE CONSTRAINT proxygraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;');
  expect(cypher).toMatch(/MERGE \(n:Entity \{id: row\.id\}\) SET n:State, n \+= row;/);
  expect(cypher).toMatch(/MERGE \(a\)-\[r:LEADS \{id: row\.properties\.id\}\]->\(b\) SET r \+= row\.properties;/);
  expect(cypher).toMatch(/endDay: date\('2020-01-03'\)/);
  expect(cypher).toContain("Kata\\'ib Hezbollah");
});

test('neo4j-admin CSVs have the typed headers neo4j-admin import reads', () => {
  const files = writeNeo4jAdmin(seed);
  expect(files['nodes.csv'].split('\n')[0]).toBe('id:ID(Entity),kind,name,aliases:string[],aliasLangs:string[],description,start,end,startDay:date,endDay:date,attributes,:LABEL');
  expect(files['relationships.csv'].split('\n')[0]).toBe(':START_ID(Entity),:END_ID(Entity),:TYPE,id,start,end,startDay:date,endDay:date,confidence:double,disputed:boolean,weight:double,evidence,sources:string[],attributes');
  expect(files['sources.csv'].split('\n')[0]).toBe('id:ID(Source),title,published,publisher,url,:LABEL');
  expect(files['nodes.csv'].trim().split('\n')).toHaveLength(seed.entities.length + 1);
  expect(files['nodes.csv']).toMatch(/\niran,STATE,Iran,Islamic Republic of Iran;ایران;إيران,;fa;ar,/);
});
