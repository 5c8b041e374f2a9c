import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataDirectory } from '../config';
import { buildGraph, DATASET_FILES, inputLimitsFromEnv, lookAlikeNotes, readFileBounded, readYamlRecords, validateDataset, type RawRecord } from '../load';
import { formatEntities, formatRelationships, formatSources } from '../load/write-dataset';
import { FORMATS, formatNamed, type FormatDefinition, type ImportOptions, type InputFile } from '../interop';
import { ENTITY_KINDS, formatProblem, isEntityKind, isRelationType, RELATION_TYPES, type Dataset, type EntityKind, type Problem, type RelationType } from '../model';
import { network } from '../queries';
import { parseOptions } from './store-command';
import { streamEdgeListsInto } from './format-stream-import';
import type { CommandOutput } from './validate-command';

/*
 * `proxygraph import --format F [--to DIR] [--kind K] [--type T] FILE...` and
 * `proxygraph export --format F [--as-of DATE] [--types T,...] [--kinds K,...] [--min-confidence X] [--from DIR] OUT`.
 * The formats are the table of src/interop/format-registry.ts. `--format yaml` (the default) without --to or filters
 * is the store's own import DIR / export DIR (import-command.ts, export-command.ts).
 */

export const FORMAT_USAGE = `usage:
  proxygraph import [--format F] [--to DIR] [--kind KIND] [--type TYPE] FILE...
      reads FILEs (a dataset directory for yaml) and merges them into the dataset directory DIR, or into the store
      without --to; --kind and --type apply to formats with no kinds or types of their own
  proxygraph export [--format F] [--as-of DATE] [--types T,T] [--kinds K,K] [--min-confidence X] [--from DIR] [--force] OUT
      writes what the server serves (the store; or the dataset directory DIR), filtered like the API's network
      query, to OUT (a file, or a directory for formats of several files; - for standard output); files that exist
      are replaced only with --force
formats:
${FORMATS.map((format) => `  ${format.name.padEnd(15)}${format.description}`).join('\n')}`;

class UsageError extends Error {}

/** True when the arguments use the options of the format commands (anything but the store's plain `import DIR`). */
export function isFormatCommand(argv: readonly string[]): boolean {
  return argv.some((argument) => argument.startsWith('--'));
}

function formatOf(options: Map<string, string>, need: 'read' | 'write'): FormatDefinition {
  const name = options.get('format') ?? 'yaml';
  const format = formatNamed(name);
  if (!format) throw new UsageError(`unknown format "${name}"; formats: ${FORMATS.map((f) => f.name).join(', ')}`);
  if (!format[need]) throw new UsageError(`format "${name}" cannot be ${need === 'read' ? 'imported' : 'exported'}`);
  return format;
}

function list<T extends string>(value: string | undefined, valid: (item: string) => item is T, what: string, all: readonly string[]): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((item) => item.trim().toUpperCase().replace(/-/g, '_')).filter(Boolean);
  for (const item of items) if (!valid(item)) throw new UsageError(`"${item}" is not ${what}; one of ${all.join(', ')}`);
  return items as T[];
}

function importOptions(options: Map<string, string>): ImportOptions {
  const kind = list(options.get('kind'), isEntityKind, 'an entity kind', ENTITY_KINDS)?.[0] as EntityKind | undefined;
  const type = list(options.get('type'), isRelationType, 'a relation type', RELATION_TYPES)?.[0] as RelationType | undefined;
  return { ...(kind && { kind }), ...(type && { type }) };
}

/**
 * The input files: a directory stands for the dataset files (yaml) or every file in it. Each is read whole, so each is
 * bounded (PROXYGRAPH_MAX_IMPORT_BYTES, counted while reading) and must be a regular file.
 */
function inputFiles(paths: readonly string[], format: FormatDefinition): { files: InputFile[]; problems: Problem[] } {
  const limits = inputLimitsFromEnv();
  const files: InputFile[] = [];
  const problems: Problem[] = [];
  const names = paths.flatMap((path) => (statSync(path).isDirectory() ? (format.name === 'yaml' ? Object.values(DATASET_FILES) : readdirSync(path).sort()).map((name) => join(path, name)) : [path]));
  for (const name of names) {
    const { bytes, refusal } = readFileBounded(name, limits.maxImportBytes, 'maxImportBytes');
    if (refusal) problems.push({ code: refusal.code, file: name, message: refusal.message, hint: refusal.hint });
    else files.push({ name, text: bytes!.toString('utf8') });
  }
  return { files, problems };
}

/** Reads the inputs and runs the format's reader over them; problems of reading come first. */
function readInputs(format: FormatDefinition, paths: readonly string[], options: ImportOptions) {
  const { files, problems } = inputFiles(paths, format);
  if (problems.length > 0) return { sources: [], entities: [], relationships: [], notes: [], problems };
  return format.read!(files, options);
}

const named = (record: RawRecord) => {
  const value = record.value as { id?: unknown; name?: unknown } | null;
  return value && typeof value.id === 'string' && typeof value.name === 'string' ? { id: value.id, name: value.name } : undefined;
};

/** Notes on imported entities whose names imitate another's with look-alike or hidden characters (possible duplicates). */
export function reportLookAlikes(incoming: readonly RawRecord[], known: readonly RawRecord[], output: CommandOutput): void {
  const records = incoming.flatMap((raw) => {
    const record = named(raw);
    return record ? [{ record, file: raw.place.file, line: raw.place.line }] : [];
  });
  const knownRecords = known.flatMap((raw) => named(raw) ?? []);
  for (const note of lookAlikeNotes(records, knownRecords)) output.err(`note: ${note}`);
}

function reportProblems(problems: readonly Problem[], output: CommandOutput, total = problems.length): number {
  for (const problem of problems) output.err(formatProblem(problem));
  output.err(`${total} problem${total === 1 ? '' : 's'}; nothing was written`);
  return 1;
}

/** Reads a dataset directory's records with their places and headings (for merging into it). */
function existingRecords(directory: string) {
  const read = (file: string) => {
    const path = join(directory, file);
    if (!existsSync(path)) return { records: [] as RawRecord[], problems: [] as Problem[], text: '' };
    const read = readYamlRecords(path);
    return { ...read, text: read.problems.length > 0 ? '' : readFileSync(path, 'utf8') };
  };
  return { sources: read(DATASET_FILES.sources), entities: read(DATASET_FILES.entities), relationships: read(DATASET_FILES.relationships) };
}

type Part = 'sources' | 'entities' | 'relationships';
const PARTS: readonly Part[] = ['sources', 'entities', 'relationships'];

/** Drops imported records equal to a record already there (same id, same content): merging the same thing twice is a no-op. */
function withoutRepeats(existing: readonly RawRecord[], imported: readonly RawRecord[]): RawRecord[] {
  const known = new Map(existing.map((record) => [(record.value as { id?: unknown })?.id, JSON.stringify(record.value)]));
  const seen = new Set<string>();
  return imported.filter((record) => {
    const id = (record.value as { id?: unknown })?.id;
    const text = JSON.stringify(record.value);
    if (typeof id === 'string' && (known.get(id) === text || seen.has(`${id}\n${text}`))) return false;
    if (typeof id === 'string') seen.add(`${id}\n${text}`);
    return true;
  });
}

async function importInto(directory: string, format: FormatDefinition, paths: readonly string[], options: ImportOptions, output: CommandOutput): Promise<number> {
  mkdirSync(directory, { recursive: true });
  if (format.lineBased) {
    const report = await streamEdgeListsInto(directory, paths, options, format.name === 'adjacency-list' ? 'adjacency-list' : 'edge-list');
    for (const note of report.notes) output.err(`note: ${note}`);
    if (report.problemCount > 0) return reportProblems(report.problems, output, report.problemCount);
    output.out(`${directory}: added ${report.added.entities} entities, ${report.added.relationships} relationships and ${report.added.sources} sources`);
    return 0;
  }
  const imported = readInputs(format, paths, options);
  for (const note of imported.notes) output.err(`note: ${note}`);
  if (imported.problems.length > 0) return reportProblems(imported.problems, output);
  const existing = existingRecords(directory);
  const fresh = Object.fromEntries(PARTS.map((part) => [part, withoutRepeats(existing[part].records, imported[part])])) as Record<Part, RawRecord[]>;
  const result = validateDataset({
    sources: [...existing.sources.records, ...fresh.sources],
    entities: [...existing.entities.records, ...fresh.entities],
    relationships: [...existing.relationships.records, ...fresh.relationships],
  });
  const problems = [...PARTS.flatMap((part) => existing[part].problems), ...result.problems];
  if (problems.length > 0) return reportProblems(problems, output);
  reportLookAlikes(fresh.entities, existing.entities.records, output);
  // Existing records stay as they are (headings and all); the new ones follow in the canonical form. One set of new
  // ids per part, built once: building it per record made a 20,000-record import take minutes.
  const freshIds = Object.fromEntries(PARTS.map((part) => [part, new Set(fresh[part].map((record) => (record.value as { id: string }).id))])) as Record<Part, Set<string>>;
  const laidOut = <T extends { id: string }>(records: readonly T[], part: Part) => records.filter((record) => freshIds[part].has(record.id)).map((record) => ({ record }));
  const texts: Record<Part, string> = {
    sources: formatSources(laidOut(result.dataset.sources, 'sources')),
    entities: formatEntities(laidOut(result.dataset.entities, 'entities')),
    relationships: formatRelationships(laidOut(result.dataset.relationships, 'relationships')),
  };
  for (const part of PARTS) {
    const keep = existing[part].text.trim() === '' || existing[part].text.trim() === '[]' ? '' : existing[part].text.replace(/\n*$/, '\n');
    if (fresh[part].length === 0 && keep !== '') continue;
    writeFileSync(join(directory, DATASET_FILES[part]), keep === '' ? texts[part] : `${keep}\n${texts[part]}`);
  }
  output.out(`${directory}: added ${fresh.entities.length} entities, ${fresh.relationships.length} relationships and ${fresh.sources.length} sources`);
  return 0;
}

async function importIntoStore(format: FormatDefinition, paths: readonly string[], options: ImportOptions, output: CommandOutput, env: NodeJS.ProcessEnv): Promise<number> {
  if (format.name === 'yaml') {
    const { importCommand } = await import('./import-command');
    for (const path of paths) {
      const code = await importCommand(path, output, env);
      if (code !== 0) return code;
    }
    return 0;
  }
  const imported = readInputs(format, paths, options);
  for (const note of imported.notes) output.err(`note: ${note}`);
  if (imported.problems.length > 0) return reportProblems(imported.problems, output);
  const { dataset, problems } = validateDataset(imported);
  if (problems.length > 0) return reportProblems(problems, output);
  const [{ withStore }, { commandActor, editingConfigFromEnv, GraphEditor, importDataset }, { createLogger }] = await Promise.all([import('./store-command'), import('../store'), import('../logger')]);
  return withStore(env, output, async (store) => {
    const editor = await GraphEditor.open(store, createLogger({ LOG_LEVEL: env.LOG_LEVEL ?? 'silent' }), editingConfigFromEnv(env).snapshot);
    try {
      reportLookAlikes(imported.entities, editor.graph.mapNodes((_id, attributes) => ({ value: attributes.record, place: { fieldLine: () => undefined } })), output);
      const report = await editor.commit(commandActor('cli:import'), 'admin', 'import', importDataset(dataset, store));
      output.out(`${paths.join(', ')}: imported into ${store.driver.location}`);
      for (const part of ['sources', 'entities', 'relationships'] as const) {
        const { added, changed, unchanged } = report[part];
        output.out(`  ${part}: ${added} added, ${changed} changed, ${unchanged} left alone`);
      }
      return 0;
    } finally {
      await editor.close();
    }
  });
}

/** `proxygraph import ...` with options. */
export async function formatImportCommand(argv: readonly string[], output: CommandOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { options, rest } = parseOptions(argv);
  const format = formatOf(options, 'read');
  if (rest.length === 0) throw new UsageError('give at least one FILE to import');
  for (const path of rest) if (!existsSync(path)) throw new UsageError(`${path}: no such file or directory`);
  const importChoices = importOptions(options);
  const to = options.get('to');
  return to ? importInto(resolve(to), format, rest, importChoices, output) : importIntoStore(format, rest, importChoices, output, env);
}

/** What the server serves: the store's records, or the dataset files a new store would be seeded from. */
async function servedDataset(from: string | undefined, env: NodeJS.ProcessEnv, output: CommandOutput): Promise<Dataset | number> {
  if (from !== undefined) {
    const { readDataset } = await import('../load');
    const { dataset, problems } = readDataset(resolve(from));
    return problems.length > 0 ? reportProblems(problems, output) : dataset;
  }
  const [{ withStore }, { readDatasetFiles }] = await Promise.all([import('./store-command'), import('../store')]);
  let dataset: Dataset | undefined;
  const code = await withStore(env, output, async (store) => {
    dataset = (await store.isPristine()) ? readDatasetFiles(dataDirectory(env)).dataset : (await store.readSnapshot()).dataset;
    return 0;
  });
  return dataset ?? code;
}

/** The records the API's network query shows under the filter; the sources they cite (all sources when unfiltered). */
export function filteredDataset(dataset: Dataset, filter: { asOf?: string; types?: RelationType[]; kinds?: EntityKind[]; minConfidence?: number }): Dataset {
  const filtered = filter.asOf !== undefined || filter.types !== undefined || filter.kinds !== undefined || filter.minConfidence !== undefined;
  if (!filtered) return dataset;
  const view = network(buildGraph(dataset), { ...filter, limit: Number.MAX_SAFE_INTEGER, relationshipsPerEntity: Infinity });
  const cited = new Set(view.edges.flatMap((relationship) => relationship.evidence.map((evidence) => evidence.source)));
  return { sources: dataset.sources.filter((source) => cited.has(source.id)), entities: view.nodes, relationships: view.edges };
}

/** `proxygraph export ...` with options. */
export async function formatExportCommand(argv: readonly string[], output: CommandOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { options, rest } = parseOptions(argv);
  const format = formatOf(options, 'write');
  if (rest.length !== 1) throw new UsageError('give one OUT path to export to');
  const minConfidenceText = options.get('min-confidence');
  const minConfidence = minConfidenceText === undefined ? undefined : Number(minConfidenceText);
  if (minConfidence !== undefined && !(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError('--min-confidence must be a number from 0 to 1');
  const filter = {
    ...(options.get('as-of') !== undefined && { asOf: options.get('as-of') }),
    ...(options.get('types') !== undefined && { types: list(options.get('types'), isRelationType, 'a relation type', RELATION_TYPES) }),
    ...(options.get('kinds') !== undefined && { kinds: list(options.get('kinds'), isEntityKind, 'an entity kind', ENTITY_KINDS) }),
    ...(minConfidence !== undefined && { minConfidence }),
  };
  const unfiltered = Object.keys(filter).length === 0;
  const from = options.get('from');
  const force = options.get('force') === 'true';
  const { exportCommand, existingTarget, overwriteRefused } = await import('./export-command');
  if (format.name === 'yaml' && unfiltered && from === undefined) return exportCommand(rest[0], output, env, force);
  const out = rest[0];
  const served = await servedDataset(from, env, output);
  if (typeof served === 'number') return served;
  const dataset = filteredDataset(served, filter);
  const files = format.write!(dataset);
  const existing = force || out === '-' ? undefined : existingTarget(format.singleFile ? [out] : Object.keys(files).map((name) => join(out, name)));
  if (existing) return overwriteRefused(existing, output);
  if (format.singleFile) {
    const [text] = Object.values(files);
    if (out === '-') {
      // A reader that stops early (| head) is not an error.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
      });
      process.stdout.write(text);
    }
    else writeFileSync(out, text);
  } else {
    mkdirSync(out, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  }
  if (out !== '-') output.out(`${out}: wrote ${dataset.entities.length} entities, ${dataset.relationships.length} relationships and ${dataset.sources.length} sources as ${format.name}`);
  return 0;
}

/** Entry from main.ts: usage errors print the usage and exit 2. */
export async function formatCommand(command: 'import' | 'export', argv: readonly string[], output: CommandOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await (command === 'import' ? formatImportCommand(argv, output, env) : formatExportCommand(argv, output, env));
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`proxygraph ${command}: ${error.message}\n${FORMAT_USAGE}`);
      return 2;
    }
    throw error;
  }
}
