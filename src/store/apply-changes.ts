import { entityAttributes, relationshipAttributes, type KnowledgeGraph } from '../load';
import type { SourceRecord } from '../model';
import { searchIndexOf } from '../queries';
import { invalidatePathIndex } from '../queries/paths';
import type { RecordChange } from './change';
import { versionsOf } from './record-versions';

/** Relation types whose edges make up an event's searchable place (see queries/event-context.ts). */
const PLACE_TYPES = new Set(['LOCATED_AT', 'PART_OF']);
/** How far up a chain of places an event's search context reaches (queries/event-context.ts). */
const PLACE_LEVELS = 3;

function sortedSources(sources: Iterable<SourceRecord>): Map<string, SourceRecord> {
  return new Map([...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((source) => [source.id, source]));
}

/**
 * The entities whose search entry depends on `touched`: themselves, and the events that reach one of them over at most
 * PLACE_LEVELS place edges (their search context names those places).
 */
function dependentEntities(graph: KnowledgeGraph, touched: ReadonlySet<string>): Set<string> {
  const result = new Set<string>();
  let frontier = [...touched].filter((id) => graph.hasNode(id));
  for (const id of frontier) result.add(id);
  for (let level = 0; level < PLACE_LEVELS && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachInEdge(node, (_edge, attributes, source) => {
        if (!PLACE_TYPES.has(attributes.record.type) || result.has(source)) return;
        result.add(source);
        next.push(source);
      });
    }
    frontier = next;
  }
  return result;
}

/**
 * Applies committed changes, in log order, to the graph that mirrors the store: the one way the graph changes, for
 * this server's own commits and for those of other servers alike. Keeps the record versions, the search index and the
 * path index in step. The changes must follow on from the graph's state (the store's log guarantees it).
 */
export function applyChanges(graph: KnowledgeGraph, changes: readonly RecordChange[]): void {
  if (changes.length === 0) return;
  const versions = versionsOf(graph);
  const touched = new Set<string>();
  const removed = new Set<string>();
  let sources: Map<string, SourceRecord> | undefined;
  for (const change of changes) {
    switch (change.kind) {
      case 'source': {
        sources ??= new Map(graph.getAttribute('sources'));
        if (change.after) sources.set(change.id, change.after);
        else sources.delete(change.id);
        break;
      }
      case 'entity': {
        if (change.op === 'create') graph.addNode(change.id, entityAttributes(change.after!));
        else if (change.op === 'update') graph.replaceNodeAttributes(change.id, entityAttributes(change.after!));
        else {
          graph.dropNode(change.id);
          removed.add(change.id);
        }
        touched.add(change.id);
        break;
      }
      case 'relationship': {
        const { before, after } = change;
        if (before && (!after || before.source !== after.source || before.target !== after.target)) graph.dropEdge(change.id);
        if (after) {
          if (graph.hasEdge(change.id)) graph.replaceEdgeAttributes(change.id, relationshipAttributes(after));
          else graph.addEdgeWithKey(change.id, after.source, after.target, relationshipAttributes(after));
        }
        for (const record of [before, after]) if (record && PLACE_TYPES.has(record.type)) touched.add(record.source);
        break;
      }
    }
    if (change.op === 'delete') versions.delete(change.kind, change.id);
    else versions.set(change.kind, change.id, change.version);
  }
  if (sources) graph.setAttribute('sources', sortedSources(sources.values()));
  const search = searchIndexOf(graph);
  for (const id of removed) search.remove(id);
  for (const id of dependentEntities(graph, touched)) {
    search.remove(id);
    search.add(id);
  }
  invalidatePathIndex(graph);
}
