import { isEntityKind, isRelationType, type Dataset, type EntityRecord, type RelationshipRecord } from '../model';
import { foreignAttributes } from './foreign-attributes';
import { baseName, fileSource } from './import-source';
import { DEFAULT_IMPORT_OPTIONS, placeAt, RawDatasetBuilder, type ExportedFiles, type ImportOptions, type ImportResult, type InputFile } from './interop-types';
import { generatedRelationshipId, IdAllocator, slugify } from './safe-ids';
import { asList, attribute, parseXml, startTagLines, textOf, XML_DECLARATION, xmlBuilder } from './xml';

/*
 * GraphML (yEd, Cytoscape desktop, networkx, igraph, Gephi). Export: one directed <graph>; every entity a <node>,
 * every relationship an <edge> with its id; our fields are <data> under declared <key>s — node: label (the name),
 * kind, aliases, description, start, end, attributes; edge: type, start, end, confidence (double), disputed
 * (boolean), weight (double), evidence, attributes; graph: sources. Lists and maps are JSON text, dates our partial
 * dates (GraphML has no notion of time). Import reads any GraphML: keys by attr.name (with their <default>), the
 * name from "name" or "label", kind and type as in GEXF (gexf.ts), other scalar data into `attributes`, ids mapped
 * when not safe, edges without our evidence citing the file ("edge <id>").
 */

export const GRAPHML_FILE = 'graph.graphml';

type Element = Record<string, unknown>;

const NODE_KEYS = [
  ['label', 'string'],
  ['kind', 'string'],
  ['aliases', 'string'],
  ['description', 'string'],
  ['start', 'string'],
  ['end', 'string'],
  ['attributes', 'string'],
] as const;
const EDGE_KEYS = [
  ['type', 'string'],
  ['start', 'string'],
  ['end', 'string'],
  ['confidence', 'double'],
  ['disputed', 'boolean'],
  ['weight', 'double'],
  ['evidence', 'string'],
  ['attributes', 'string'],
] as const;

const keyId = (domain: string, name: string) => `${domain[0]}_${name}`;

function data(domain: 'node' | 'edge' | 'graph', values: readonly (readonly [string, string | number | boolean | undefined])[]): Element[] {
  return values.filter(([, value]) => value !== undefined).map(([name, value]) => ({ '@_key': keyId(domain, name), '#text': String(value) }));
}

const json = (value: unknown, empty: boolean) => (empty ? undefined : JSON.stringify(value));
const hasEntries = (map: object | undefined) => map !== undefined && Object.keys(map).length > 0;

function nodeElement(entity: EntityRecord): Element {
  const aliases = entity.aliases.map((alias) => (alias.lang === undefined ? alias.name : alias));
  return {
    '@_id': entity.id,
    data: data('node', [
      ['label', entity.name],
      ['kind', entity.kind],
      ['aliases', json(aliases, aliases.length === 0)],
      ['description', entity.description],
      ['start', entity.start],
      ['end', entity.end],
      ['attributes', json(entity.attributes, !hasEntries(entity.attributes))],
    ]),
  };
}

function edgeElement(relationship: RelationshipRecord): Element {
  return {
    '@_id': relationship.id,
    '@_source': relationship.source,
    '@_target': relationship.target,
    data: data('edge', [
      ['type', relationship.type],
      ['start', relationship.start],
      ['end', relationship.end],
      ['confidence', relationship.confidence],
      ['disputed', relationship.disputed ? true : undefined],
      ['weight', relationship.weight],
      ['evidence', JSON.stringify(relationship.evidence)],
      ['attributes', json(relationship.attributes, !hasEntries(relationship.attributes))],
    ]),
  };
}

/** The dataset as a GraphML document. Pure. */
export function datasetToGraphml(dataset: Dataset): string {
  const keys = [
    ...NODE_KEYS.map(([name, type]) => ({ '@_id': keyId('node', name), '@_for': 'node', '@_attr.name': name, '@_attr.type': type })),
    ...EDGE_KEYS.map(([name, type]) => ({ '@_id': keyId('edge', name), '@_for': 'edge', '@_attr.name': name, '@_attr.type': type })),
    { '@_id': keyId('graph', 'sources'), '@_for': 'graph', '@_attr.name': 'sources', '@_attr.type': 'string' },
  ];
  const document = {
    ...XML_DECLARATION,
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: keys,
      graph: {
        '@_id': 'proxygraph',
        '@_edgedefault': 'directed',
        data: data('graph', [['sources', JSON.stringify(dataset.sources)]]),
        node: dataset.entities.map(nodeElement),
        edge: dataset.relationships.map(edgeElement),
      },
    },
  };
  return xmlBuilder().build(document) as string;
}

export function writeGraphml(dataset: Dataset): ExportedFiles {
  return { [GRAPHML_FILE]: datasetToGraphml(dataset) };
}

/* ---------------------------------------------------------------- import */

interface Key {
  readonly name: string;
  readonly type: string;
  readonly default?: string;
}

const NUMERIC = new Set(['int', 'long', 'float', 'double']);

function typed(raw: string, type: string): string | number | boolean {
  if (NUMERIC.has(type) && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (type === 'boolean' && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === 'true';
  return raw;
}

/** The data of an element by key name, with the keys' defaults for what it leaves out. */
function valuesOf(element: Element, keys: Map<string, Key>, domain: string, allKeys: Map<string, Key & { for: string }>): Map<string, string | number | boolean> {
  const values = new Map<string, string | number | boolean>();
  for (const item of asList<Element | string>(element.data)) {
    const id = attribute(item, 'key');
    const key = id === undefined ? undefined : keys.get(id);
    const text = textOf(item);
    // Data holding markup (yEd's graphics) is not a value.
    const markup = typeof item === 'object' && Object.keys(item).some((name) => !name.startsWith('@_') && name !== '#text');
    if (!key || text === undefined || markup) continue;
    values.set(key.name, typed(text, key.type));
  }
  for (const key of allKeys.values()) {
    if ((key.for === domain || key.for === 'all') && key.default !== undefined && !values.has(key.name)) values.set(key.name, typed(key.default, key.type));
  }
  return values;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const asText = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Reads GraphML files (ours or anyone's). Pure. */
export function readGraphml(files: readonly InputFile[], options: ImportOptions = {}): ImportResult {
  const result = new RawDatasetBuilder();
  const defaultKind = options.kind ?? DEFAULT_IMPORT_OPTIONS.kind;
  const defaultType = options.type ?? DEFAULT_IMPORT_OPTIONS.type;
  for (const file of files) {
    const { document, problem } = parseXml(file.text, file.name, ['key', 'graph', 'node', 'edge', 'data']);
    if (problem || !document) {
      if (problem) result.problems.push(problem);
      continue;
    }
    const root = document.graphml as Element | undefined;
    const graph = asList<Element>(root?.graph)[0];
    if (!root || !graph) {
      result.problems.push({ code: 'FILE_SHAPE', file: file.name, line: 1, message: 'not a GraphML document: no <graphml><graph>', hint: 'write the graph as GraphML' });
      continue;
    }
    const allKeys = new Map<string, Key & { for: string }>();
    for (const key of asList<Element>(root.key)) {
      const id = attribute(key, 'id');
      if (id === undefined) continue;
      const defaultText = textOf(key.default);
      allKeys.set(id, { name: attribute(key, 'attr.name') ?? id, type: (attribute(key, 'attr.type') ?? 'string').toLowerCase(), for: attribute(key, 'for') ?? 'all', ...(defaultText !== undefined && { default: defaultText }) });
    }
    const keysFor = (domain: string) => new Map([...allKeys].filter(([, key]) => key.for === domain || key.for === 'all'));
    const nodeKeys = keysFor('node');
    const edgeKeys = keysFor('edge');
    const graphValues = valuesOf(graph, keysFor('graph'), 'graph', allKeys);
    const sources = parseJson(graphValues.get('sources'));
    if (Array.isArray(sources)) for (const item of sources) result.sources.push({ value: item, place: placeAt(file.name, startTagLines(file.text, 'graph')[0]) });
    const nodes = asList<Element>(graph.node);
    const edges = asList<Element>(graph.edge);
    const nodeLines = startTagLines(file.text, 'node');
    const edgeLines = startTagLines(file.text, 'edge');
    const lineOf = (lines: number[], count: number, index: number) => (lines.length === count ? lines[index] : undefined);
    const ids = new IdAllocator();
    const nodeIds = new Map<string, string>();
    nodes.forEach((node, index) => {
      const token = attribute(node, 'id');
      const line = lineOf(nodeLines, nodes.length, index);
      if (token === undefined) {
        result.problems.push({ code: 'FILE_SHAPE', file: file.name, line, message: 'a <node> without an id', hint: 'every node needs an id' });
        return;
      }
      const id = ids.entity(token);
      nodeIds.set(token, id);
      const values = valuesOf(node, nodeKeys, 'node', allKeys);
      const kind = values.get('kind');
      const aliases = parseJson(values.get('aliases'));
      const ours = parseJson(values.get('attributes'));
      const foreign = foreignAttributes(Object.fromEntries([...values].filter(([name]) => !['kind', 'aliases', 'description', 'start', 'end', 'attributes', 'label', 'name'].includes(name))));
      const attributes = { ...(typeof ours === 'object' && ours !== null && !Array.isArray(ours) ? ours : {}), ...foreign.values, ...(id !== token && { originalId: token }) };
      result.entities.push({
        value: {
          id,
          kind: isEntityKind(kind) ? kind : defaultKind,
          name: asText(values.get('name')) ?? asText(values.get('label')) ?? token,
          ...(Array.isArray(aliases) && { aliases }),
          ...(values.get('description') !== undefined && { description: values.get('description') }),
          ...(values.get('start') !== undefined && { start: String(values.get('start')) }),
          ...(values.get('end') !== undefined && { end: String(values.get('end')) }),
          ...(Object.keys(attributes).length > 0 && { attributes }),
        },
        place: placeAt(file.name, line),
      });
    });
    const source = fileSource(file.name);
    const fileSlug = slugify(baseName(file.name), 60) || 'file';
    let citedFile = false;
    const undirectedDefault = attribute(graph, 'edgedefault') === 'undirected';
    edges.forEach((edge, index) => {
      const line = lineOf(edgeLines, edges.length, index);
      const from = attribute(edge, 'source');
      const to = attribute(edge, 'target');
      if (from === undefined || to === undefined) {
        result.problems.push({ code: 'FILE_SHAPE', file: file.name, line, message: 'an <edge> without source or target', hint: 'every edge needs source and target' });
        return;
      }
      const token = attribute(edge, 'id');
      const id = token !== undefined && ids.claim(`edge:${token}`, token) ? token : generatedRelationshipId(fileSlug, token ?? index + 1);
      const values = valuesOf(edge, edgeKeys, 'edge', allKeys);
      const label = asText(values.get('label'));
      const type = [values.get('type'), label].find(isRelationType) ?? defaultType;
      const evidence = parseJson(values.get('evidence'));
      const ours = parseJson(values.get('attributes'));
      const foreign = foreignAttributes(Object.fromEntries([...values].filter(([name]) => !['type', 'start', 'end', 'confidence', 'disputed', 'weight', 'Weight', 'evidence', 'attributes', 'label'].includes(name))));
      const directed = attribute(edge, 'directed');
      const attributes = {
        ...(typeof ours === 'object' && ours !== null && !Array.isArray(ours) ? ours : {}),
        ...foreign.values,
        ...(label !== undefined && label !== type && { label }),
        ...((directed === 'false' || (directed === undefined && undirectedDefault)) && { undirected: true }),
      };
      const cite = !Array.isArray(evidence);
      if (cite) citedFile = true;
      const weight = values.get('weight') ?? values.get('Weight');
      result.relationships.push({
        value: {
          id,
          type,
          source: nodeIds.get(from) ?? ids.entity(from),
          target: nodeIds.get(to) ?? ids.entity(to),
          ...(values.get('start') !== undefined && { start: String(values.get('start')) }),
          ...(values.get('end') !== undefined && { end: String(values.get('end')) }),
          ...(values.get('confidence') !== undefined && { confidence: values.get('confidence') }),
          ...(values.get('disputed') === true && { disputed: true }),
          ...(weight !== undefined && { weight }),
          evidence: cite ? [{ source: source.id, locator: `edge ${token ?? index + 1}` }] : evidence,
          ...(Object.keys(attributes).length > 0 && { attributes }),
        },
        place: placeAt(file.name, line),
      });
    });
    if (citedFile) result.sources.push({ value: source, place: placeAt(file.name, 1) });
  }
  return result.result();
}
