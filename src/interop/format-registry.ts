import { formatDataset } from '../load/write-dataset';
import { DATASET_FILES } from '../load/load-dataset';
import { parseYamlRecords } from '../load/read-yaml-file';
import type { Dataset } from '../model';
import { readCsv, writeCsv } from './csv';
import { writeCypher } from './cypher';
import { readDatasetJson, writeDatasetJson } from './dataset-json';
import { readAdjacencyList, readEdgeList, writeEdgeList } from './edge-list';
import { readGexf, writeGexf } from './gexf';
import { readGraphml, writeGraphml } from './graphml';
import { readGraphologyJson, writeGraphologyJson } from './graphology-json';
import { baseName } from './import-source';
import { RawDatasetBuilder, type DatasetReader, type DatasetWriter, type ExportedFiles, type InputFile } from './interop-types';
import { writeNeo4jAdmin } from './neo4j-admin';
import { writeStix } from './stix';
import { readStix } from './stix-import';

/** A format proxygraph reads and/or writes. The table the CLI and its help read. */
export interface FormatDefinition {
  readonly name: string;
  readonly description: string;
  readonly read?: DatasetReader;
  readonly write?: DatasetWriter;
  /** Output is one file (OUT names it); otherwise OUT is a directory that receives several files. */
  readonly singleFile: boolean;
  /** The reader goes line by line: the CLI streams files through it instead of reading them whole. */
  readonly lineBased?: boolean;
  /** The format has no kinds or relation types of its own: --kind and --type apply. */
  readonly generic?: boolean;
}

/** Our YAML dataset directory, through the canonical writer of src/load/write-dataset.ts. */
function writeYaml(dataset: Dataset): ExportedFiles {
  const laidOut = <T>(records: readonly T[]) => records.map((record) => ({ record }));
  return formatDataset({ sources: laidOut(dataset.sources), entities: laidOut(dataset.entities), relationships: laidOut(dataset.relationships) });
}

/** Reads the YAML files of dataset directories (the CLI passes a directory's three files), by file name. */
function readYaml(files: readonly InputFile[]) {
  const result = new RawDatasetBuilder();
  for (const file of files) {
    const part = (Object.keys(DATASET_FILES) as (keyof typeof DATASET_FILES)[]).find((key) => DATASET_FILES[key] === baseName(file.name));
    if (!part) {
      result.problems.push({ code: 'FILE_SHAPE', file: file.name, message: `not a dataset file: expected ${Object.values(DATASET_FILES).join(', ')}`, hint: 'give the dataset directory' });
      continue;
    }
    const { records, problems } = parseYamlRecords(file.text, file.name);
    result.problems.push(...problems);
    result[part].push(...records);
  }
  return result.result();
}

export const FORMATS: readonly FormatDefinition[] = [
  { name: 'yaml', description: 'our dataset directory: sources.yaml, entities.yaml, relationships.yaml (README "The data")', read: readYaml, write: writeYaml, singleFile: false },
  { name: 'csv', description: 'sources.csv, entities.csv, relationships.csv; lists and maps as JSON in a cell (src/interop/csv.ts)', read: readCsv, write: writeCsv, singleFile: false },
  { name: 'json', description: 'our dataset as one JSON document { sources, entities, relationships }', read: readDatasetJson, write: writeDatasetJson, singleFile: true },
  { name: 'graphology', description: "Graphology's serialization (graph.export() / graph.import())", read: readGraphologyJson, write: writeGraphologyJson, singleFile: true, generic: true },
  { name: 'gexf', description: 'GEXF 1.3 for Gephi, dates as spells for its timeline', read: readGexf, write: writeGexf, singleFile: true, generic: true },
  { name: 'graphml', description: 'GraphML (yEd, Cytoscape desktop, networkx, igraph)', read: readGraphml, write: writeGraphml, singleFile: true, generic: true },
  { name: 'stix', description: 'STIX 2.1 bundle (OpenCTI, MISP)', read: readStix, write: writeStix, singleFile: true },
  { name: 'edge-list', description: '"source target [weight]" per line, # comments (SNAP, LDBC Graphalytics)', read: readEdgeList, write: writeEdgeList, singleFile: true, lineBased: true, generic: true },
  { name: 'adjacency-list', description: '"v n1 n2 ..." per line (LDBC BFS inputs); import only', read: readAdjacencyList, singleFile: true, lineBased: true, generic: true },
  { name: 'cypher', description: 'a Cypher script of MERGE statements for Neo4j; export only', write: writeCypher, singleFile: true },
  { name: 'neo4j-admin', description: 'nodes.csv, sources.csv, relationships.csv for neo4j-admin database import; export only', write: writeNeo4jAdmin, singleFile: false },
];

export function formatNamed(name: string): FormatDefinition | undefined {
  return FORMATS.find((format) => format.name === name);
}
