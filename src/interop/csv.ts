import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Dataset, EntityRecord, Problem, RelationshipRecord, SourceRecord } from '../model';
import { fileSource } from './import-source';
import { placeAt, RawDatasetBuilder, type ExportedFiles, type ImportResult, type InputFile } from './interop-types';
import { neutraliseRow, restoreCell } from './spreadsheet-cells';

/*
 * CSV: three files with a header row, one record per row (RFC 4180: comma separated, double-quoted when needed,
 * UTF-8). Lossless: a dataset written and read back is deep-equal to the original.
 *
 *   sources.csv        id,title,published,publisher,url
 *   entities.csv       id,kind,name,aliases,description,start,end,attributes
 *   relationships.csv  id,type,source,target,start,end,confidence,disputed,weight,evidence,attributes
 *
 * Cells are text; an empty cell is an absent field. Dates stay text ("2020", "2020-01", "2020-01-03"); confidence
 * and weight are numbers; disputed is true or false. The fields that hold lists or maps are one JSON value in the
 * cell, the same structure as in the YAML files:
 *   aliases     ["KH","Kataib Hezbollah",{"name":"كتائب حزب الله","lang":"ar"}]
 *   evidence    [{"source":"article-2024-04-21","locator":"¶3","note":"..."}]
 *   attributes  {"iso2":"IQ","founded":2003}
 * For hand-made files, an aliases cell that does not start with "[" is read as a ";"-separated list (write "\;" for
 * a semicolon inside an alias). Cells that a spreadsheet would run as a formula are written with a leading quote, and
 * one leading quote is removed from every cell on reading (spreadsheet-cells.ts). A relationships file with no evidence column cites the CSV file itself
 * (source "import-<file name>", locator "line N"). Files are recognised by their header, whatever their names.
 */

export const CSV_FILES = { sources: 'sources.csv', entities: 'entities.csv', relationships: 'relationships.csv' } as const;
export const SOURCE_COLUMNS = ['id', 'title', 'published', 'publisher', 'url'] as const;
export const ENTITY_COLUMNS = ['id', 'kind', 'name', 'aliases', 'description', 'start', 'end', 'attributes'] as const;
export const RELATIONSHIP_COLUMNS = ['id', 'type', 'source', 'target', 'start', 'end', 'confidence', 'disputed', 'weight', 'evidence', 'attributes'] as const;

const json = (value: unknown, empty: boolean) => (empty ? '' : JSON.stringify(value));
const text = (value: string | number | boolean | undefined) => (value === undefined ? '' : String(value));

function sourceRow(source: SourceRecord): string[] {
  return [source.id, source.title, text(source.published), text(source.publisher), text(source.url)];
}

function entityRow(entity: EntityRecord): string[] {
  const aliases = entity.aliases.map((alias) => (alias.lang === undefined ? alias.name : { name: alias.name, lang: alias.lang }));
  return [entity.id, entity.kind, entity.name, json(aliases, aliases.length === 0), text(entity.description), text(entity.start), text(entity.end), json(entity.attributes, !entity.attributes || Object.keys(entity.attributes).length === 0)];
}

function relationshipRow(relationship: RelationshipRecord): string[] {
  return [
    relationship.id,
    relationship.type,
    relationship.source,
    relationship.target,
    text(relationship.start),
    text(relationship.end),
    text(relationship.confidence),
    relationship.disputed ? 'true' : '',
    text(relationship.weight),
    json(relationship.evidence, false),
    json(relationship.attributes, !relationship.attributes || Object.keys(relationship.attributes).length === 0),
  ];
}

function table(columns: readonly string[], rows: string[][]): string {
  return stringify([columns as string[], ...rows.map(neutraliseRow)], { record_delimiter: 'unix' });
}

/** The dataset as three CSV files. Pure (no I/O). */
export function writeCsv(dataset: Dataset): ExportedFiles {
  return {
    [CSV_FILES.sources]: table(SOURCE_COLUMNS, dataset.sources.map(sourceRow)),
    [CSV_FILES.entities]: table(ENTITY_COLUMNS, dataset.entities.map(entityRow)),
    [CSV_FILES.relationships]: table(RELATIONSHIP_COLUMNS, dataset.relationships.map(relationshipRow)),
  };
}

interface CsvRow {
  readonly cells: string[];
  readonly line: number;
}

/** The rows of a CSV text, each with the line it starts on; a syntax error is a problem at its line. */
export function parseCsvRows(csvText: string, file: string): { rows: CsvRow[]; problem?: Problem } {
  try {
    const parsed = parse(csvText, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
    return {
      rows: parsed.map(({ record, raw, info }) => {
        const breaks = raw.split('\n').length - 1;
        return { cells: record, line: info.lines - (raw.endsWith('\n') ? breaks - 1 : breaks) };
      }),
    };
  } catch (error) {
    const details = error as { message?: string; lines?: number };
    return { rows: [], problem: { code: 'FILE_SYNTAX', file, line: details.lines, message: `CSV: ${details.message ?? String(error)}`, hint: 'check the quoting on this line: a double quote inside a quoted cell is written twice ("")' } };
  }
}

/** Splits a hand-written "a; b; c\;d" alias list. */
function splitAliases(cell: string): string[] {
  const aliases: string[] = [];
  let current = '';
  for (let index = 0; index < cell.length; index++) {
    const char = cell[index];
    if (char === '\\' && cell[index + 1] === ';') {
      current += ';';
      index++;
    } else if (char === ';') {
      aliases.push(current.trim());
      current = '';
    } else current += char;
  }
  aliases.push(current.trim());
  return aliases.filter((alias) => alias !== '');
}

type Part = 'sources' | 'entities' | 'relationships';

function partOf(header: readonly string[]): Part | undefined {
  if (header.includes('kind')) return 'entities';
  if (header.includes('type') && header.includes('source') && header.includes('target')) return 'relationships';
  if (header.includes('title')) return 'sources';
  return undefined;
}

const NUMBER_COLUMNS = new Set(['confidence', 'weight']);
const JSON_COLUMNS = new Set(['evidence', 'attributes']);

/**
 * A cell as the value validation expects: text as is, numbers and booleans parsed, JSON cells decoded. A cell that
 * cannot be decoded is kept as text, so validation reports it at its line with the field name.
 */
function cellValue(column: string, cell: string): unknown {
  if (NUMBER_COLUMNS.has(column)) return /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(cell) ? Number(cell) : cell;
  if (column === 'disputed') return cell === 'true' ? true : cell === 'false' ? false : cell;
  if (column === 'aliases') {
    if (!cell.trimStart().startsWith('[')) return splitAliases(cell);
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  if (JSON_COLUMNS.has(column)) {
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  return cell;
}

/** Reads CSV files written by writeCsv (or by hand with the same headers). Pure: texts in, records out. */
export function readCsv(files: readonly InputFile[]): ImportResult {
  const result = new RawDatasetBuilder();
  for (const file of files) {
    const { rows, problem } = parseCsvRows(file.text, file.name);
    if (problem) {
      result.problems.push(problem);
      continue;
    }
    if (rows.length === 0) {
      result.problems.push({ code: 'FILE_EMPTY', file: file.name, line: 1, message: 'the CSV file has no header row', hint: `start with a header such as ${ENTITY_COLUMNS.join(',')}` });
      continue;
    }
    const [headerRow, ...dataRows] = rows;
    const header = headerRow.cells.map((cell) => cell.trim());
    const part = partOf(header);
    if (!part) {
      result.problems.push({ code: 'FILE_SHAPE', file: file.name, line: headerRow.line, message: `cannot tell what the CSV file holds from its header (${header.join(',')})`, hint: `use the headers ${SOURCE_COLUMNS.join(',')} / ${ENTITY_COLUMNS.join(',')} / ${RELATIONSHIP_COLUMNS.join(',')}` });
      continue;
    }
    const citeFile = part === 'relationships' && !header.includes('evidence');
    const source = citeFile ? fileSource(file.name) : undefined;
    if (source) {
      result.sources.push({ value: source, place: placeAt(file.name, headerRow.line) });
      result.notes.push(`${file.name}: no evidence column; each relationship cites the file (source "${source.id}", locator "line N")`);
    }
    for (const row of dataRows) {
      const value: Record<string, unknown> = {};
      header.forEach((column, index) => {
        const cell = row.cells[index] === undefined ? undefined : restoreCell(row.cells[index]);
        if (column === '' || cell === undefined || cell === '') return;
        Object.defineProperty(value, column, { value: cellValue(column, cell), enumerable: true, writable: true, configurable: true });
      });
      if (row.cells.length > header.length && row.cells.slice(header.length).some((cell) => cell !== '')) {
        result.problems.push({ code: 'FILE_SHAPE', file: file.name, line: row.line, record: typeof value.id === 'string' ? value.id : undefined, message: `the row has ${row.cells.length} cells but the header names ${header.length} columns`, hint: 'quote cells that contain commas' });
      }
      if (source) value.evidence = [{ source: source.id, locator: `line ${row.line}` }];
      result[part].push({ value, place: placeAt(file.name, row.line) });
    }
  }
  return result.result();
}
