import { isDeepStrictEqual } from 'node:util';
import type { KnowledgeGraph, ReferenceIndex } from '../load';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../model';
import type { RecordChange, RecordKind, RecordOfKind } from './change';
import { versionsOf } from './record-versions';

type Working<K extends RecordKind> = Map<string, RecordOfKind[K] | null>;

/**
 * A working copy of the graph for planning one mutation: records put or removed here shadow the graph's, so every
 * check of a plan (references, kinds, ids taken) sees the state the plan leads to. `changes()` turns the differences
 * into the change list, ordered so that every reference holds after each step.
 */
export class Draft {
  private readonly working: { [K in RecordKind]: Working<K> } = { source: new Map(), entity: new Map(), relationship: new Map() };

  constructor(readonly graph: KnowledgeGraph) {}

  private current<K extends RecordKind>(kind: K, id: string): RecordOfKind[K] | null {
    switch (kind) {
      case 'source':
        return (this.graph.getAttribute('sources').get(id) ?? null) as RecordOfKind[K] | null;
      case 'entity':
        return (this.graph.hasNode(id) ? this.graph.getNodeAttributes(id).record : null) as RecordOfKind[K] | null;
      default:
        return (this.graph.hasEdge(id) ? this.graph.getEdgeAttributes(id).record : null) as RecordOfKind[K] | null;
    }
  }

  get<K extends RecordKind>(kind: K, id: string): RecordOfKind[K] | null {
    const working = this.working[kind] as Working<K>;
    return working.has(id) ? working.get(id)! : this.current(kind, id);
  }

  entity(id: string): EntityRecord | null {
    return this.get('entity', id);
  }

  relationship(id: string): RelationshipRecord | null {
    return this.get('relationship', id);
  }

  source(id: string): SourceRecord | null {
    return this.get('source', id);
  }

  put<K extends RecordKind>(kind: K, record: RecordOfKind[K]): void {
    (this.working[kind] as Working<K>).set(record.id, record);
  }

  remove(kind: RecordKind, id: string): void {
    this.working[kind].set(id, null);
  }

  /** True when an entity or a relationship has this id (they share one namespace). */
  graphIdTaken(id: string): boolean {
    return this.entity(id) !== null || this.relationship(id) !== null;
  }

  /** The ids of the relationships of an entity in the draft, in id order. */
  relationshipsOf(entity: string): string[] {
    const ids = new Set<string>();
    if (this.graph.hasNode(entity)) for (const edge of this.graph.edges(entity)) ids.add(edge);
    for (const [id, record] of this.working.relationship) {
      if (record && (record.source === entity || record.target === entity)) ids.add(id);
    }
    return [...ids].filter((id) => {
      const record = this.relationship(id);
      return record !== null && (record.source === entity || record.target === entity);
    }).sort();
  }

  /** What relationships may refer to, as the draft has it. */
  references(): ReferenceIndex {
    return { entityKind: (id) => this.entity(id)?.kind, hasSource: (id) => this.source(id) !== null };
  }

  /**
   * The changes from the graph to the draft: sources created and updated, then entities created and updated, then
   * relationships updated, created and deleted, then entities deleted, then sources deleted. Records put back unchanged
   * are no change.
   */
  changes(): RecordChange[] {
    const versions = versionsOf(this.graph);
    const diff = <K extends RecordKind>(kind: K): RecordChange[] =>
      [...(this.working[kind] as Working<K>)].flatMap(([id, after]) => {
        const before = this.current(kind, id);
        if (before === null && after === null) return [];
        if (before !== null && after !== null && isDeepStrictEqual(before, after)) return [];
        const op = before === null ? 'create' : after === null ? 'delete' : 'update';
        const version = versions.get(kind, id);
        return [{ op, kind, id, before, after, version: op === 'create' ? 1 : op === 'update' ? version + 1 : version } as RecordChange];
      });
    const sources = diff('source');
    const entities = diff('entity');
    const relationships = diff('relationship');
    const of = (list: RecordChange[], op: RecordChange['op']) => list.filter((change) => change.op === op);
    return [
      ...sources.filter((change) => change.op !== 'delete'),
      ...of(entities, 'create'),
      ...of(entities, 'update'),
      ...of(relationships, 'update'),
      ...of(relationships, 'create'),
      ...of(relationships, 'delete'),
      ...of(entities, 'delete'),
      ...of(sources, 'delete'),
    ];
  }
}
