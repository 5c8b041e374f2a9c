import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { checkEntity, checkRelationship, checkRelationshipReferences, checkSource, DATASET_FILES, readDataset, RecordChecker, type RawRecord } from '../load';
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

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }

  async write(block: string): Promise<void> {
    const ok = this.stream.write(`${this.count === 0 ? '' : '\n\n'}${block}`);
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

export async function streamEdgeListsInto(directory: string, files: readonly string[], options: ImportOptions, variant: EdgeListVariant): Promise<StreamImportReport> {
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
    sources: new BlockFile(join(directory, `.sources.${pid}.import`)),
    entities: new BlockFile(join(directory, `.entities.${pid}.import`)),
    relationships: new BlockFile(join(directory, `.relationships.${pid}.import`)),
  };
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
    for (const file of files) {
      const progress = new ProgressBar(`importing ${file}`, statSync(file).size);
      const reader = new EdgeListReader(file, sink, nodes, options, variant);
      const input = createReadStream(file);
      const lines = createInterface({ input, crlfDelay: Infinity });
      let lineNumber = 0;
      for await (const line of lines) {
        reader.line(line, ++lineNumber);
        if (pending.length > 0) {
          await Promise.all(pending);
          pending.length = 0;
        }
        if ((lineNumber & 0x3fff) === 0) progress.update(input.bytesRead, `${lineNumber.toLocaleString('en')} lines`);
      }
      progress.update(statSync(file).size, `${lineNumber.toLocaleString('en')} lines`);
      progress.finish();
    }
    await Promise.all(pending);
    await Promise.all(Object.values(out).map((blocks) => blocks.close()));
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
