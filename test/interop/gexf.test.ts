import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { loadDataset } from '../../src/load';
import { datasetToGexf, readGexf, readGraphml, writeGexf, writeGraphml } from '../../src/interop';
import { asInputs, fixture, INTEROP_FIXTURES, SEED, validated } from './helpers';

const XSD = join(INTEROP_FIXTURES, 'gephi', 'gexf-1.3');
const xsd = (fileName: string) => ({ fileName, contents: readFileSync(join(XSD, fileName), 'utf8') });

/** The GEXF 1.3 XSD's verdict on a document (libxml2's xmllint, compiled to WebAssembly). */
async function xsdErrors(gexf: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'export.gexf', contents: gexf }], schema: [xsd('gexf.xsd')], preload: [xsd('viz.xsd'), xsd('dynamics.xsd')] });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

const lesMiserables = fixture('gephi', 'LesMiserables.gexf');

test('the exported seed dataset validates against the GEXF 1.3 XSD', async () => {
  expect(await xsdErrors(datasetToGexf(loadDataset(SEED)))).toEqual([]);
});

test('the XSD check catches an invalid document (the validator works)', async () => {
  expect((await xsdErrors(datasetToGexf(loadDataset(SEED)).replace('version="1.3"', 'version="9"'))).length).toBeGreaterThan(0);
});

test("Gephi's LesMiserables.gexf imports with 77 nodes and 254 edges", () => {
  const result = readGexf([lesMiserables]);
  const dataset = validated(result);
  expect(dataset.entities).toHaveLength(77);
  expect(dataset.relationships).toHaveLength(254);
  const valjean = dataset.entities.find((entity) => entity.name === 'Valjean')!;
  expect(valjean).toMatchObject({ kind: 'ORGANIZATION', attributes: { originalId: '11.0' } });
  expect(valjean.id).toMatch(/^11-0-[0-9a-z]{7}$/);
  // Records keep their line in the file, for validation messages.
  expect(result.entities[0].place.line).toBe(8);
  expect(result.relationships[0].place.line).toBeGreaterThan(80);
});

test('LesMiserables exports (XSD-valid) and re-imports to the same graph', async () => {
  const imported = validated(readGexf([lesMiserables], { kind: 'PERSON', type: 'ALLIED_WITH' }));
  const gexf = writeGexf(imported);
  expect(await xsdErrors(gexf['graph.gexf'])).toEqual([]);
  expect(validated(readGexf(asInputs(gexf)))).toEqual(imported);
  expect(validated(readGraphml(asInputs(writeGraphml(imported))))).toEqual(imported);
});

test('dates become spells under the as-of rule, so Gephi’s timeline matches the API', () => {
  const gexf = datasetToGexf({
    sources: [{ id: 's', title: 'S' }],
    entities: [
      { id: 'a', kind: 'PERSON', name: 'A', aliases: [], end: '2020-01-03' },
      { id: 'b', kind: 'ORGANIZATION', name: 'B', aliases: [] },
      { id: 'e', kind: 'EVENT', name: 'Attack', aliases: [], start: '2024-01' },
    ],
    relationships: [
      { id: 'a-leads-b', type: 'LEADS', source: 'a', target: 'b', start: '2014', end: '2020-01-03', evidence: [{ source: 's' }] },
      { id: 'b-did-e', type: 'PERPETRATED', source: 'b', target: 'e', start: '2024-01-28', evidence: [{ source: 's' }] },
    ],
  });
  expect(gexf).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date"');
  expect(gexf).toMatch(/<node id="a" label="A">[\s\S]*?<spell end="2020-01-03"\/>/);
  expect(gexf).toMatch(/<node id="e" label="Attack">[\s\S]*?<spell start="2024-01-01"\/>/);
  expect(gexf).toMatch(/<edge id="a-leads-b"[^>]*>[\s\S]*?<spell start="2014-01-01" end="2020-01-03"\/>/);
  // An EVENT relationship stays part of the network from its day on.
  expect(gexf).toMatch(/<edge id="b-did-e"[^>]*>[\s\S]*?<spell start="2024-01-28"\/>/);
  expect(gexf).not.toMatch(/<node id="b" label="B">[\s\S]*?<spell[\s\S]*?<\/node>\s*<node id="e"/);
});

test('a Gephi dynamic graph: spells and typed attributes are read', () => {
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
    <attributes class="node" mode="static"><attribute id="0" title="url" type="string"/><attribute id="1" title="size" type="integer"/></attributes>
    <nodes>
      <node id="n 1" label="Gephi" start="2009-03-01"><attvalues><attvalue for="0" value="http://gephi.org"/><attvalue for="1" value="3"/></attvalues></node>
      <node id="n2" label="Network"><spells><spell start="2009-01-01" end="2009-02-01"/><spell start="2009-03-05" end="2009-03-10"/></spells></node>
    </nodes>
    <edges><edge id="7" source="n 1" target="n2" start="2009-03-01" end="2009-03-10" weight="2.5" label="BACKS"/></edges>
  </graph>
</gexf>`;
  const dataset = validated(readGexf([{ name: 'dynamic.gexf', text }]));
  expect(dataset.entities[0]).toMatchObject({ name: 'Gephi', start: '2009-03-01', attributes: { url: 'http://gephi.org', size: 3, originalId: 'n 1' } });
  expect(dataset.entities[1]).toMatchObject({ id: 'n2', start: '2009-01-01', end: '2009-03-10', attributes: { spells: 2 } });
  expect(dataset.relationships[0]).toMatchObject({ id: '7', type: 'BACKS', weight: 2.5, start: '2009-03-01', end: '2009-03-10', evidence: [{ source: 'import-dynamic-gexf', locator: 'edge 7' }] });
});

test('an XML syntax error is a problem with its line', () => {
  const result = readGexf([{ name: 'broken.gexf', text: '<?xml version="1.0"?>\n<gexf version="1.3">\n<graph>\n<nodes><node id="a"></nodes>\n</graph></gexf>' }]);
  expect(result.problems[0]).toMatchObject({ code: 'FILE_SYNTAX', file: 'broken.gexf', line: 4 });
});
