import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Scalar, stringify } from 'yaml';
import type { AttributeValue, EntityRecord, EvidenceRecord, RelationshipRecord, SourceRecord } from '../model';
import { DATASET_FILES } from './load-dataset';

/**
 * The canonical form of the dataset files, so that a store exported to files and read back gives the same bytes:
 * - records in the order given (the store keeps each record's place in its file), one blank line between records;
 * - a record's heading (the `# ...` comment lines above it in the file) kept, followed by a blank line;
 * - fields in one fixed order per kind (the order of the record types in src/model/records.ts), absent and empty
 *   fields left out; an alias without a language written as plain text;
 * - scalars as the yaml library writes them (plain when that reads back as the same string), except that dates and
 *   anything that looks like one ("2014", "2024-01") and text with line breaks are always double-quoted;
 * - no line folding, two-space indentation, lists indented under their key, a final newline.
 * Comments inside a record are not kept.
 */

export interface LaidOut<T> {
  readonly record: T;
  /** The comment lines above the record, verbatim (each starting with #); null when none. */
  readonly heading?: string | null;
}

export interface LaidOutDataset {
  readonly sources: readonly LaidOut<SourceRecord>[];
  readonly entities: readonly LaidOut<EntityRecord>[];
  readonly relationships: readonly LaidOut<RelationshipRecord>[];
}

const DATE_LIKE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const INDENT = '  ';

/** One scalar as YAML text, on one line. */
export function yamlScalar(value: string | number | boolean): string {
  const node = new Scalar(value);
  if (typeof value === 'string' && (DATE_LIKE.test(value) || /[\n\r]/.test(value))) node.type = 'QUOTE_DOUBLE';
  return stringify(node, { lineWidth: 0, minContentWidth: 0, singleQuote: false }).replace(/\n$/, '');
}

type Line = string;

function field(lines: Line[], indent: string, key: string, value: string | number | boolean | undefined | null): void {
  if (value === undefined || value === null) return;
  lines.push(`${indent}${yamlScalar(key)}: ${yamlScalar(value)}`);
}

function attributes(lines: Line[], indent: string, values: Readonly<Record<string, AttributeValue>> | undefined): void {
  const entries = Object.entries(values ?? {});
  if (entries.length === 0) return;
  lines.push(`${indent}attributes:`);
  for (const [key, value] of entries) field(lines, indent + INDENT, key, value);
}

/** A list item whose fields are `entries`: the first on the "- " line, the others aligned under it. */
function mapItem(lines: Line[], indent: string, entries: readonly (readonly [string, string | number | boolean | undefined])[]): void {
  const present = entries.filter(([, value]) => value !== undefined) as [string, string | number | boolean][];
  present.forEach(([key, value], index) => lines.push(`${indent}${index === 0 ? '- ' : INDENT}${yamlScalar(key)}: ${yamlScalar(value)}`));
}

function sourceLines(source: SourceRecord): Line[] {
  const lines = [`- id: ${yamlScalar(source.id)}`];
  field(lines, INDENT, 'title', source.title);
  field(lines, INDENT, 'publisher', source.publisher);
  field(lines, INDENT, 'published', source.published);
  field(lines, INDENT, 'url', source.url);
  return lines;
}

function entityLines(entity: EntityRecord): Line[] {
  const lines = [`- id: ${yamlScalar(entity.id)}`];
  field(lines, INDENT, 'kind', entity.kind);
  field(lines, INDENT, 'name', entity.name);
  if (entity.aliases.length > 0) {
    lines.push(`${INDENT}aliases:`);
    for (const alias of entity.aliases) {
      if (alias.lang === undefined) lines.push(`${INDENT}${INDENT}- ${yamlScalar(alias.name)}`);
      else mapItem(lines, INDENT + INDENT, [['name', alias.name], ['lang', alias.lang]]);
    }
  }
  field(lines, INDENT, 'description', entity.description);
  field(lines, INDENT, 'start', entity.start);
  field(lines, INDENT, 'end', entity.end);
  attributes(lines, INDENT, entity.attributes);
  return lines;
}

function evidenceEntries(evidence: EvidenceRecord) {
  return [['source', evidence.source], ['locator', evidence.locator], ['note', evidence.note], ['stance', evidence.stance]] as const;
}

function relationshipLines(relationship: RelationshipRecord): Line[] {
  const lines = [`- id: ${yamlScalar(relationship.id)}`];
  field(lines, INDENT, 'type', relationship.type);
  field(lines, INDENT, 'source', relationship.source);
  field(lines, INDENT, 'target', relationship.target);
  field(lines, INDENT, 'start', relationship.start);
  field(lines, INDENT, 'end', relationship.end);
  field(lines, INDENT, 'confidence', relationship.confidence);
  if (relationship.disputed === true) field(lines, INDENT, 'disputed', true);
  field(lines, INDENT, 'weight', relationship.weight);
  attributes(lines, INDENT, relationship.attributes);
  lines.push(`${INDENT}evidence:`);
  for (const evidence of relationship.evidence) mapItem(lines, INDENT + INDENT, evidenceEntries(evidence));
  return lines;
}

function formatRecords<T>(records: readonly LaidOut<T>[], linesOf: (record: T) => Line[]): string {
  if (records.length === 0) return '[]\n';
  const blocks = records.map(({ record, heading }) => [...(heading ? [heading, ''] : []), ...linesOf(record)].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

export const formatSources = (records: readonly LaidOut<SourceRecord>[]) => formatRecords(records, sourceLines);
export const formatEntities = (records: readonly LaidOut<EntityRecord>[]) => formatRecords(records, entityLines);
export const formatRelationships = (records: readonly LaidOut<RelationshipRecord>[]) => formatRecords(records, relationshipLines);

/** The three files of a dataset, by file name. */
export function formatDataset(dataset: LaidOutDataset): Record<string, string> {
  return {
    [DATASET_FILES.sources]: formatSources(dataset.sources),
    [DATASET_FILES.entities]: formatEntities(dataset.entities),
    [DATASET_FILES.relationships]: formatRelationships(dataset.relationships),
  };
}

/** Writes the dataset files into `directory` (created when missing); each file is replaced whole, never left half-written. */
export function writeDataset(directory: string, dataset: LaidOutDataset): string[] {
  mkdirSync(directory, { recursive: true });
  return Object.entries(formatDataset(dataset)).map(([name, text]) => {
    const file = join(directory, name);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    return file;
  });
}

/**
 * The heading of each record of a dataset file: the comment lines (starting with # at the start of the line) between
 * the record and the one before it. `recordLines` are the 1-based lines where records start.
 */
export function readHeadings(text: string, recordLines: readonly number[]): (string | null)[] {
  const lines = text.split('\n');
  return recordLines.map((line) => {
    const comments: string[] = [];
    for (let index = line - 2; index >= 0; index--) {
      const content = lines[index].replace(/\r$/, '');
      if (content.startsWith('#')) comments.unshift(content);
      else if (content.trim() !== '') break;
    }
    return comments.length > 0 ? comments.join('\n') : null;
  });
}
