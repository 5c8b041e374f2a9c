import type { Migration } from './migration';

/**
 * Records are kept as the validated JSON the data files give (json, not jsonb: json keeps the key order, so an export
 * writes the same bytes). `ordinal` and `heading` place each record in its file. Every change of a record is a row of
 * `changes`, written in the same transaction: the history, and the log other servers catch up from.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE sources (
  id text PRIMARY KEY,
  version integer NOT NULL,
  ordinal bigint NOT NULL,
  heading text,
  record json NOT NULL
);
CREATE INDEX sources_ordinal ON sources (ordinal);

CREATE TABLE entities (
  id text PRIMARY KEY,
  kind text NOT NULL,
  version integer NOT NULL,
  ordinal bigint NOT NULL,
  heading text,
  record json NOT NULL
);
CREATE INDEX entities_ordinal ON entities (ordinal);

CREATE TABLE relationships (
  id text PRIMARY KEY,
  type text NOT NULL,
  source text NOT NULL REFERENCES entities (id),
  target text NOT NULL REFERENCES entities (id),
  version integer NOT NULL,
  ordinal bigint NOT NULL,
  heading text,
  record json NOT NULL
);
CREATE INDEX relationships_ordinal ON relationships (ordinal);
CREATE INDEX relationships_source ON relationships (source);
CREATE INDEX relationships_target ON relationships (target);

CREATE TABLE changes (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  operation text NOT NULL,
  op text NOT NULL CHECK (op IN ('create', 'update', 'delete')),
  kind text NOT NULL CHECK (kind IN ('source', 'entity', 'relationship')),
  record_id text NOT NULL,
  version integer NOT NULL,
  before json,
  after json
);
CREATE INDEX changes_record ON changes (record_id, seq);

CREATE TABLE merges (
  id bigserial PRIMARY KEY,
  keep text NOT NULL,
  merged text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  undo json NOT NULL,
  undone_at timestamptz,
  undone_by text
);
CREATE INDEX merges_keep ON merges (keep);
CREATE INDEX merges_merged ON merges (merged);

CREATE TABLE tokens (
  name text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
  secret_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
`,
};
