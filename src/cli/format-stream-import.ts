import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { checkEntity, checkRelationship, checkRelationshipReferences, checkSource, DATASET_FILES, inputLimitsFromEnv, openRegularFile, readDataset, RecordChecker, tooLarge, type RawRecord } from '../load';
import { EdgeListReader, NodeIds, type EdgeListVariant, type ImportOptions } from '../interop';
import type { EntityKind, Problem } from '../model';
import { entityBlock, relationshipBlock, sourceBlock } from './format-yaml-blocks';
import { ProgressBar } from './progress-bar';

/*
 * Edge lists into a dataset directory, streamed: files are read line by line (readline) and each record is validated
 * (the checks of validateDataset: checkEntity / checkRelationship and the reference and kind rules) and appended to a
 * temporary file as it comes; only the node ids are held. When every line was good, the dataset files are replaced
 * (the existing records first, byte for byte, then the new ones); with any problem nothing is written.
 */

export interface StreamImportReport {
  readonly problems: readonly Problem[];
  readonly problemCount: number;
  readonly notes: readonly string[];
  readonly added: { sources: number; entities: number; relationships: number };
}

const MAX_REPORTED = 1000;

class BlockFile {
  private readonly stream: WriteStream;
  count = 0;
  /** Bytes the dataset file will have: those it has already plus the blocks written here. */
  bytes: number;

  constructor(
    readonly path: string,
    readonly target: string,
  ) {
    this.stream = createWriteStream(path);
    this.bytes = existsSync(target) ? statSync(target).size : 0;
  }

  async write(block: string): Promise<void> {
    const text = `${this.count === 0 ? '' : '\n\n'}${block}`;
    this.bytes += Buffer.byteLength(text);
    const ok = this.stream.write(text);
    this.count++;
    if (!ok) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.count > 0) this.stream.write('\n');
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** Writes `existing` text followed by the temporary file's blocks into `target`, atomically. */
async function combine(target: string, blocks: BlockFile): Promise<void> {
  const existing = existsSync(target) ? readFileSync(target, 'utf8') : '';
  const keep = existing.trim() === '' || existing.trim() === '[]' ? '' : existing.endsWith('\n') ? existing : `${existing}\n`;
  if (blocks.count === 0 && keep !== '') return rmSync(blocks.path);
  const temporary = `${target}.${process.pid}.tmp`;
  const out = createWriteStream(temporary);
  out.write(keep === '' ? '' : `${keep}\n`);
  if (blocks.count === 0) out.write('[]\n');
  else for await (const chunk of createReadStream(blocks.path)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  rmSync(blocks.path);
  renameSync(temporary, target);
}

/**
 * The lines of a stream (LF or CRLF), without ever holding more than `maxBytes` of one line: a line longer than
 * that is given as undefined (and the caller stops), so a file with no line breaks cannot grow one string without end.
 */
export async function* boundedLines(input: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<string | undefined> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of input) {
    let start = 0;
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, end);
      if (pendingBytes + piece.length > maxBytes) return yield undefined;
      const line = (pending.length > 0 ? Buffer.concat([...pending, piece]) : piece).toString('utf8');
      pending = [];
      pendingBytes = 0;
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      start = end + 1;
    }
    const rest = chunk.subarray(start);
    pendingBytes += rest.length;
    if (pendingBytes > maxBytes) return yield undefined;
    if (rest.length > 0) pending.push(Buffer.from(rest));
  }
  if (pendingBytes > 0) {
    const line = Buffer.concat(pending).toString('utf8');
    yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}

export async function streamEdgeListsInto(directory: string, files: readonly string[], options: ImportOptions, variant: EdgeListVariant): Promise<StreamImportReport> {
  const limits = inputLimitsFromEnv();
  const problems: Problem[] = [];
  let problemCount = 0;
  const notes: string[] = [];
  const report = (problem: Problem) => {
    problemCount++;
    if (problems.length < MAX_REPORTED) problems.push(problem);
  };

  // What the directory already holds: its ids stay taken, its entities can be linked to.
  const kinds = new Map<string, EntityKind>();
  const sourceIds = new Set<string>();
  const relationshipIds = new Set<string>();
  const nodes = new NodeIds();
  if (existsSync(join(directory, DATASET_FILES.entities))) {
    const existing = readDataset(directory);
    if (existing.problems.length > 0) return { problems: existing.problems, problemCount: existing.problems.length, notes, added: { sources: 0, entities: 0, relationships: 0 } };
    for (const entity of existing.dataset.entities) {
      kinds.set(entity.id, entity.kind);
      nodes.addExisting(entity.id);
    }
    for (const source of existing.dataset.sources) sourceIds.add(source.id);
    for (const relationship of existing.dataset.relationships) relationshipIds.add(relationship.id);
  }

  const pid = process.pid;
  const out = {
    sources: new BlockFile(join(directory, `.sources.${pid}.import`), join(directory, DATASET_FILES.sources)),
    entities: new BlockFile(join(directory, `.entities.${pid}.import`), join(directory, DATASET_FILES.entities)),
    relationships: new BlockFile(join(directory, `.relationships.${pid}.import`), join(directory, DATASET_FILES.relationships)),
  };
  // The dataset written must be one its own loader reads: past the loader's limit the import stops (nothing written).
  const overLoaderLimit = () => (Object.keys(out) as (keyof typeof out)[]).find((part) => out[part].bytes > limits.maxFileBytes);
  const pending: Promise<void>[] = [];
  const kind = options.kind ?? 'ORGANIZATION';
  const references = { entityKind: (id: string) => kinds.get(id) ?? (nodes.has(id) ? kind : undefined), hasSource: (id: string) => sourceIds.has(id) };
  const sink = {
    source: (record: RawRecord) => {
      const checker = new RecordChecker('source', record.place);
      const source = checkSource(checker, record.value);
      checker.problems.forEach(report);
      if (source && !sourceIds.has(source.id)) {
        sourceIds.add(source.id);
        pending.push(out.sources.write(sourceBlock(source)));
      }
    },
    entity: (record: RawRecord) => {
      const checker = new RecordChecker('entity', record.place);
      const entity = checkEntity(checker, record.value);
      checker.problems.forEach(report);
      if (entity) pending.push(out.entities.write(entityBlock(entity)));
    },
    relationship: (record: RawRecord) => {
      const checker = new RecordChecker('relationship', record.place);
      const relationship = checkRelationship(checker, record.value);
      if (relationship) {
        if (relationshipIds.has(relationship.id)) checker.report('DUPLICATE_ID', 'id', `relationship id "${relationship.id}" is already in ${directory}`, 'this file was imported into the directory before');
        checkRelationshipReferences(relationship, references, checker);
      }
      checker.problems.forEach(report);
      if (relationship && checker.problems.length === 0) pending.push(out.relationships.write(relationshipBlock(relationship)));
    },
    problem: report,
    note: (note: string) => notes.push(note),
  };

  try {
    reading: for (const file of files) {
      const { fd, size, refusal } = openRegularFile(file);
      if (fd === undefined) {
        report({ code: refusal!.code, file, message: refusal!.message, hint: refusal!.hint });
        continue;
      }
      const progress = new ProgressBar(`importing ${file}`, size!);
      const reader = new EdgeListReader(file, sink, nodes, options, variant);
      const input = createReadStream('', { fd });
      let lineNumber = 0;
      for await (const line of boundedLines(input, limits.maxLineBytes)) {
        lineNumber++;
        if (line === undefined) {
          const refusal = tooLarge('maxLineBytes', limits.maxLineBytes, 'the line');
          report({ code: 'LINE_TOO_LONG', file, line: lineNumber, message: refusal.message, hint: `${refusal.hint}; an edge list has one short line per edge` });
          input.destroy();
          break reading;
        }
        reader.line(line, lineNumber);
        if (pending.length > 0) {
          await Promise.all(pending);
          pending.length = 0;
        }
        const over = (lineNumber & 0x3ff) === 0 ? overLoaderLimit() : undefined;
        if (over) {
          input.destroy();
          break reading;
        }
        if ((lineNumber & 0x3fff) === 0) progress.update(input.bytesRead, `${lineNumber.toLocaleString('en')} lines`);
      }
      progress.update(size!, `${lineNumber.toLocaleString('en')} lines`);
      progress.finish();
    }
    await Promise.all(pending);
    await Promise.all(Object.values(out).map((blocks) => blocks.close()));
    const over = overLoaderLimit();
    if (over) {
      const refusal = tooLarge('maxFileBytes', limits.maxFileBytes, `${DATASET_FILES[over]} of ${directory}`);
      report({
        code: 'FILE_TOO_LARGE',
        file: join(directory, DATASET_FILES[over]),
        message: `the dataset would not load: ${refusal.message} by the loader`,
        hint: `import a graph this large into the store instead (proxygraph import --format ${variant} FILE..., without --to), or ${refusal.hint}`,
      });
    }
    const added = { sources: out.sources.count, entities: out.entities.count, relationships: out.relationships.count };
    if (problemCount > 0) {
      for (const blocks of Object.values(out)) rmSync(blocks.path, { force: true });
      return { problems, problemCount, notes, added: { sources: 0, entities: 0, relationships: 0 } };
    }
    await combine(join(directory, DATASET_FILES.sources), out.sources);
    await combine(join(directory, DATASET_FILES.entities), out.entities);
    await combine(join(directory, DATASET_FILES.relationships), out.relationships);
    return { problems, problemCount, notes, added };
  } catch (error) {
    for (const blocks of Object.values(out)) rmSync(blocks.path, { force: true });
    throw error;
  }
}
