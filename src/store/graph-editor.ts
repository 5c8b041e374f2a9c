import { announceGraphChange, graphRebuilt, KnowledgeGraph } from '../load';
import type { Logger } from '../logger';
import { authorize, type Actor, type Role } from './access';
import { applyChanges } from './apply-changes';
import type { Change } from './change';
import { writeChanges } from './change-writer';
import { loadStoreSnapshot, writeStoreSnapshot } from './graph-snapshots';
import { Mutex } from './mutex';
import type { Planner } from './plan';
import { versionsOf } from './record-versions';
import { loadGraphFromStore } from './snapshot-stream';
import type { Sql } from './sql';
import type { Store } from './store';
import type { SnapshotConfig } from './store-config';

/** Held by the transaction of every write, on every server of a store: writes commit one at a time, in log order. */
const WRITE_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.proxygraph.writes'))";
const CATCH_UP_PAGE = 5000;

/**
 * The graph as an index of the store, and the one way to change both. A mutation is authorized, then, one at a time
 * on this server and under a lock held across all servers: the graph catches up with the change log, the planner
 * validates the mutation against it and lists its changes, the changes and their log rows are committed in one
 * transaction, and only then applied to the graph, by the same function that applies other servers' changes.
 * A failed commit leaves the graph as it was; the promise resolves (the mutation is acknowledged) after the commit.
 */
export class GraphEditor {
  private readonly mutex = new Mutex();
  private lastSeq: number;
  private stopListening: (() => Promise<void>) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private catchUpQueued = false;
  /** Set when applying changes failed: the graph is rebuilt from the store before anything else. */
  private needsReload = false;
  /** The change the snapshot file holds the graph at (-1: unknown or none); the timer that will write the next. */
  private snapshotSeq = -1;
  private snapshotTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    readonly store: Store,
    readonly graph: KnowledgeGraph,
    lastSeq: number,
    private readonly logger: Logger,
    private readonly snapshot: SnapshotConfig | null,
  ) {
    this.lastSeq = lastSeq;
  }

  /**
   * Builds the graph: from its snapshot when that is of a change the store's log holds (then catches up with the log),
   * else streamed from the store page by page in one consistent read; then writes a fresh snapshot later.
   */
  static async open(store: Store, logger: Logger, snapshot: SnapshotConfig | null = null): Promise<GraphEditor> {
    const graph = new KnowledgeGraph();
    const fromSnapshot = snapshot ? await loadStoreSnapshot(snapshot, store.driver, graph, logger) : null;
    const lastSeq = fromSnapshot ? fromSnapshot.seq : await store.driver.transaction((sql) => loadGraphFromStore(sql, graph), { snapshot: true });
    const editor = new GraphEditor(store, graph, lastSeq, logger, snapshot);
    if (fromSnapshot) {
      editor.snapshotSeq = fromSnapshot.seq;
      await editor.sync();
    }
    editor.scheduleSnapshot();
    return editor;
  }

  /** The last change of the log the graph includes. */
  get appliedSeq(): number {
    return this.lastSeq;
  }

  /** Commits what `planner` plans, as `actor` (who needs `role`); `operation` names it in the log. */
  async commit<R>(actor: Actor | null | undefined, role: Role, operation: string, planner: Planner<R>): Promise<R> {
    const who = authorize(actor, role, operation);
    return this.mutex.run(async () => {
      let committed: Change[] = [];
      const result = await this.store.driver.transaction(async (sql) => {
        await sql.query(WRITE_LOCK);
        await this.catchUp(sql);
        const plan = await planner({ graph: this.graph, sql, actor: who.name });
        if (plan.changes.length > 0) committed = await writeChanges(sql, plan.changes, who.name, operation);
        const answer = await plan.finish(sql, committed);
        if (committed.length > 0) await sql.query('SELECT pg_notify($1, $2)', [this.store.driver.changeChannel, String(committed[committed.length - 1].seq)]);
        return answer;
      });
      if (committed.length > 0) {
        this.apply(committed);
        if (this.needsReload) await this.reload(this.store.driver);
        this.logger.info({ operation, actor: who.name, changes: committed.length, seq: this.lastSeq }, 'committed');
      }
      return result;
    });
  }

  /** Applies changes that follow on from the graph; should that ever fail, rebuilds the graph from the store. */
  private apply(changes: readonly Change[]): void {
    const fresh = changes.filter((change) => change.seq > this.lastSeq);
    if (fresh.length === 0) return;
    try {
      applyChanges(this.graph, fresh);
      this.lastSeq = fresh[fresh.length - 1].seq;
      this.scheduleSnapshot();
    } catch (error) {
      this.logger.error({ err: error, seq: fresh[0].seq }, 'could not apply changes to the graph: rebuilding it from the store');
      this.needsReload = true;
      // Part of the batch may be in the graph, unannounced: the caches must not answer from before it meanwhile.
      announceGraphChange(this.graph, graphRebuilt());
    }
  }

  /** Applies the changes of the log the graph does not have yet (made by other servers or commands). */
  private async catchUp(sql: Sql): Promise<number> {
    if (this.needsReload) await this.reload(sql);
    let applied = 0;
    for (;;) {
      const changes = await this.store.changesSince(this.lastSeq, CATCH_UP_PAGE, sql);
      this.apply(changes);
      applied += changes.length;
      if (this.needsReload) {
        await this.reload(sql);
        return applied;
      }
      if (changes.length < CATCH_UP_PAGE) return applied;
    }
  }

  /**
   * Rebuilds the graph from the store aside and swaps it in whole: should the read fail (the database gone, a damaged
   * row), the graph keeps serving what it held and the next write or catch-up tries again. Holds both graphs meanwhile.
   */
  private async reload(sql: Sql): Promise<void> {
    const rebuilt = new KnowledgeGraph();
    const load = (within: Sql) => loadGraphFromStore(within, rebuilt);
    const lastSeq = sql === this.store.driver ? await this.store.driver.transaction(load, { snapshot: true }) : await load(sql);
    const versions = versionsOf(this.graph);
    versions.clear();
    for (const [kind, id, version] of versionsOf(rebuilt).entries()) versions.set(kind, id, version);
    this.graph.adopt(rebuilt);
    this.lastSeq = lastSeq;
    announceGraphChange(this.graph, graphRebuilt());
    this.needsReload = false;
    this.scheduleSnapshot();
  }

  /** Writes the snapshot `delayMs` after the graph first got ahead of it (not pushed back by later changes). */
  private scheduleSnapshot(): void {
    if (!this.snapshot || this.closed || this.snapshotTimer || this.snapshotSeq === this.lastSeq) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.saveSnapshot();
    }, this.snapshot.delayMs);
    this.snapshotTimer.unref();
  }

  /**
   * Writes the graph's snapshot now if the graph is ahead of it, between two mutations (edits wait for it: a few
   * seconds for millions of relationships). A cache: failing to write it is logged, never thrown.
   */
  saveSnapshot(): Promise<void> {
    return this.mutex.run(async () => {
      if (!this.snapshot || this.needsReload || this.snapshotSeq === this.lastSeq) return;
      const started = performance.now();
      try {
        const bytes = await writeStoreSnapshot(this.snapshot, this.store.driver, this.graph, this.lastSeq);
        if (bytes === null) return;
        this.snapshotSeq = this.lastSeq;
        this.logger.info({ snapshot: this.snapshot.file, seq: this.lastSeq, bytes, ms: Math.round(performance.now() - started) }, 'graph snapshot written');
      } catch (error) {
        this.logger.warn({ err: error, snapshot: this.snapshot.file }, 'could not write the graph snapshot; the next start reads the store');
      }
    });
  }

  /** Catches up with the change log now; resolves with the number of changes applied. */
  sync(): Promise<number> {
    return this.mutex.run(() => this.catchUp(this.store.driver));
  }

  private queueSync(): void {
    if (this.catchUpQueued) return;
    this.catchUpQueued = true;
    this.mutex
      .run(async () => {
        this.catchUpQueued = false;
        return this.catchUp(this.store.driver);
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not catch up with the change log; will try again'));
  }

  /**
   * Follows the changes other servers commit: on every notification, after the listening connection comes back, and
   * every `intervalMs` in case a notification was missed. Only a shared (PostgreSQL) store has other servers.
   */
  async startSync(intervalMs: number): Promise<void> {
    if (this.store.kind !== 'postgres' || this.stopListening) return;
    this.stopListening = await this.store.driver.listen(this.store.driver.changeChannel, () => this.queueSync(), () => this.queueSync());
    this.timer = setInterval(() => this.queueSync(), intervalMs);
    this.timer.unref();
    this.queueSync();
  }

  /** Stops following other servers, waits for the mutation in progress, writes the snapshot if behind, closes the store. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    if (this.stopListening) await this.stopListening();
    this.stopListening = null;
    await this.saveSnapshot();
    this.closed = true;
    await this.store.close();
  }
}
