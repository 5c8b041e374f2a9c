import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { readGraphSnapshot, writeGraphSnapshot } from './graph-snapshot';
import type { KnowledgeGraph } from './knowledge-graph';
import { SnapshotIgnored } from './snapshot-file';

/**
 * The graph of dataset files through a snapshot keyed by the files' content: the first start from files parses and
 * validates them (`build`), the next ones read the snapshot, as long as the files' bytes are the same. A cache: the
 * files stay the source of truth, and any doubt (other bytes, another format, a damaged file) means reading them.
 */

/** A SHA-256 of the files' names and bytes, read as streams (files of gigabytes never sit in memory). */
export async function hashFiles(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(`${basename(path)}\0`);
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 })) hash.update(chunk as Buffer);
    hash.update('\0');
  }
  return hash.digest('hex');
}

export const filesTag = (contentHash: string) => `files sha256=${contentHash}`;

export interface FilesGraph {
  readonly graph: KnowledgeGraph;
  /** Why the snapshot was not read (null: it was). */
  readonly ignored: string | null;
  /** Writes the snapshot of the graph for these files, if it was built from them; resolves with its size (0: not needed). */
  save(): Promise<number>;
}

export async function graphFromFiles(files: readonly string[], snapshotFile: string, build: () => KnowledgeGraph | Promise<KnowledgeGraph>): Promise<FilesGraph> {
  const tag = filesTag(await hashFiles(files));
  try {
    const { graph } = readGraphSnapshot(snapshotFile, tag);
    return { graph, ignored: null, save: async () => 0 };
  } catch (error) {
    if (!(error instanceof SnapshotIgnored)) throw error;
    const graph = await build();
    // Files changed while they were read must not leave a graph under the tag of their earlier bytes.
    const save = async () => (filesTag(await hashFiles(files)) === tag ? writeGraphSnapshot(snapshotFile, tag, graph) : 0);
    return { graph, ignored: error.message, save };
  }
}
