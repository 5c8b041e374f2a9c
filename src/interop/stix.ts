import { v5 as uuidv5 } from 'uuid';
import { toInterval, dayToIso, type Dataset, type EntityRecord, type EvidenceRecord, type RelationshipRecord, type SourceRecord } from '../model';
import { SDO_FOR_KIND, STIX_RELATIONSHIP_TYPE } from './stix-mapping';
import type { ExportedFiles } from './interop-types';

/*
 * STIX 2.1 bundles (OpenCTI, MISP, TAXII feeds). The mapping of kinds and types is in stix-mapping.ts; here:
 * - ids are uuid v5 of our ids (namespace PROXYGRAPH_STIX_NAMESPACE), so exporting the same dataset twice gives the
 *   same bundle; an entity or relationship imported from STIX keeps its original id (attributes.stixId);
 * - created and modified are the day of the latest source publication (stable across exports), or 1970-01-01;
 * - a relationship's start and end are start_time (first instant of its first day) and stop_time (last instant of its
 *   last day); confidence 0..1 is STIX's 0..100; each evidence item is an external_reference: source_name the
 *   source's title, url its url, external_id its id, description the note, with the locator, stance and the source's
 *   publisher and date in x_proxygraph_* properties;
 * - every source with a publication date is also a report whose object_refs are the relationships citing it and their
 *   ends (OpenCTI shows what each report supports);
 * - x_proxygraph_id, x_proxygraph_kind / x_proxygraph_type, x_proxygraph_start / x_proxygraph_end (our partial dates),
 *   x_proxygraph_disputed, x_proxygraph_weight and x_proxygraph_attributes carry what STIX has no property for, so a
 *   bundle we wrote reads back as the same dataset.
 */

export const PROXYGRAPH_STIX_NAMESPACE = '2d7713a1-0a03-5652-987b-4c86c77ad49c';
export const STIX_FILE = 'bundle.json';

type StixObject = Record<string, unknown>;

const STIX_ID = /^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

export function stixId(type: string, key: string): string {
  return `${type}--${uuidv5(`${type}:${key}`, PROXYGRAPH_STIX_NAMESPACE)}`;
}

/** The STIX id and type an entity or relationship goes out with: its original STIX id when it has one that fits. */
function identify(record: { id: string; attributes?: Readonly<Record<string, unknown>> }, allowed: readonly string[]): { id: string; type: string } {
  const original = record.attributes?.stixId;
  const match = typeof original === 'string' ? STIX_ID.exec(original) : null;
  if (match && allowed.includes(match[1])) return { id: original as string, type: match[1] };
  return { id: stixId(allowed[0], record.id), type: allowed[0] };
}

const firstInstant = (date: string) => `${dayToIso(toInterval(date).lo)}T00:00:00.000Z`;
const lastInstant = (date: string) => `${dayToIso(toInterval(date).hi)}T23:59:59.999Z`;

/** Our attributes without the ones that only carry STIX identity. */
function ownAttributes(attributes: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> | undefined {
  if (!attributes) return undefined;
  const { stixId: _id, stixRelationshipType: _type, ...rest } = attributes;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

function common(type: string, id: string, timestamp: string): StixObject {
  return { type, spec_version: '2.1', id, created: timestamp, modified: timestamp };
}

/** Where each place is: the targets of its PART_OF and LOCATED_AT relationships. */
type PlaceLinks = ReadonlyMap<string, readonly EntityRecord[]>;

function placeLinks(dataset: Dataset, byId: ReadonlyMap<string, EntityRecord>): PlaceLinks {
  const links = new Map<string, EntityRecord[]>();
  for (const relationship of dataset.relationships) {
    const target = byId.get(relationship.target);
    if ((relationship.type !== 'PART_OF' && relationship.type !== 'LOCATED_AT') || !target) continue;
    const list = links.get(relationship.source);
    if (list) list.push(target);
    else links.set(relationship.source, [target]);
  }
  return links;
}

/** The country a place is in: its own attribute, else a STATE it is PART_OF or LOCATED_AT (transitively via places). */
function countryOf(entity: EntityRecord, links: PlaceLinks): string | undefined {
  const code = (e: EntityRecord) => ['country', 'iso2', 'countryCode'].map((name) => e.attributes?.[name]).find((v): v is string => typeof v === 'string');
  const seen = new Set<string>([entity.id]);
  let frontier = [entity];
  while (frontier.length > 0) {
    const next: EntityRecord[] = [];
    for (const place of frontier) {
      const own = code(place);
      if (own) return own;
      for (const target of links.get(place.id) ?? []) {
        if (seen.has(target.id)) continue;
        seen.add(target.id);
        if (target.kind === 'STATE') return code(target) ?? target.name;
        if (target.kind === 'LOCATION') next.push(target);
      }
    }
    frontier = next;
  }
  return undefined;
}

function entityObject(entity: EntityRecord, links: PlaceLinks, timestamp: string): StixObject {
  const { id, type } = identify(entity, SDO_FOR_KIND[entity.kind]);
  const object: StixObject = { ...common(type, id, timestamp), name: entity.name };
  if (entity.description) object.description = entity.description;
  const aliases = entity.aliases.map((alias) => alias.name);
  if (aliases.length > 0 && (type === 'threat-actor' || type === 'intrusion-set' || type === 'campaign')) object.aliases = aliases;
  if (type === 'identity') {
    object.identity_class = entity.kind === 'PERSON' ? 'individual' : 'organization';
    if (entity.kind === 'STATE') object.sectors = ['government-national'];
  }
  if (type === 'threat-actor' && entity.kind === 'PERSON') object.resource_level = 'individual';
  if (type === 'threat-actor' || type === 'intrusion-set' || type === 'campaign' || type === 'incident') {
    if (entity.start) object.first_seen = firstInstant(entity.start);
    if (entity.end) object.last_seen = lastInstant(entity.end);
  }
  if (type === 'location') {
    const attribute = (name: string) => entity.attributes?.[name];
    const latitude = attribute('latitude');
    const longitude = attribute('longitude');
    const country = countryOf(entity, links);
    if (typeof latitude === 'number' && typeof longitude === 'number') Object.assign(object, { latitude, longitude });
    if (country) object.country = country;
    if (typeof attribute('region') === 'string') object.region = attribute('region');
    if (object.country === undefined && object.region === undefined && object.latitude === undefined) object.region = 'unknown';
  }
  object.x_proxygraph_id = entity.id;
  object.x_proxygraph_kind = entity.kind;
  if (entity.aliases.length > 0) object.x_proxygraph_aliases = entity.aliases;
  if (entity.start) object.x_proxygraph_start = entity.start;
  if (entity.end) object.x_proxygraph_end = entity.end;
  const attributes = ownAttributes(entity.attributes);
  if (attributes) object.x_proxygraph_attributes = attributes;
  return object;
}

function externalReference(evidence: EvidenceRecord, sources: ReadonlyMap<string, SourceRecord>): StixObject {
  const source = sources.get(evidence.source);
  return {
    source_name: source?.title ?? evidence.source,
    ...(source?.url && { url: source.url }),
    external_id: evidence.source,
    ...(evidence.note && { description: evidence.note }),
    ...(evidence.locator && { x_proxygraph_locator: evidence.locator }),
    ...(evidence.stance && { x_proxygraph_stance: evidence.stance }),
    ...(source?.publisher && { x_proxygraph_publisher: source.publisher }),
    ...(source?.published && { x_proxygraph_published: source.published }),
  };
}

function relationshipObject(relationship: RelationshipRecord, ids: ReadonlyMap<string, string>, sources: ReadonlyMap<string, SourceRecord>, timestamp: string): StixObject {
  const { id } = identify(relationship, ['relationship']);
  const original = relationship.attributes?.stixRelationshipType;
  const object: StixObject = {
    ...common('relationship', id, timestamp),
    relationship_type: typeof original === 'string' ? original : STIX_RELATIONSHIP_TYPE[relationship.type],
    source_ref: ids.get(relationship.source),
    target_ref: ids.get(relationship.target),
  };
  if (relationship.start) object.start_time = firstInstant(relationship.start);
  if (relationship.end) object.stop_time = lastInstant(relationship.end);
  if (relationship.confidence !== undefined) object.confidence = Math.round(relationship.confidence * 100);
  object.external_references = relationship.evidence.map((evidence) => externalReference(evidence, sources));
  object.x_proxygraph_id = relationship.id;
  object.x_proxygraph_type = relationship.type;
  if (relationship.start) object.x_proxygraph_start = relationship.start;
  if (relationship.end) object.x_proxygraph_end = relationship.end;
  if (relationship.confidence !== undefined) object.x_proxygraph_confidence = relationship.confidence;
  if (relationship.disputed) object.x_proxygraph_disputed = true;
  if (relationship.weight !== undefined) object.x_proxygraph_weight = relationship.weight;
  const attributes = ownAttributes(relationship.attributes);
  if (attributes) object.x_proxygraph_attributes = attributes;
  return object;
}

function reportObject(source: SourceRecord, refs: readonly string[], timestamp: string): StixObject {
  return {
    ...common('report', stixId('report', source.id), timestamp),
    name: source.title,
    report_types: ['threat-report'],
    published: firstInstant(source.published!),
    object_refs: refs,
    ...(source.url && { external_references: [{ source_name: source.publisher ?? source.title, url: source.url }] }),
    x_proxygraph_source: source,
  };
}

/** The dataset as a STIX 2.1 bundle (a JSON value). Pure and deterministic. */
export function datasetToStix(dataset: Dataset): { type: 'bundle'; id: string; objects: StixObject[] } {
  const latest = dataset.sources.map((source) => source.published).filter((date): date is string => !!date).sort().at(-1);
  const timestamp = latest ? firstInstant(latest) : '1970-01-01T00:00:00.000Z';
  const byId = new Map(dataset.entities.map((entity) => [entity.id, entity]));
  const sources = new Map(dataset.sources.map((source) => [source.id, source]));
  const links = placeLinks(dataset, byId);
  const entities = dataset.entities.map((entity) => entityObject(entity, links, timestamp));
  const ids = new Map(dataset.entities.map((entity, index) => [entity.id, entities[index].id as string]));
  const relationships = dataset.relationships.map((relationship) => relationshipObject(relationship, ids, sources, timestamp));
  const reports = dataset.sources
    .filter((source) => source.published)
    .map((source) => {
      const refs = new Set<string>();
      dataset.relationships.forEach((relationship, index) => {
        if (!relationship.evidence.some((evidence) => evidence.source === source.id)) return;
        refs.add(relationships[index].id as string).add(ids.get(relationship.source)!).add(ids.get(relationship.target)!);
      });
      return refs.size > 0 ? reportObject(source, [...refs], timestamp) : undefined;
    })
    .filter((report): report is StixObject => report !== undefined);
  const key = [...entities, ...relationships].map((object) => object.id).join('\n');
  return { type: 'bundle', id: stixId('bundle', key), objects: [...entities, ...relationships, ...reports] };
}

export function writeStix(dataset: Dataset): ExportedFiles {
  return { [STIX_FILE]: `${JSON.stringify(datasetToStix(dataset), null, 2)}\n` };
}
