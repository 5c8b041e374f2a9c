import { onGraphChange } from '../../load';
import type { Logger } from '../../logger';
import type { Change, GraphEditor } from '../../store';

/** One change of the log as the live stream tells it: enough to say who did what, and to know what to reload. */
export interface ChangeSummary {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly operation: string;
  readonly op: Change['op'];
  readonly kind: Change['kind'];
  readonly id: string;
  readonly version: number;
  /** An entity's name, a source's title, or a relationship's "source TYPE target" (as after the change, or before a delete). */
  readonly label: string;
  /** A relationship's type and ends, with the ends' names (their ids when they are gone). */
  readonly relationship?: { readonly type: string; readonly source: EndSummary; readonly target: EndSummary };
}

interface EndSummary {
  readonly id: string;
  readonly name: string;
}

export interface Subscriber {
  /** Called with the changes after the ones it had, in log order. */
  deliver(changes: readonly ChangeSummary[], lastSeq: number): void;
  /** It missed more changes than the feed can replay: it should reload what it shows. */
  reset(lastSeq: number): void;
  /** The feed stops (the server is stopping): end the stream. */
  close(): void;
}

/** Changes kept in memory for subscribers that reconnect after a short break. */
const RECENT = 2000;
/** Most changes replayed from the log to a subscriber that comes back after a long break; past it, a reset. */
const MAX_REPLAY = 5000;

export function summarize(change: Change, nameOf: (id: string) => string = (id) => id): ChangeSummary {
  const { seq, actor, operation, op, kind, id, version } = change;
  const base = { seq, at: change.at.toISOString(), actor, operation, op, kind, id, version };
  if (change.kind === 'relationship') {
    const record = (change.after ?? change.before)!;
    const source = { id: record.source, name: nameOf(record.source) };
    const target = { id: record.target, name: nameOf(record.target) };
    return { ...base, label: `${source.name} ${record.type} ${target.name}`, relationship: { type: record.type, source, target } };
  }
  const record = change.after ?? change.before;
  return { ...base, label: record ? (change.kind === 'entity' ? (record as { name: string }).name : (record as { title: string }).title) : id };
}

/**
 * The changes this server's graph has applied, told to live subscribers (the client's event stream). It follows the
 * graph's change announcement, so it tells a change only once the graph serves it: the commits made here, and those
 * of other servers on the same PostgreSQL once this server has caught up with them. The details (actor, operation)
 * come from the change log, which also serves subscribers that resume from an earlier change.
 */
export class ChangeFeed {
  private lastSeq: number;
  private readonly recent: ChangeSummary[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private readonly unsubscribe: () => void;
  private scheduled = false;
  private flushing: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private readonly nameOf: (id: string) => string;

  constructor(
    private readonly editor: GraphEditor,
    private readonly logger: Logger,
  ) {
    this.lastSeq = editor.appliedSeq;
    const graph = editor.graph;
    this.nameOf = (id) => (graph.hasNode(id) ? graph.getNodeAttributes(id).record.name : id);
    // The editor records the applied seq right after announcing: read it once the announcement has run its course.
    this.unsubscribe = onGraphChange(editor.graph, () => this.schedule());
  }

  /** The last change told (or, at start, already applied). */
  get seq(): number {
    return this.lastSeq;
  }

  get size(): number {
    return this.subscribers.size;
  }

  /**
   * Adds a subscriber that has seen every change up to `since` (null: it starts now); it first gets the changes it
   * missed, from memory or the log, then every new batch. Returns the function that removes it.
   */
  async subscribe(subscriber: Subscriber, since: number | null): Promise<() => void> {
    let cursor = since === null || since < 0 ? this.lastSeq : since;
    if (cursor > this.lastSeq) {
      // Another server of the store told it more already (behind a load balancer); a seq the store never reached is
      // from another store: start afresh.
      if (cursor > (await this.editor.store.lastSeq())) {
        cursor = this.lastSeq;
        subscriber.reset(cursor);
      }
    }
    const send = (changes: readonly ChangeSummary[]) => {
      const fresh = changes.filter((change) => change.seq > cursor);
      if (fresh.length === 0) return;
      cursor = fresh[fresh.length - 1].seq;
      subscriber.deliver(fresh, cursor);
    };
    const oldest = this.recent[0]?.seq ?? this.lastSeq + 1;
    if (cursor < oldest - 1) {
      const upTo = this.lastSeq;
      const missed = (await this.editor.store.changesSince(cursor, MAX_REPLAY + 1)).filter((change) => change.seq <= upTo);
      if (missed.length > MAX_REPLAY) {
        cursor = upTo;
        subscriber.reset(upTo);
      } else send(this.summarizeAll(missed));
    }
    send(this.recent);
    const wrapped: Subscriber = { deliver: (changes) => send(changes), reset: (seq) => subscriber.reset(seq), close: () => subscriber.close() };
    if (this.closed) {
      subscriber.close();
      return () => undefined;
    }
    this.subscribers.add(wrapped);
    return () => this.subscribers.delete(wrapped);
  }

  /** Summaries of a batch; an entity deleted in it (merged, cascaded) is still named by its record in the batch. */
  private summarizeAll(changes: readonly Change[]): ChangeSummary[] {
    const names = new Map<string, string>();
    for (const change of changes) if (change.kind === 'entity') names.set(change.id, (change.after ?? change.before)!.name);
    return changes.map((change) => summarize(change, (id) => names.get(id) ?? this.nameOf(id)));
  }

  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Reads the changes the graph has applied since the last batch told, and tells them. One flush at a time. */
  async flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.again = false;
        const target = this.editor.appliedSeq;
        while (this.lastSeq < target && !this.closed) {
          const changes = (await this.editor.store.changesSince(this.lastSeq, 1000)).filter((change) => change.seq <= target);
          if (changes.length === 0) break;
          const batch = this.summarizeAll(changes);
          this.lastSeq = batch[batch.length - 1].seq;
          this.recent.push(...batch);
          if (this.recent.length > RECENT) this.recent.splice(0, this.recent.length - RECENT);
          for (const subscriber of [...this.subscribers]) subscriber.deliver(batch, this.lastSeq);
        }
      } while (this.again && !this.closed);
    })()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not read the change log for the live stream; will try again with the next change'))
      .finally(() => {
        this.flushing = null;
      });
    return this.flushing;
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    const subscribers = [...this.subscribers];
    this.subscribers.clear();
    for (const subscriber of subscribers) subscriber.close();
  }
}
