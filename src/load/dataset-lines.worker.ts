import { parentPort } from 'node:worker_threads';
import { parseDatasetLine } from './dataset-line';
import { batchBuffers, packRelationships } from './relationship-batch';
import { scanRelationshipsLine } from './relationship-line-scan';

/**
 * A worker of dataset-lines.ts: parses the lines it is sent and, for a line of relationships only, checks and encodes
 * its records (relationship-batch.ts); the builder thread does the rest. Any other line goes back as text.
 */
export interface LineRequest {
  readonly file: string;
  readonly line: number;
  readonly bytes: Uint8Array;
}

const RELATIONSHIPS_LINE = Buffer.from('{"relationships":');

parentPort?.on('message', ({ file, line, bytes }: LineRequest) => {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // Other lines (sources, entities) are parsed where they are used: parsing them here too would be wasted.
  if (!RELATIONSHIPS_LINE.equals(bytes.subarray(0, RELATIONSHIPS_LINE.length))) return void parentPort!.postMessage({ text });
  const scanned = scanRelationshipsLine(text);
  if (scanned) return void parentPort!.postMessage({ batch: scanned }, batchBuffers(scanned));
  const parsed = parseDatasetLine(text, file, line);
  if ('problem' in parsed) {
    parentPort!.postMessage({ problem: parsed.problem });
  } else if (parsed.value.relationships && !parsed.value.sources && !parsed.value.entities) {
    const batch = packRelationships(parsed.value.relationships);
    parentPort!.postMessage({ batch }, batchBuffers(batch));
  } else {
    parentPort!.postMessage({ text });
  }
});
