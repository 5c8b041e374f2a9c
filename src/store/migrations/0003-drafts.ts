import type { Migration } from './migration';

/**
 * Drafts of ingested reporting: what reading an article proposed (kept as made, json) and the analysts' decisions on
 * it (accepted, rejected, linked), changed in place under a row lock. Nothing here is part of the graph until accepted:
 * accepting writes records and change-log rows like any other edit.
 */
export const drafts: Migration = {
  version: 3,
  name: 'drafts',
  sql: `
CREATE TABLE report_drafts (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  title text NOT NULL,
  source_id text NOT NULL,
  reading json NOT NULL,
  decisions json NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_drafts_created ON report_drafts (created_at DESC, id);
`,
};
