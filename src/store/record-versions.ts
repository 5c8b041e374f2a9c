import type { KnowledgeGraph } from '../load';
import type { RecordKind } from './change';

/**
 * The version of every record of a graph that mirrors a store. Entities and relationships share one id namespace,
 * sources have their own. A record of a graph loaded from files, never edited, is at version 1; only versions past 1
 * are kept, so a store of millions of records never edited costs nothing here.
 */
export class RecordVersions {
  private readonly graphRecords = new Map<string, number>();
  private readonly sources = new Map<string, number>();

  private map(kind: RecordKind): Map<string, number> {
    return kind === 'source' ? this.sources : this.graphRecords;
  }

  get(kind: RecordKind, id: string): number {
    return this.map(kind).get(id) ?? 1;
  }

  set(kind: RecordKind, id: string, version: number): void {
    if (version === 1) this.map(kind).delete(id);
    else this.map(kind).set(id, version);
  }

  delete(kind: RecordKind, id: string): void {
    this.map(kind).delete(id);
  }

  /** Every version past 1, as [kind, id, version] (entities and relationships listed as 'entity'). */
  entries(): [RecordKind, string, number][] {
    return [...[...this.graphRecords].map(([id, version]): [RecordKind, string, number] => ['entity', id, version]), ...[...this.sources].map(([id, version]): [RecordKind, string, number] => ['source', id, version])];
  }

  clear(): void {
    this.graphRecords.clear();
    this.sources.clear();
  }
}

const versions = new WeakMap<KnowledgeGraph, RecordVersions>();

export function versionsOf(graph: KnowledgeGraph): RecordVersions {
  let found = versions.get(graph);
  if (!found) {
    found = new RecordVersions();
    versions.set(graph, found);
  }
  return found;
}

/** The current version of an entity or relationship of the graph (1 when the graph never saw an edit). */
export function versionOf(graph: KnowledgeGraph, id: string): number {
  return versionsOf(graph).get('entity', id);
}
