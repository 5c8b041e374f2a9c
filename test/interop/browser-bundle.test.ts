import { join } from 'node:path';
import { build } from 'esbuild';

/*
 * The writers are pure functions over a Dataset, so the client can offer "download the current view" with the same
 * code: each module bundles for the browser, with no node: built-ins and nothing from src/load, store, api or cli.
 */

const MODULES = ['dataset-json', 'csv', 'graphology-json', 'gexf', 'graphml', 'stix', 'stix-import', 'cypher', 'neo4j-admin', 'edge-list'];

test.each(MODULES)('src/interop/%s.ts bundles for the browser', async (name) => {
  const result = await build({
    entryPoints: [join(__dirname, '..', '..', 'src', 'interop', `${name}.ts`)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    logLevel: 'silent',
    metafile: true,
  });
  const inputs = Object.keys(result.metafile!.inputs);
  expect(inputs.filter((input) => input.startsWith('node:') || /(^|\/)src\/(load|store|api|cli)\//.test(input))).toEqual([]);
  expect(result.errors).toEqual([]);
});
