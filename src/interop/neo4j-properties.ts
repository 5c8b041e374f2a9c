import { toInterval, dayToIso, type EntityRecord, type RelationshipRecord } from '../model';

/*
 * The properties an entity or relationship has in Neo4j, shared by the Cypher script and the neo4j-admin CSVs:
 * scalars as they are; aliases as a list of names with a parallel list of languages ("" for none); our partial dates
 * as text (start, end) plus startDay / endDay as Neo4j dates (the first day `start` covers, the last day `end`
 * covers), for range queries; evidence and attributes as JSON text (Neo4j properties cannot hold maps);
 * sources, on relationships, the ids of the sources the evidence cites.
 * Labels: every entity is :Entity and also :Person, :Organization, :State, :Location or :Event; sources are :Source;
 * a relationship's type is our relation type (LEADS, BACKS, …).
 */

export type Neo4jValue = string | number | boolean | readonly string[] | { readonly date: string };

export const KIND_LABEL: Record<EntityRecord['kind'], string> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  STATE: 'State',
  LOCATION: 'Location',
  EVENT: 'Event',
};

const day = (date: string | undefined, side: 'lo' | 'hi') => (date ? { date: dayToIso(toInterval(date)[side]) } : undefined);
const json = (value: object | undefined) => (value && Object.keys(value).length > 0 ? JSON.stringify(value) : undefined);

function defined(entries: [string, Neo4jValue | undefined][]): [string, Neo4jValue][] {
  return entries.filter((entry): entry is [string, Neo4jValue] => entry[1] !== undefined);
}

export function entityProperties(entity: EntityRecord): [string, Neo4jValue][] {
  return defined([
    ['id', entity.id],
    ['kind', entity.kind],
    ['name', entity.name],
    ['aliases', entity.aliases.length > 0 ? entity.aliases.map((alias) => alias.name) : undefined],
    ['aliasLangs', entity.aliases.some((alias) => alias.lang) ? entity.aliases.map((alias) => alias.lang ?? '') : undefined],
    ['description', entity.description],
    ['start', entity.start],
    ['end', entity.end],
    ['startDay', day(entity.start, 'lo')],
    ['endDay', day(entity.end, 'hi')],
    ['attributes', json(entity.attributes)],
  ]);
}

export function relationshipProperties(relationship: RelationshipRecord): [string, Neo4jValue][] {
  return defined([
    ['id', relationship.id],
    ['start', relationship.start],
    ['end', relationship.end],
    ['startDay', day(relationship.start, 'lo')],
    ['endDay', day(relationship.end, 'hi')],
    ['confidence', relationship.confidence],
    ['disputed', relationship.disputed ? true : undefined],
    ['weight', relationship.weight],
    ['evidence', JSON.stringify(relationship.evidence)],
    ['sources', [...new Set(relationship.evidence.map((evidence) => evidence.source))]],
    ['attributes', json(relationship.attributes)],
  ]);
}
