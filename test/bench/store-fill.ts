import { join } from 'node:path';
import { createLogger } from '../../src/logger';
import type { Dataset } from '../../src/model';
import { openStore } from '../../src/store';
import { EMBEDDED_DATABASE_DIRECTORY, embeddedStartParams } from '../../src/store/pglite-driver';

/**
 * Fills a new embedded store with a dataset as an import would leave it — every record at version 1 in file order, and
 * its "create" row in the change log — but with COPY, in chunks: the import's planner holds the whole dataset and its
 * changes in memory, which a benchmark of 5,000,000 relationships cannot afford to do just to set up its store. The
 * benchmark checks the result: the graph read back from this store must answer exactly as the dataset's graph.
 */

const CHUNK = 200_000;

/** A COPY text field: JSON has no tabs or newlines left unescaped, but its backslashes must be doubled. */
const field = (text: string | null) => (text === null ? '\\N' : text.replace(/\\/g, '\\\\'));

export async function fillEmbeddedStore(home: string, dataset: Dataset, log: (message: string) => void): Promise<void> {
  const store = await openStore({ kind: 'embedded', home }, createLogger({ LOG_LEVEL: 'warn' }));
  await store.close();
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(join(home, EMBEDDED_DATABASE_DIRECTORY), { startParams: embeddedStartParams() });
  await db.waitReady;
  try {
    // The dataset is valid (the benchmark builds its graph first): no need to check each reference row by row.
    await db.exec('SET session_replication_role = replica');
    const copy = async (table: string, columns: string, lines: string[]) => {
      await db.query(`COPY ${table} (${columns}) FROM '/dev/blob'`, [], { blob: new Blob([lines.join('\n') + '\n']) });
    };
    const fill = async <T extends { id: string }>(kind: string, table: string, columns: string, records: readonly T[], row: (record: T, text: string, ordinal: number) => (string | null)[]) => {
      for (let start = 0; start < records.length; start += CHUNK) {
        const chunk = records.slice(start, start + CHUNK);
        const texts = chunk.map((record) => JSON.stringify(record));
        await copy(table, columns, chunk.map((record, i) => row(record, texts[i], start + i).map((value) => field(value)).join('\t')));
        await copy('changes', 'actor, operation, op, kind, record_id, version, before, after', chunk.map((record, i) => ['bench', 'import', 'create', kind, record.id, '1', null, texts[i]].map(field).join('\t')));
        log(`store: ${(start + chunk.length).toLocaleString('en-US')} of ${records.length.toLocaleString('en-US')} ${table}`);
      }
    };
    await fill('source', 'sources', 'id, version, ordinal, heading, record', dataset.sources, (r, text, n) => [r.id, '1', String(n), null, text]);
    await fill('entity', 'entities', 'id, kind, version, ordinal, heading, record', dataset.entities, (r, text, n) => [r.id, r.kind, '1', String(n), null, text]);
    await fill('relationship', 'relationships', 'id, type, source, target, version, ordinal, heading, record', dataset.relationships, (r, text, n) => [r.id, r.type, r.source, r.target, '1', String(n), null, text]);
    await db.exec('CHECKPOINT');
  } finally {
    await db.close();
  }
}
