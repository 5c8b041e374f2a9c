import type { Node as YamlNode } from 'yaml';
import { isEntityKind, isRelationType, type Dataset, type EntityRecord, type RelationshipRecord } from '../model';
import { baseName, fileSource } from './import-source';
import { DEFAULT_IMPORT_OPTIONS, RawDatasetBuilder, type ExportedFiles, type ImportOptions, type ImportResult, type InputFile } from './interop-types';
import { JsonDocument } from './json-document';
import { generatedRelationshipId, IdAllocator, isGeneratedRelationshipId, slugify } from './safe-ids';
import { foreignAttributes } from './foreign-attributes';

/*
 * Graphology's serialization (what graph.export() gives and graph.import() / Graph.from() take):
 *   { options: { type: "directed", multi: true, allowSelfLoops: true },
 *     attributes: { name, sources: [SourceRecord...] },
 *     nodes: [{ key: entity id, attributes: { label, kind, name, aliases, description, start, end, attributes } }],
 *     edges: [{ key: relationship id, source, target, attributes: { label, type, start, end, confidence, disputed,
 *              weight, evidence, attributes } }] }
 * Node and edge attributes are our record's fields (so sigma.js and graphology tools can read them), plus `label`
 * (the name; the relation type on edges) for renderers. Reading one written by us gives the same dataset back.
 * Reading one from elsewhere: a node's kind is its `kind` attribute when valid (else --kind), its name `name`, else
 * `label`, else the key; an edge's type is its `type` (else --type); other scalar attributes with usable names go into
 * `attributes`; keys that are not safe ids are mapped (safe-ids.ts); edges without evidence cite the file.
 */

export const GRAPHOLOGY_JSON_FILE = 'graph.json';

const omitEmpty = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

function nodeAttributes(entity: EntityRecord) {
  const { id: _id, ...rest } = entity;
  return omitEmpty({ label: entity.name, ...rest });
}

function edgeAttributes(relationship: RelationshipRecord) {
  const { id: _id, source: _source, target: _target, ...rest } = relationship;
  return omitEmpty({ label: relationship.type, ...rest });
}

/** The dataset in graphology's serialized form, as JSON text. Pure. */
export function datasetToGraphology(dataset: Dataset) {
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    attributes: { name: 'proxygraph', sources: dataset.sources },
    nodes: dataset.entities.map((entity) => ({ key: entity.id, attributes: nodeAttributes(entity) })),
    edges: dataset.relationships.map((relationship) => ({ key: relationship.id, source: relationship.source, target: relationship.target, attributes: edgeAttributes(relationship) })),
  };
}

export function writeGraphologyJson(dataset: Dataset): ExportedFiles {
  return { [GRAPHOLOGY_JSON_FILE]: `${JSON.stringify(datasetToGraphology(dataset), null, 2)}\n` };
}

const NODE_FIELDS = ['kind', 'name', 'aliases', 'description', 'start', 'end', 'attributes'];
const EDGE_FIELDS = ['type', 'start', 'end', 'confidence', 'disputed', 'weight', 'evidence', 'attributes'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads graphology serializations (ours or anyone's). */
export function readGraphologyJson(files: readonly InputFile[], options: ImportOptions = {}): ImportResult {
  const result = new RawDatasetBuilder();
  const kind = options.kind ?? DEFAULT_IMPORT_OPTIONS.kind;
  const type = options.type ?? DEFAULT_IMPORT_OPTIONS.type;
  for (const file of files) {
    const { document, problems } = JsonDocument.parse(file.text, file.name);
    result.problems.push(...problems);
    if (!document) continue;
    if (!document.isMap(document.root) || !document.isSeq(document.get(document.root, 'nodes'))) {
      result.problems.push(document.shapeProblem(document.root, 'a graphology serialization is an object with "nodes" (and "edges") lists', 'write it with graph.export()'));
      continue;
    }
    const ids = new IdAllocator();
    const graphAttributes = document.get(document.root, 'attributes');
    for (const item of document.items(document.get(graphAttributes, 'sources'))) result.sources.push(document.record(item));
    const nodeIds = new Map<string, string>();
    for (const item of document.items(document.get(document.root, 'nodes'))) {
      const node = document.value(item);
      const key = isObject(node) ? node.key : undefined;
      if (typeof key !== 'string' && typeof key !== 'number') {
        result.problems.push(document.shapeProblem(item, 'a node needs a "key"'));
        continue;
      }
      const attributes = isObject(node) && isObject(node.attributes) ? node.attributes : {};
      const ours = isEntityKind(attributes.kind) && typeof attributes.name === 'string';
      const id = ids.entity(String(key));
      nodeIds.set(String(key), id);
      const value: Json = { id };
      if (ours) {
        for (const field of NODE_FIELDS) if (attributes[field] !== undefined) value[field] = attributes[field];
      } else {
        value.kind = isEntityKind(attributes.kind) ? attributes.kind : kind;
        value.name = typeof attributes.name === 'string' ? attributes.name : typeof attributes.label === 'string' ? attributes.label : String(key);
        const extra = foreignAttributes(attributes, ['kind', 'name', 'label']);
        if (id !== String(key)) extra.values.originalId = String(key);
        if (Object.keys(extra.values).length > 0) value.attributes = extra.values;
      }
      result.entities.push(document.record(item, value));
    }
    const source = fileSource(file.name);
    let citedFile = false;
    const fileSlug = slugify(baseName(file.name), 60) || 'file';
    document.items(document.get(document.root, 'edges')).forEach((item, index) => {
      const edge = document.value(item);
      if (!isObject(edge) || (typeof edge.source !== 'string' && typeof edge.source !== 'number') || (typeof edge.target !== 'string' && typeof edge.target !== 'number')) {
        result.problems.push(document.shapeProblem(item, 'an edge needs a "source" and a "target"'));
        return;
      }
      const attributes = isObject(edge.attributes) ? edge.attributes : {};
      const ours = isRelationType(attributes.type) && Array.isArray(attributes.evidence);
      const key = edge.key === undefined ? undefined : String(edge.key);
      const id = key !== undefined && (ours || isGeneratedRelationshipId(key)) && ids.claim(`edge:${key}`, key) ? key : generatedRelationshipId(fileSlug, key ?? index + 1);
      const end = (token: string | number) => nodeIds.get(String(token)) ?? ids.entity(String(token));
      const value: Json = { id, source: end(edge.source), target: end(edge.target) };
      if (ours) {
        for (const field of EDGE_FIELDS) if (attributes[field] !== undefined) value[field] = attributes[field];
      } else {
        value.type = isRelationType(attributes.type) ? attributes.type : type;
        if (typeof attributes.weight === 'number') value.weight = attributes.weight;
        const extra = foreignAttributes(attributes, ['type', 'weight', 'label']);
        if (typeof attributes.label === 'string' && attributes.label !== value.type) extra.values.label = attributes.label;
        if (Object.keys(extra.values).length > 0) value.attributes = extra.values;
        value.evidence = [{ source: source.id, locator: `edge ${key ?? index + 1}` }];
        citedFile = true;
      }
      result.relationships.push(document.record(item as YamlNode, value));
    });
    if (citedFile) result.sources.push({ value: source, place: { file: file.name, line: 1, fieldLine: () => 1 } });
  }
  return result.result();
}
