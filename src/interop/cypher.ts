import type { Dataset, EntityRecord, RelationshipRecord } from '../model';
import type { ExportedFiles } from './interop-types';
import { entityProperties, KIND_LABEL, relationshipProperties, type Neo4jValue } from './neo4j-properties';

/*
 * A Cypher script for Neo4j (cypher-shell -f graph.cypher, or paste into Neo4j Browser): uniqueness constraints, then
 * MERGE statements in batches (UNWIND of literal rows) — sources, entities by kind, relationships by type — so running
 * it twice, or on a database holding an earlier export, updates instead of duplicating. Properties per
 * neo4j-properties.ts. Export only: Cypher is a query language, not a data format to read back.
 */

export const CYPHER_FILE = 'graph.cypher';
const BATCH = 500;

/** A Cypher string literal. */
export function cypherString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

function literal(value: Neo4jValue): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}.0` : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => cypherString(item)).join(', ')}]`;
  return `date(${cypherString((value as { date: string }).date)})`;
}

function map(entries: readonly [string, Neo4jValue][]): string {
  return `{${entries.map(([key, value]) => `${key}: ${literal(value)}`).join(', ')}}`;
}

function batches<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += BATCH) result.push(items.slice(index, index + BATCH));
  return result;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The dataset as a Cypher script. Pure. */
export function datasetToCypher(dataset: Dataset): string {
  const lines = [
    `// proxygraph export: ${dataset.entities.length} entities, ${dataset.relationships.length} relationships, ${dataset.sources.length} sources.`,
    '// Run with: cypher-shell -u neo4j -p PASSWORD -f graph.cypher',
    'CREATE CONSTRAINT proxygraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;',
    'CREATE CONSTRAINT proxygraph_source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;',
  ];
  for (const batch of batches(dataset.sources)) {
    const rows = batch.map((source) => map(Object.entries(source).filter(([, value]) => value !== undefined) as [string, string][]));
    lines.push(`UNWIND [${rows.join(',\n  ')}] AS row\nMERGE (s:Source {id: row.id}) SET s += row;`);
  }
  for (const [kind, entities] of groupBy(dataset.entities, (entity: EntityRecord) => entity.kind)) {
    for (const batch of batches(entities)) {
      lines.push(`UNWIND [${batch.map((entity) => map(entityProperties(entity))).join(',\n  ')}] AS row\nMERGE (n:Entity {id: row.id}) SET n:${KIND_LABEL[kind as EntityRecord['kind']]}, n += row;`);
    }
  }
  for (const [type, relationships] of groupBy(dataset.relationships, (relationship: RelationshipRecord) => relationship.type)) {
    for (const batch of batches(relationships)) {
      const rows = batch.map((relationship) => `{from: ${cypherString(relationship.source)}, to: ${cypherString(relationship.target)}, properties: ${map(relationshipProperties(relationship))}}`);
      lines.push(`UNWIND [${rows.join(',\n  ')}] AS row\nMATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})\nMERGE (a)-[r:${type} {id: row.properties.id}]->(b) SET r += row.properties;`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function writeCypher(dataset: Dataset): ExportedFiles {
  return { [CYPHER_FILE]: datasetToCypher(dataset) };
}
