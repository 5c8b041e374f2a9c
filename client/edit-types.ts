import type { EntityKind, EvidenceStance, RelationType } from '../src/model';
import type { ApiAlias, ApiSource } from './types';

/** The shapes the workbench reads and writes (see schema/schema.graphql). */

export type Role = 'READER' | 'EDITOR' | 'ADMIN';

export interface Viewer {
  readonly name: string;
  readonly role: Role;
}

export interface SessionInfo {
  readonly viewer: Viewer | null;
  /** The server has a store and accepts edits. */
  readonly editable: boolean;
}

export interface EditableEntity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliasDetails: readonly ApiAlias[];
  readonly description: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly version: number;
}

export interface RelationshipRef {
  readonly id: string;
  readonly type: RelationType;
  readonly source: { readonly id: string; readonly name: string };
  readonly target: { readonly id: string; readonly name: string };
}

export interface EditableEntityWithRelationships extends EditableEntity {
  readonly relationships: readonly RelationshipRef[];
}

export interface EditableEvidence {
  readonly source: Pick<ApiSource, 'id' | 'title' | 'published' | 'publisher'>;
  readonly locator: string | null;
  readonly note: string | null;
  readonly stance: EvidenceStance;
}

export interface EditableRelationship {
  readonly id: string;
  readonly type: RelationType;
  readonly source: { readonly id: string; readonly name: string; readonly kind: EntityKind };
  readonly target: { readonly id: string; readonly name: string; readonly kind: EntityKind };
  readonly start: string | null;
  readonly end: string | null;
  readonly confidence: number | null;
  readonly disputed: boolean;
  readonly evidence: readonly EditableEvidence[];
  readonly version: number;
}

/** One change of the log, with the record before and after (as in the data files). */
export interface ChangeEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly operation: string;
  readonly op: 'CREATE' | 'UPDATE' | 'DELETE';
  readonly kind: 'SOURCE' | 'ENTITY' | 'RELATIONSHIP';
  readonly id: string;
  readonly version: number;
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>> | null;
}

/** A change as the live stream tells it (GET /events). */
export interface LiveChange {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly operation: string;
  readonly op: 'create' | 'update' | 'delete';
  readonly kind: 'source' | 'entity' | 'relationship';
  readonly id: string;
  readonly version: number;
  readonly label: string;
  readonly relationship?: { readonly type: RelationType; readonly source: { readonly id: string; readonly name: string }; readonly target: { readonly id: string; readonly name: string } };
}

export interface MergeInfo {
  readonly id: number;
  readonly keep: string;
  readonly merged: string;
  readonly mergedName: string;
  readonly relationships: number;
  readonly at: string;
  readonly actor: string;
  readonly undoneAt: string | null;
  readonly undoneBy: string | null;
}

export interface MergePreview {
  readonly entity: EditableEntity;
  readonly merged: EditableEntity;
  readonly addedAliases: readonly string[];
  readonly takenFields: readonly string[];
  readonly repointed: readonly RelationshipRef[];
  readonly combined: readonly { readonly addedEvidence: number; readonly removed: RelationshipRef; readonly into: RelationshipRef }[];
  readonly dropped: readonly RelationshipRef[];
}

export interface TokenInfo {
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}

export interface EvidenceInput {
  readonly source: string;
  readonly locator?: string | null;
  readonly note?: string | null;
  readonly stance?: EvidenceStance | null;
}

export interface SourceInput {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string | null;
  readonly published?: string | null;
  readonly url?: string | null;
}
