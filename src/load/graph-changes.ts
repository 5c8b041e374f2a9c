import type { RelationshipRecord } from '../model';
import type { KnowledgeGraph } from './knowledge-graph';

/** A relationship as it was before a change and as it is after it (null: it did not exist). */
export interface RelationshipChange {
  readonly before: RelationshipRecord | null;
  readonly after: RelationshipRecord | null;
}

/**
 * What one batch of applied changes did to a graph, announced once after the graph has been changed. Caches derived
 * from the graph (search, path index, metrics) subscribe and decide themselves what to drop; whoever changes the graph
 * only announces, and never needs to know which caches exist.
 */
export interface GraphChange {
  /** The whole graph was replaced: every derived value is stale. */
  readonly rebuilt: boolean;
  /** Entities created or updated. */
  readonly entities: ReadonlySet<string>;
  /** Entities deleted. */
  readonly removedEntities: ReadonlySet<string>;
  readonly relationships: readonly RelationshipChange[];
  /** Sources created, updated or deleted. */
  readonly sources: ReadonlySet<string>;
}

export type GraphChangeListener = (change: GraphChange) => void;

const listeners = new WeakMap<KnowledgeGraph, Set<GraphChangeListener>>();

/** Calls `listener` after every announced change of `graph`; returns the function that unsubscribes it. */
export function onGraphChange(graph: KnowledgeGraph, listener: GraphChangeListener): () => void {
  let set = listeners.get(graph);
  if (!set) listeners.set(graph, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Tells every subscriber of `graph` what changed. Call once per applied batch, after the graph holds the new state. */
export function announceGraphChange(graph: KnowledgeGraph, change: GraphChange): void {
  for (const listener of [...(listeners.get(graph) ?? [])]) listener(change);
}

/** The change that stands for "everything may have changed". */
export function graphRebuilt(): GraphChange {
  return { rebuilt: true, entities: new Set(), removedEntities: new Set(), relationships: [], sources: new Set() };
}
