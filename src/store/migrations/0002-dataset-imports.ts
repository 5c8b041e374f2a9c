import type { Migration } from './migration';

/**
 * Which dataset directories the store imported, and what their files held then: the content hash of the directory's
 * three files, and a hash of each record as imported. A start compares the directory with them, so that edits of the
 * files are imported (only the records the files changed, keeping edits made through the API) instead of ignored.
 * `dataset` is "graph/" for the shipped dataset (wherever it is installed), else the directory's absolute path.
 */
export const datasetImports: Migration = {
  version: 2,
  name: 'dataset-imports',
  sql: `
CREATE TABLE dataset_imports (
  id serial PRIMARY KEY,
  dataset text NOT NULL UNIQUE,
  directory text NOT NULL,
  content_hash text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL
);

CREATE TABLE dataset_records (
  import_id integer NOT NULL REFERENCES dataset_imports (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('source', 'entity', 'relationship')),
  id text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (import_id, kind, id)
);
`,
};
