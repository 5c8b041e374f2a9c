import { announceGraphChange, entityAttributes, relationshipAttributes, type KnowledgeGraph, type RelationshipChange } from '../load';
import type { SourceRecord } from '../model';
import type { RecordChange } from './change';
import { versionsOf } from './record-versions';

function sortedSources(sources: Iterable<SourceRecord>): Map<string, SourceRecord> {
  return new Map([...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((source) => [source.id, source]));
}

/**
 * Applies committed changes, in log order, to the graph that mirrors the store: the one way the graph changes, for
 * this server's own commits and for those of other servers alike. Keeps the record versions in step and announces the
 * batch once (load/graph-changes.ts), so that the caches derived from the graph update themselves. The changes must
 * follow on from the graph's state (the store's log guarantees it).
 */
export function applyChanges(graph: KnowledgeGraph, changes: readonly RecordChange[]): void {
  if (changes.length === 0) return;
  const versions = versionsOf(graph);
  const entities = new Set<string>();
  const removedEntities = new Set<string>();
  const relationships: RelationshipChange[] = [];
  const sourceIds = new Set<string>();
  let sources: Map<string, SourceRecord> | undefined;
  for (const change of changes) {
    switch (change.kind) {
      case 'source': {
        sources ??= new Map(graph.getAttribute('sources'));
        if (change.after) sources.set(change.id, change.after);
        else sources.delete(change.id);
        sourceIds.add(change.id);
        break;
      }
      case 'entity': {
        if (change.op === 'create') graph.addNode(change.id, entityAttributes(change.after!));
        else if (change.op === 'update') graph.replaceNodeAttributes(change.id, entityAttributes(change.after!));
        else graph.dropNode(change.id);
        if (change.op === 'delete') {
          removedEntities.add(change.id);
          entities.delete(change.id);
        } else {
          entities.add(change.id);
          removedEntities.delete(change.id);
        }
        break;
      }
      case 'relationship': {
        const { before, after } = change;
        if (before && (!after || before.source !== after.source || before.target !== after.target)) graph.dropEdge(change.id);
        if (after) {
          if (graph.hasEdge(change.id)) graph.replaceEdgeAttributes(change.id, relationshipAttributes(after));
          else graph.addEdgeWithKey(change.id, after.source, after.target, relationshipAttributes(after));
        }
        relationships.push({ before, after });
        break;
      }
    }
    if (change.op === 'delete') versions.delete(change.kind, change.id);
    else versions.set(change.kind, change.id, change.version);
  }
  if (sources) graph.setAttribute('sources', sortedSources(sources.values()));
  announceGraphChange(graph, { rebuilt: false, entities, removedEntities, relationships, sources: sourceIds });
}
