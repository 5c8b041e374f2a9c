import { randomUUID } from 'node:crypto';
import { NO_DECISIONS, type Decisions, type ReportReading, type ReviewedDraft } from '../ingest';
import { InvalidInputError, NotFoundError } from '../model';
import type { Sql } from './sql';
import type { Store } from './store';

export const MAX_DRAFTS_LIMIT = 200;
const DRAFT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface DraftRow {
  id: string;
  created_at: Date | string;
  created_by: string;
  source_id: string;
  reading: string;
  decisions: string;
  version: number | string;
}

export interface DraftSummary {
  readonly id: string;
  readonly title: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly published: string;
  readonly proposals: number;
  readonly decided: number;
}

function toDraft(row: DraftRow): ReviewedDraft {
  return {
    id: row.id,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    sourceId: row.source_id,
    reading: JSON.parse(row.reading) as ReportReading,
    decisions: { ...NO_DECISIONS, ...(JSON.parse(row.decisions) as Partial<Decisions>) },
    version: Number(row.version),
  };
}

const COLUMNS = 'id, created_at, created_by, source_id, reading::text AS reading, decisions::text AS decisions, version';

export function checkDraftId(id: unknown, argument = 'draft'): string {
  if (typeof id !== 'string' || !DRAFT_ID.test(id)) throw new InvalidInputError(argument, 'must be the id of a draft (as ingestReport or drafts return it)');
  return id;
}

/** Keeps a reading as a draft for review; nothing of it enters the graph. */
export async function saveDraft(store: Store, reading: ReportReading, sourceId: string, createdBy: string): Promise<ReviewedDraft> {
  const id = randomUUID();
  const { rows } = await store.driver.query<DraftRow>(
    `INSERT INTO report_drafts (id, created_by, title, source_id, reading, decisions) VALUES ($1, $2, $3, $4, $5::json, $6::json) RETURNING ${COLUMNS}`,
    [id, createdBy, reading.source.title, sourceId, JSON.stringify(reading), JSON.stringify(NO_DECISIONS)],
  );
  return toDraft(rows[0]);
}

/** A draft as stored; with `lock` (inside a transaction) its row is locked until the transaction ends. */
export async function readDraft(store: Store | Sql, id: string, options: { lock?: boolean } = {}): Promise<ReviewedDraft> {
  const sql = 'driver' in store ? store.driver : store;
  const { rows } = await sql.query<DraftRow>(`SELECT ${COLUMNS} FROM report_drafts WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [checkDraftId(id)]);
  if (rows.length === 0) throw new NotFoundError('draft', id);
  return toDraft(rows[0]);
}

/** Drafts, newest first, with how many of their proposals are decided. */
export async function listDrafts(store: Store, limit: number): Promise<DraftSummary[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DRAFTS_LIMIT) throw new InvalidInputError('limit', `must be an integer from 1 to ${MAX_DRAFTS_LIMIT}, got ${limit}`);
  const { rows } = await store.driver.query<DraftRow>(`SELECT ${COLUMNS} FROM report_drafts ORDER BY created_at DESC, id LIMIT $1`, [limit]);
  return rows.map(toDraft).map((draft) => ({
    id: draft.id,
    title: draft.reading.source.title,
    createdAt: draft.createdAt,
    createdBy: draft.createdBy,
    published: draft.reading.source.published,
    proposals: draft.reading.proposals.length,
    decided: Object.keys(draft.decisions.proposals).length,
  }));
}

/**
 * Changes a draft's decisions inside the caller's transaction, the row locked, so that two analysts deciding at once
 * both keep their decisions. Returns the draft as it now is.
 */
export async function updateDecisions(sql: Sql, id: string, change: (draft: ReviewedDraft) => Decisions): Promise<ReviewedDraft> {
  const { rows } = await sql.query<DraftRow>(`SELECT ${COLUMNS} FROM report_drafts WHERE id = $1 FOR UPDATE`, [checkDraftId(id)]);
  if (rows.length === 0) throw new NotFoundError('draft', id);
  const draft = toDraft(rows[0]);
  const decisions = change(draft);
  const updated = await sql.query<DraftRow>(
    `UPDATE report_drafts SET decisions = $2::json, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, JSON.stringify(decisions)],
  );
  return toDraft(updated.rows[0]);
}
