/** What the store needs of a PostgreSQL connection: the same SQL runs on PGlite (embedded) and on a PostgreSQL server. */
export interface Sql {
  /** One statement with $1.. parameters. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /** A script of several statements, without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * The rows of a SELECT (no parameters) as COPY text in UTF-8 bytes: tab-separated, backslash-escaped, one row a
   * line. Bytes, not a string: a page can go to a worker thread without a copy and without being decoded here. Only
   * drivers with a fast path for bulk reads have it (PGlite: COPY … TO a file of its in-memory file system); callers
   * page with query() otherwise.
   */
  copyOut?(select: string): Promise<Uint8Array>;
}

export interface SqlResult<R> {
  readonly rows: R[];
  /** Rows changed by INSERT, UPDATE or DELETE. */
  readonly rowCount: number;
}

export type StoreKind = 'embedded' | 'postgres';

export interface TransactionOptions {
  /** REPEATABLE READ: every statement sees the same snapshot (consistent reads of several tables). */
  readonly snapshot?: boolean;
}

export interface SqlDriver extends Sql {
  readonly kind: StoreKind;
  /** Where the data is, for logs and messages (a directory, or host/database). Never includes a password. */
  readonly location: string;
  /** The channel on which commits are announced (NOTIFY) to the other servers of the same store. */
  readonly changeChannel: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (sql: Sql) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Calls `onNotify` on every notification on `channel`, and `onResume` after the connection that listens was
   * re-established (notifications may have been missed meanwhile). Resolves with a function that stops listening.
   */
  listen(channel: string, onNotify: () => void, onResume: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Quotes an SQL identifier (a schema or channel name). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
