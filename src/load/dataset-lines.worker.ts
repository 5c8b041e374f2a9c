import { parentPort } from 'node:worker_threads';
import { isRelationshipsLine, parseDatasetLine } from './dataset-line';
import { batchBuffers, packRelationships, resolveEnds, type RelationshipBatch } from './relationship-batch';
import { scanRelationshipsLine } from './relationship-line-scan';
import { NodeTable } from './node-table';

/**
 * A worker of dataset-lines.ts: parses the lines it is sent and, for a line of relationships only, checks and encodes
 * its records (relationship-batch.ts, relationship-line-scan.ts), and resolves their ends to node numbers once it has
 * been sent the node table; the builder thread does the rest. Any other line goes back as text.
 */
export type WorkerRequest = LineRequest | NodeTableRequest;

export interface LineRequest {
  readonly file: string;
  readonly line: number;
  readonly bytes: Uint8Array;
}

/** The ids of the nodes by number, one a line ('' for none): DatasetStream.nodeTable. */
export interface NodeTableRequest {
  readonly nodes: { readonly ids: string; readonly count: number };
}

let table: NodeTable | null = null;

function send(batch: RelationshipBatch): void {
  const resolved = table && !batch.resolved ? resolveEnds(batch, table) : batch;
  parentPort!.postMessage({ batch: resolved }, batchBuffers(resolved));
}

parentPort?.on('message', (request: WorkerRequest) => {
  if ('nodes' in request) {
    table = new NodeTable(request.nodes.ids, request.nodes.count);
    return;
  }
  const { file, line, bytes } = request;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // Other lines (sources, entities) are parsed where they are used: parsing them here too would be wasted.
  if (!isRelationshipsLine(bytes)) return void parentPort!.postMessage({ text });
  const scanned = scanRelationshipsLine(text, table ?? undefined);
  if (scanned) return send(scanned);
  const parsed = parseDatasetLine(text, file, line);
  if ('problem' in parsed) {
    parentPort!.postMessage({ problem: parsed.problem });
  } else if (parsed.value.relationships && !parsed.value.sources && !parsed.value.entities) {
    send(packRelationships(parsed.value.relationships));
  } else {
    parentPort!.postMessage({ text });
  }
});
