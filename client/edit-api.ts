import type { EntityKind } from '../src/model';
import { createApi, type Api } from './api';
import * as documents from './edit-documents';
import type {
  ChangeEntry,
  EditableEntity,
  EditableEntityWithRelationships,
  EditableRelationship,
  EvidenceInput,
  MergeInfo,
  MergePreview,
  Role,
  SessionInfo,
  SourceInput,
  TokenInfo,
  Viewer,
} from './edit-types';
import type { ApiEntity, ApiSource } from './types';

/** Fields of an entity or relationship to set: a value sets, null clears, a field left out stays as it is. */
export type Patch = Readonly<Record<string, unknown>>;

/** The workbench's calls: editing, history, merges and tokens, over the same GraphQL endpoint and token as reading. */
export interface EditApi {
  session(): Promise<SessionInfo>;
  /** Who `secret` signs in as; rejects with UNAUTHENTICATED when it is not a valid token. */
  checkToken(secret: string): Promise<Viewer | null>;
  entity(id: string): Promise<EditableEntityWithRelationships | null>;
  relationship(id: string): Promise<EditableRelationship | null>;
  sources(): Promise<ApiSource[]>;
  search(text: string, kinds: readonly EntityKind[] | null, signal?: AbortSignal): Promise<ApiEntity[]>;
  createEntity(input: Patch): Promise<EditableEntity>;
  updateEntity(id: string, version: number, patch: Patch): Promise<EditableEntity>;
  deleteEntity(id: string, version: number, expected: readonly string[]): Promise<{ id: string; deletedRelationships: string[] }>;
  createRelationship(input: Patch): Promise<EditableRelationship>;
  updateRelationship(id: string, version: number, patch: Patch): Promise<EditableRelationship>;
  deleteRelationship(id: string, version: number): Promise<string>;
  addEvidence(relationship: string, evidence: EvidenceInput, version: number): Promise<EditableRelationship>;
  createSource(input: SourceInput): Promise<ApiSource>;
  history(id: string): Promise<ChangeEntry[]>;
  recentChanges(since: number, limit: number): Promise<ChangeEntry[]>;
  merges(entity: string): Promise<MergeInfo[]>;
  mergePreview(keep: string, merge: string): Promise<MergePreview>;
  merge(keep: string, merge: string, keepVersion: number, mergeVersion: number): Promise<{ mergeId: number; repointed: string[]; dropped: string[]; combined: { removed: string; into: string }[] }>;
  unmerge(mergeId: number): Promise<{ restored: string[]; missing: string[]; entity: { id: string; name: string } }>;
  revert(id: string, toVersion: number, version: number | null): Promise<{ id: string; revertedTo: number }>;
  tokens(): Promise<TokenInfo[]>;
  createToken(name: string, role: Role): Promise<{ secret: string; token: TokenInfo }>;
  revokeToken(name: string): Promise<TokenInfo>;
}

export function createEditApi(api: Api, candidateApi: (secret: string) => Api = (secret) => createApi(undefined, '/graphql', () => secret)): EditApi {
  const call = api.request;
  return {
    session: () => call<SessionInfo>(documents.SESSION),
    checkToken: async (secret) => (await candidateApi(secret).request<SessionInfo>(documents.SESSION)).viewer,
    entity: async (id) => (await call<{ entity: EditableEntityWithRelationships | null }>(documents.ENTITY_FOR_EDIT, { id })).entity,
    relationship: async (id) => (await call<{ relationship: EditableRelationship | null }>(documents.RELATIONSHIP_FOR_EDIT, { id })).relationship,
    sources: async () => (await call<{ sources: ApiSource[] }>(documents.SOURCES)).sources,
    search: async (text, kinds, signal) => (await call<{ search: ApiEntity[] }>(documents.SEARCH_KINDS, { text, kinds: kinds && kinds.length > 0 ? kinds : null, limit: 10 }, signal)).search,
    createEntity: async (input) => (await call<{ createEntity: EditableEntity }>(documents.CREATE_ENTITY, { input })).createEntity,
    updateEntity: async (id, version, patch) => (await call<{ updateEntity: EditableEntity }>(documents.UPDATE_ENTITY, { id, version, patch })).updateEntity,
    deleteEntity: async (id, version, expected) =>
      (await call<{ deleteEntity: { id: string; deletedRelationships: string[] } }>(documents.DELETE_ENTITY, { id, version, cascade: expected.length > 0, expected })).deleteEntity,
    createRelationship: async (input) => (await call<{ createRelationship: EditableRelationship }>(documents.CREATE_RELATIONSHIP, { input })).createRelationship,
    updateRelationship: async (id, version, patch) => (await call<{ updateRelationship: EditableRelationship }>(documents.UPDATE_RELATIONSHIP, { id, version, patch })).updateRelationship,
    deleteRelationship: async (id, version) => (await call<{ deleteRelationship: string }>(documents.DELETE_RELATIONSHIP, { id, version })).deleteRelationship,
    addEvidence: async (relationship, evidence, version) => (await call<{ addEvidence: EditableRelationship }>(documents.ADD_EVIDENCE, { relationship, evidence, version })).addEvidence,
    createSource: async (input) => (await call<{ createSource: ApiSource }>(documents.CREATE_SOURCE, { input })).createSource,
    history: async (id) => (await call<{ history: ChangeEntry[] }>(documents.HISTORY, { id })).history,
    recentChanges: async (since, limit) => (await call<{ changes: { changes: ChangeEntry[] } }>(documents.RECENT_CHANGES, { since, limit })).changes.changes,
    merges: async (entity) => (await call<{ merges: MergeInfo[] }>(documents.MERGES, { entity })).merges,
    mergePreview: async (keep, merge) => (await call<{ mergePreview: MergePreview }>(documents.MERGE_PREVIEW, { keep, merge })).mergePreview,
    merge: async (keep, merge, keepVersion, mergeVersion) =>
      (await call<{ mergeEntities: Awaited<ReturnType<EditApi['merge']>> }>(documents.MERGE_ENTITIES, { keep, merge, keepVersion, mergeVersion })).mergeEntities,
    unmerge: async (mergeId) => (await call<{ unmerge: Awaited<ReturnType<EditApi['unmerge']>> }>(documents.UNMERGE, { mergeId })).unmerge,
    revert: async (id, toVersion, version) => (await call<{ revert: { id: string; revertedTo: number } }>(documents.REVERT, { id, toVersion, version })).revert,
    tokens: async () => (await call<{ tokens: TokenInfo[] }>(documents.TOKENS)).tokens,
    createToken: async (name, role) => (await call<{ createToken: { secret: string; token: TokenInfo } }>(documents.CREATE_TOKEN, { name, role })).createToken,
    revokeToken: async (name) => (await call<{ revokeToken: TokenInfo }>(documents.REVOKE_TOKEN, { name })).revokeToken,
  };
}
