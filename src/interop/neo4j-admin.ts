import { stringify } from 'csv-stringify/sync';
import type { Dataset } from '../model';
import type { ExportedFiles } from './interop-types';
import { neutraliseRow } from './spreadsheet-cells';
import { entityProperties, KIND_LABEL, relationshipProperties, type Neo4jValue } from './neo4j-properties';

/*
 * CSV files for `neo4j-admin database import full` (an empty database, fastest for large graphs):
 *   neo4j-admin database import full --nodes=nodes.csv --nodes=sources.csv --relationships=relationships.csv neo4j
 * nodes.csv (entities, id space Entity), sources.csv (id space Source) and relationships.csv, with typed headers
 * (:ID, :LABEL, :START_ID, :END_ID, :TYPE, :date, :double, :boolean, string[] with neo4j-admin's default array
 * delimiter ";" — a ";" inside an alias name is written as ","). Properties per neo4j-properties.ts. Export only.
 * Then: cypher-shell -f restore-escaped-cells.cypher (see below).
 */

export const NEO4J_ADMIN_FILES = { nodes: 'nodes.csv', sources: 'sources.csv', relationships: 'relationships.csv', restore: 'restore-escaped-cells.cypher' } as const;

/*
 * Cells that would run as spreadsheet formulas are written with a leading quote (spreadsheet-cells.ts), which
 * neo4j-admin imports as part of the value; restore-escaped-cells.cypher, run once after the import, removes it. Only
 * free-text properties can begin with such a character (ids are slugs, dates digits, JSON cells "[" or "{"), and for a
 * list only its first item starts the cell.
 */
const TEXT_PROPERTIES = { Entity: ['name', 'description'], Source: ['title', 'publisher', 'url'] } as const;
const FIRST_ITEM_PROPERTIES = { Entity: ['aliases'] } as const;

function restoreScript(): string {
  const lines = ['// Run once after neo4j-admin database import: removes the quote written before cells a spreadsheet would run.'];
  for (const [label, properties] of Object.entries(TEXT_PROPERTIES)) {
    for (const property of properties) lines.push(`MATCH (n:${label}) WHERE n.${property} STARTS WITH "'" SET n.${property} = substring(n.${property}, 1);`);
  }
  for (const [label, properties] of Object.entries(FIRST_ITEM_PROPERTIES)) {
    for (const property of properties) lines.push(`MATCH (n:${label}) WHERE n.${property}[0] STARTS WITH "'" SET n.${property} = [substring(n.${property}[0], 1)] + n.${property}[1..];`);
  }
  return `${lines.join('\n')}\n`;
}

const NODE_COLUMNS = [
  ['id', 'id:ID(Entity)'],
  ['kind', 'kind'],
  ['name', 'name'],
  ['aliases', 'aliases:string[]'],
  ['aliasLangs', 'aliasLangs:string[]'],
  ['description', 'description'],
  ['start', 'start'],
  ['end', 'end'],
  ['startDay', 'startDay:date'],
  ['endDay', 'endDay:date'],
  ['attributes', 'attributes'],
] as const;

const RELATIONSHIP_COLUMNS = [
  ['id', 'id'],
  ['start', 'start'],
  ['end', 'end'],
  ['startDay', 'startDay:date'],
  ['endDay', 'endDay:date'],
  ['confidence', 'confidence:double'],
  ['disputed', 'disputed:boolean'],
  ['weight', 'weight:double'],
  ['evidence', 'evidence'],
  ['sources', 'sources:string[]'],
  ['attributes', 'attributes'],
] as const;

function cell(value: Neo4jValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => item.replace(/;/g, ',')).join(';');
  if (typeof value === 'object') return (value as { date: string }).date;
  return String(value);
}

function row(properties: [string, Neo4jValue][], columns: readonly (readonly [string, string])[]): string[] {
  const byName = new Map(properties);
  return columns.map(([name]) => cell(byName.get(name)));
}

/** The dataset as neo4j-admin import CSVs. Pure. */
export function writeNeo4jAdmin(dataset: Dataset): ExportedFiles {
  const csv = ([header, ...rows]: string[][]) => stringify([header, ...rows.map(neutraliseRow)], { record_delimiter: 'unix' });
  return {
    [NEO4J_ADMIN_FILES.nodes]: csv([
      [...NODE_COLUMNS.map(([, header]) => header), ':LABEL'],
      ...dataset.entities.map((entity) => [...row(entityProperties(entity), NODE_COLUMNS), `Entity;${KIND_LABEL[entity.kind]}`]),
    ]),
    [NEO4J_ADMIN_FILES.sources]: csv([
      ['id:ID(Source)', 'title', 'published', 'publisher', 'url', ':LABEL'],
      ...dataset.sources.map((source) => [source.id, source.title, source.published ?? '', source.publisher ?? '', source.url ?? '', 'Source']),
    ]),
    [NEO4J_ADMIN_FILES.relationships]: csv([
      [':START_ID(Entity)', ':END_ID(Entity)', ':TYPE', ...RELATIONSHIP_COLUMNS.map(([, header]) => header)],
      ...dataset.relationships.map((relationship) => [relationship.source, relationship.target, relationship.type, ...row(relationshipProperties(relationship), RELATIONSHIP_COLUMNS)]),
    ]),
    [NEO4J_ADMIN_FILES.restore]: restoreScript(),
  };
}
