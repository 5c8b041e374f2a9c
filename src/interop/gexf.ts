import { entityWindow, isEntityKind, isRelationType, relationshipWindow, type Dataset, type EntityRecord, type RelationshipRecord } from '../model';
import { foreignAttributes } from './foreign-attributes';
import { baseName, fileSource } from './import-source';
import { DEFAULT_IMPORT_OPTIONS, placeAt, RawDatasetBuilder, type ExportedFiles, type ImportOptions, type ImportResult, type InputFile } from './interop-types';
import { generatedRelationshipId, IdAllocator, slugify } from './safe-ids';
import { partialDateOf, windowDays } from './time-mapping';
import { asList, attribute, parseXml, startTagLines, XML_DECLARATION, xmlBuilder } from './xml';

/*
 * GEXF 1.3 (Gephi). Export: a dynamic directed graph with timeformat="date"; every entity a <node> (id, label = name),
 * every relationship an <edge> (id, source, target, label and kind = relation type, weight when set). Our fields are
 * static attributes (node: kind, aliases, description, start, end, attributes; edge: type, start, end, confidence,
 * disputed, weight, evidence, attributes); lists and maps (aliases, evidence, attributes) are JSON text, dates our
 * partial dates as written. Each element also has a <spell> with the days it is part of the network under the as-of
 * rule (README "Time": an entity from start to end, an EVENT entity from its date on, a SPAN relationship from start
 * to end, an EVENT relationship from its date on; partial dates widened to the days they cover), so Gephi's timeline
 * shows the network as of any day exactly as the API's asOf does. Undated elements have no spell (always there).
 *
 * Import (Gephi 0.7-0.10 files, GEXF 1.1-1.3): node id → entity id (safe-ids.ts; the original in attributes.originalId
 * when it changed), label → name, a "kind" attribute when valid (else --kind); edge → relationship of its "type"
 * attribute, else its kind or label when that is a relation type, else --type; weight → weight; dates from our
 * start/end attributes, else from the element's start/end or spells (days of date or dateTime values; integer and
 * double times are kept in attributes); other attributes by title into `attributes`; undirected edges are read
 * source → target (query them with directed: false). Edges without our evidence cite the file ("edge <id>").
 */

export const GEXF_FILE = 'graph.gexf';
/** GEXF has no graph-level attributes: the sources the evidence cites travel as JSON at the end of <meta><description>. */
const SOURCES_MARK = 'Sources: ';
const GEXF_NS = 'http://gexf.net/1.3';

type Element = Record<string, unknown>;

const NODE_ATTRIBUTES = [
  ['kind', 'string'],
  ['aliases', 'string'],
  ['description', 'string'],
  ['start', 'string'],
  ['end', 'string'],
  ['attributes', 'string'],
] as const;
const EDGE_ATTRIBUTES = [
  ['type', 'string'],
  ['start', 'string'],
  ['end', 'string'],
  ['confidence', 'double'],
  ['disputed', 'boolean'],
  ['weight', 'double'],
  ['evidence', 'string'],
  ['attributes', 'string'],
] as const;

const declare = (list: readonly (readonly [string, string])[]) => list.map(([id, type]) => ({ '@_id': id, '@_title': id, '@_type': type }));

function attvalues(values: readonly (readonly [string, string | number | boolean | undefined])[]): Element | undefined {
  const present = values.filter(([, value]) => value !== undefined).map(([id, value]) => ({ '@_for': id, '@_value': String(value) }));
  return present.length > 0 ? { attvalue: present } : undefined;
}

function spells(window: { start?: string; end?: string }): Element | undefined {
  if (!window.start && !window.end) return undefined;
  return { spell: { ...(window.start && { '@_start': window.start }), ...(window.end && { '@_end': window.end }) } };
}

const jsonOrUndefined = (value: unknown, empty: boolean) => (empty ? undefined : JSON.stringify(value));
const hasEntries = (map: object | undefined) => map !== undefined && Object.keys(map).length > 0;

function nodeElement(entity: EntityRecord): Element {
  const aliases = entity.aliases.map((alias) => (alias.lang === undefined ? alias.name : alias));
  return {
    '@_id': entity.id,
    '@_label': entity.name,
    attvalues: attvalues([
      ['kind', entity.kind],
      ['aliases', jsonOrUndefined(aliases, aliases.length === 0)],
      ['description', entity.description],
      ['start', entity.start],
      ['end', entity.end],
      ['attributes', jsonOrUndefined(entity.attributes, !hasEntries(entity.attributes))],
    ]),
    spells: spells(windowDays(entityWindow(entity))),
  };
}

function edgeElement(relationship: RelationshipRecord): Element {
  return {
    '@_id': relationship.id,
    '@_source': relationship.source,
    '@_target': relationship.target,
    '@_label': relationship.type,
    '@_kind': relationship.type,
    ...(relationship.weight !== undefined && { '@_weight': String(relationship.weight) }),
    attvalues: attvalues([
      ['type', relationship.type],
      ['start', relationship.start],
      ['end', relationship.end],
      ['confidence', relationship.confidence],
      ['disputed', relationship.disputed ? true : undefined],
      ['weight', relationship.weight],
      ['evidence', JSON.stringify(relationship.evidence)],
      ['attributes', jsonOrUndefined(relationship.attributes, !hasEntries(relationship.attributes))],
    ]),
    spells: spells(windowDays(relationshipWindow(relationship))),
  };
}

/** The dataset as a GEXF 1.3 document. Pure. */
export function datasetToGexf(dataset: Dataset): string {
  const document = {
    ...XML_DECLARATION,
    gexf: {
      '@_xmlns': GEXF_NS,
      '@_version': '1.3',
      meta: { creator: 'proxygraph', description: `${dataset.entities.length} entities, ${dataset.relationships.length} relationships; spells follow the as-of rule. ${SOURCES_MARK}${JSON.stringify(dataset.sources)}` },
      graph: {
        '@_mode': 'dynamic',
        '@_defaultedgetype': 'directed',
        '@_timeformat': 'date',
        '@_timerepresentation': 'interval',
        attributes: [
          { '@_class': 'node', '@_mode': 'static', attribute: declare(NODE_ATTRIBUTES) },
          { '@_class': 'edge', '@_mode': 'static', attribute: declare(EDGE_ATTRIBUTES) },
        ],
        nodes: { '@_count': String(dataset.entities.length), node: dataset.entities.map(nodeElement) },
        edges: { '@_count': String(dataset.relationships.length), edge: dataset.relationships.map(edgeElement) },
      },
    },
  };
  return xmlBuilder().build(document) as string;
}

export function writeGexf(dataset: Dataset): ExportedFiles {
  return { [GEXF_FILE]: datasetToGexf(dataset) };
}

/* ---------------------------------------------------------------- import */

const LISTS = ['attributes', 'attribute', 'node', 'edge', 'attvalue', 'spell'];

interface Declared {
  readonly title: string;
  readonly type: string;
}

/** The attribute declarations of one class (node or edge), by id. */
function declarations(graph: Element, cls: string): Map<string, Declared> {
  const byId = new Map<string, Declared>();
  for (const group of asList<Element>(graph.attributes)) {
    if (attribute(group, 'class') !== cls) continue;
    for (const declared of asList<Element>(group.attribute)) {
      const id = attribute(declared, 'id');
      if (id !== undefined) byId.set(id, { title: attribute(declared, 'title') ?? id, type: (attribute(declared, 'type') ?? 'string').toLowerCase() });
    }
  }
  return byId;
}

const NUMERIC = new Set(['integer', 'long', 'double', 'float', 'short', 'byte', 'bigdecimal', 'biginteger']);

/** An element's attribute values by title, typed by their declarations (GEXF 1.1 uses `id` where 1.2+ uses `for`). */
function valuesOf(element: Element, declared: Map<string, Declared>): Map<string, string | number | boolean> {
  const values = new Map<string, string | number | boolean>();
  for (const item of asList<Element>((element.attvalues as Element | undefined)?.attvalue)) {
    const key = attribute(item, 'for') ?? attribute(item, 'id');
    const raw = attribute(item, 'value');
    if (key === undefined || raw === undefined) continue;
    const declaration = declared.get(key) ?? { title: key, type: 'string' };
    if (values.has(declaration.title)) continue; // a dynamic attribute: the first value is kept
    let value: string | number | boolean = raw;
    if (NUMERIC.has(declaration.type) && raw.trim() !== '' && Number.isFinite(Number(raw))) value = Number(raw);
    else if (declaration.type === 'boolean' && (raw === 'true' || raw === 'false')) value = raw === 'true';
    values.set(declaration.title, value);
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

/** Dates of an element: our start/end attributes, else its own start/end or the extent of its spells. */
function datesOf(element: Element, values: Map<string, string | number | boolean>, extra: Record<string, string | number | boolean>): { start?: string; end?: string } {
  if (typeof values.get('start') === 'string' || typeof values.get('end') === 'string') {
    return { start: values.get('start') as string | undefined, end: values.get('end') as string | undefined };
  }
  const spellList = asList<Element>((element.spells as Element | undefined)?.spell);
  const starts = [attribute(element, 'start') ?? attribute(element, 'startopen'), ...spellList.map((spell) => attribute(spell, 'start') ?? attribute(spell, 'startopen'))].filter((v): v is string => v !== undefined);
  const ends = [attribute(element, 'end') ?? attribute(element, 'endopen'), ...spellList.map((spell) => attribute(spell, 'end') ?? attribute(spell, 'endopen'))].filter((v): v is string => v !== undefined);
  // An open side in any spell leaves that side open overall.
  const openStart = spellList.length > 0 && spellList.some((spell) => attribute(spell, 'start') === undefined && attribute(spell, 'startopen') === undefined);
  const openEnd = spellList.length > 0 && spellList.some((spell) => attribute(spell, 'end') === undefined && attribute(spell, 'endopen') === undefined);
  const startDates = starts.map(partialDateOf);
  const endDates = ends.map(partialDateOf);
  if (starts.length > 0 && startDates.some((d) => d === undefined)) extra.timeStart = starts.join(' ');
  if (ends.length > 0 && endDates.some((d) => d === undefined)) extra.timeEnd = ends.join(' ');
  const valid = (list: (string | undefined)[]) => list.filter((d): d is string => d !== undefined).sort();
  const start = openStart ? undefined : valid(startDates)[0];
  const end = openEnd ? undefined : valid(endDates).at(-1);
  if (spellList.length > 1) extra.spells = spellList.length;
  return { ...(start && { start }), ...(end && { end }) };
}

/** Reads GEXF files (Gephi's, or ours). Pure. */
export function readGexf(files: readonly InputFile[], options: ImportOptions = {}): ImportResult {
  const result = new RawDatasetBuilder();
  const defaultKind = options.kind ?? DEFAULT_IMPORT_OPTIONS.kind;
  const defaultType = options.type ?? DEFAULT_IMPORT_OPTIONS.type;
  for (const file of files) {
    const { document, problem } = parseXml(file.text, file.name, LISTS);
    if (problem || !document) {
      if (problem) result.problems.push(problem);
      continue;
    }
    const graph = (document.gexf as Element | undefined)?.graph as Element | undefined;
    if (!graph) {
      result.problems.push({ code: 'FILE_SHAPE', file: file.name, line: 1, message: 'not a GEXF document: no <gexf><graph>', hint: 'export the graph from Gephi as GEXF' });
      continue;
    }
    const meta = (document.gexf as Element).meta as Element | undefined;
    const description = typeof meta?.description === 'string' ? meta.description : undefined;
    const mark = description?.lastIndexOf(SOURCES_MARK) ?? -1;
    const sources = mark >= 0 ? parseJson(description!.slice(mark + SOURCES_MARK.length)) : undefined;
    const metaLine = startTagLines(file.text, 'description')[0];
    if (Array.isArray(sources)) for (const item of sources) result.sources.push({ value: item, place: placeAt(file.name, metaLine) });
    const nodeDeclarations = declarations(graph, 'node');
    const edgeDeclarations = declarations(graph, 'edge');
    const nodes = asList<Element>((graph.nodes as Element | undefined)?.node);
    const edges = asList<Element>((graph.edges as Element | undefined)?.edge);
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
      const values = valuesOf(node, nodeDeclarations);
      const kind = values.get('kind');
      const extra: Record<string, string | number | boolean> = {};
      const dates = datesOf(node, values, extra);
      const aliases = parseJson(values.get('aliases'));
      const ours = parseJson(values.get('attributes'));
      const foreign = foreignAttributes(Object.fromEntries([...values].filter(([title]) => !['kind', 'aliases', 'description', 'start', 'end', 'attributes', 'label', 'name'].includes(title))));
      const attributes = { ...(typeof ours === 'object' && ours !== null && !Array.isArray(ours) ? ours : {}), ...foreign.values, ...extra, ...(id !== token && { originalId: token }) };
      const value: Element = {
        id,
        kind: isEntityKind(kind) ? kind : defaultKind,
        name: attribute(node, 'label') ?? (typeof values.get('name') === 'string' ? values.get('name') : token),
        ...(Array.isArray(aliases) && { aliases }),
        ...(typeof values.get('description') === 'string' && { description: values.get('description') }),
        ...dates,
        ...(Object.keys(attributes).length > 0 && { attributes }),
      };
      result.entities.push({ value, place: placeAt(file.name, line) });
    });
    const source = fileSource(file.name);
    const fileSlug = slugify(baseName(file.name), 60) || 'file';
    let citedFile = false;
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
      const values = valuesOf(edge, edgeDeclarations);
      const extra: Record<string, string | number | boolean> = {};
      const dates = datesOf(edge, values, extra);
      const label = attribute(edge, 'label');
      const edgeKind = attribute(edge, 'kind');
      const type = [values.get('type'), edgeKind, label].find(isRelationType) ?? defaultType;
      const weightText = attribute(edge, 'weight');
      const weight = values.get('weight') ?? (weightText !== undefined && weightText.trim() !== '' && Number.isFinite(Number(weightText)) ? Number(weightText) : weightText);
      const evidence = parseJson(values.get('evidence'));
      const ours = parseJson(values.get('attributes'));
      const foreign = foreignAttributes(Object.fromEntries([...values].filter(([title]) => !['type', 'start', 'end', 'confidence', 'disputed', 'weight', 'evidence', 'attributes'].includes(title))));
      const attributes = {
        ...(typeof ours === 'object' && ours !== null && !Array.isArray(ours) ? ours : {}),
        ...foreign.values,
        ...extra,
        ...(label !== undefined && label !== type && { label }),
        ...(edgeKind !== undefined && edgeKind !== type && { edgeKind }),
        ...(attribute(edge, 'type') === 'undirected' || (attribute(edge, 'type') === undefined && attribute(graph, 'defaultedgetype') === 'undirected') ? { undirected: true } : {}),
      };
      const cite = !Array.isArray(evidence);
      if (cite) citedFile = true;
      const value: Element = {
        id,
        type,
        source: nodeIds.get(from) ?? ids.entity(from),
        target: nodeIds.get(to) ?? ids.entity(to),
        ...dates,
        ...(values.get('confidence') !== undefined && { confidence: values.get('confidence') }),
        ...(values.get('disputed') === true && { disputed: true }),
        ...(weight !== undefined && { weight }),
        evidence: cite ? [{ source: source.id, locator: `edge ${token ?? index + 1}` }] : evidence,
        ...(Object.keys(attributes).length > 0 && { attributes }),
      };
      result.relationships.push({ value, place: placeAt(file.name, line) });
    });
    if (citedFile) result.sources.push({ value: source, place: placeAt(file.name, 1) });
  }
  return result.result();
}
