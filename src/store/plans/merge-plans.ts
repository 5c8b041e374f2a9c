import { isDeepStrictEqual } from 'node:util';
import { InvalidInputError, NotFoundError, type Alias, type EntityRecord, type EvidenceRecord, type RelationshipRecord } from '../../model';
import type { KnowledgeGraph } from '../../load';
import { InputChecks } from '../check-input';
import { Draft } from '../draft';
import type { Planner } from '../plan';
import { requireEntity } from './entity-plans';
import { expectVersion } from './expect-version';

/** Everything unmerge needs to put a merge back, kept with the merge (merges.undo). */
interface MergeUndo {
  readonly keepBefore: EntityRecord;
  readonly keepAfter: EntityRecord;
  readonly merged: EntityRecord;
  /** Relationships of the merged entity now pointing at keep, as they were. */
  readonly repointed: readonly RelationshipRecord[];
  /** Relationships that duplicated one of keep's: removed, their evidence added to `into`. */
  readonly combined: readonly { readonly removed: RelationshipRecord; readonly into: string; readonly addedEvidence: readonly EvidenceRecord[] }[];
  /** Relationships between the two entities, which would have become loops on keep: removed. */
  readonly dropped: readonly RelationshipRecord[];
}

export interface MergeResult {
  readonly mergeId: number;
  readonly entity: EntityRecord;
  readonly repointed: readonly string[];
  readonly combined: readonly { readonly removed: string; readonly into: string }[];
  readonly dropped: readonly string[];
}

export interface UnmergeResult {
  readonly mergeId: number;
  readonly entity: EntityRecord;
  readonly keep: EntityRecord;
  /** Relationships given back to the restored entity (re-pointed back or recreated). */
  readonly restored: readonly string[];
  /** Relationships of the merge deleted since, which unmerge could not give back. */
  readonly missing: readonly string[];
}

const sameEvidence = (a: EvidenceRecord, b: EvidenceRecord) => isDeepStrictEqual(a, b);

/** keep's aliases, then the merged entity's name and aliases that keep does not have yet (by name). */
function unionAliases(keep: EntityRecord, merged: EntityRecord): Alias[] {
  const names = new Set([keep.name, ...keep.aliases.map((alias) => alias.name)]);
  const aliases = [...keep.aliases];
  for (const alias of [{ name: merged.name }, ...merged.aliases]) {
    if (names.has(alias.name)) continue;
    names.add(alias.name);
    aliases.push(alias);
  }
  return aliases;
}

/** keep with the merged entity's names as aliases, and its description, dates and attributes where keep has none. */
function mergedEntity(keep: EntityRecord, merged: EntityRecord): Record<string, unknown> {
  const takeDates = keep.start === undefined && keep.end === undefined;
  const attributes = { ...keep.attributes };
  for (const [key, value] of Object.entries(merged.attributes ?? {})) if (!(key in attributes)) attributes[key] = value;
  return {
    ...keep,
    aliases: unionAliases(keep, merged),
    ...(keep.description === undefined && merged.description !== undefined && { description: merged.description }),
    ...(takeDates && merged.start !== undefined && { start: merged.start }),
    ...(takeDates && merged.end !== undefined && { end: merged.end }),
    ...(Object.keys(attributes).length > 0 && { attributes }),
  };
}

/** A relationship of keep that says the same as `candidate`: same type, ends and dates. */
function duplicateOf(draft: Draft, candidate: RelationshipRecord, keep: string): RelationshipRecord | undefined {
  for (const id of draft.relationshipsOf(keep)) {
    if (id === candidate.id) continue;
    const other = draft.relationship(id)!;
    if (other.type === candidate.type && other.source === candidate.source && other.target === candidate.target && other.start === candidate.start && other.end === candidate.end) return other;
  }
  return undefined;
}

/**
 * What merging `merge` into `keep` changes, worked out on a draft of the graph (nothing is written): the draft, and
 * the record of the merge that unmerge needs.
 */
function planMerge(graph: KnowledgeGraph, keepId: string, mergeId: string, keepVersion?: number | null, mergeVersion?: number | null): { draft: Draft; undo: MergeUndo } {
  if (keepId === mergeId) throw new InvalidInputError('merge', 'must be another entity than keep');
  const draft = new Draft(graph);
  const keep = requireEntity(draft, keepId);
  const merge = requireEntity(draft, mergeId);
  expectVersion(graph, 'entity', keepId, keepVersion, 'keepVersion');
  expectVersion(graph, 'entity', mergeId, mergeVersion, 'mergeVersion');
  const checks = new InputChecks();
  if (keep.kind !== merge.kind) {
    checks.report({ code: 'KIND_MISMATCH', record: mergeId, field: 'kind', message: `cannot merge ${merge.kind} "${mergeId}" into ${keep.kind} "${keepId}"`, hint: 'only entities of one kind can be merged; change the kind of one first' });
    checks.throwIfAny();
  }
  const keepAfter = checks.entity(mergedEntity(keep, merge));
  checks.throwIfAny();
  draft.put('entity', keepAfter!);

  const repointed: RelationshipRecord[] = [];
  const combined = new Map<string, { removed: RelationshipRecord; into: string; addedEvidence: EvidenceRecord[] }>();
  const dropped: RelationshipRecord[] = [];
  const relationships = draft.relationshipsOf(mergeId).map((id) => draft.relationship(id)!);
  draft.remove('entity', mergeId);
  for (const relationship of relationships) {
    const moved = { ...relationship, source: relationship.source === mergeId ? keepId : relationship.source, target: relationship.target === mergeId ? keepId : relationship.target };
    if (moved.source === keepId && moved.target === keepId) {
      dropped.push(relationship);
      draft.remove('relationship', relationship.id);
      continue;
    }
    const duplicate = duplicateOf(draft, moved, keepId);
    if (duplicate) {
      const added = relationship.evidence.filter((item) => !duplicate.evidence.some((existing) => sameEvidence(existing, item)));
      const record = checks.relationship({ ...duplicate, evidence: [...duplicate.evidence, ...added] }, draft.references());
      if (record) draft.put('relationship', record);
      combined.set(relationship.id, { removed: relationship, into: duplicate.id, addedEvidence: added });
      draft.remove('relationship', relationship.id);
      continue;
    }
    const record = checks.relationship(moved, draft.references());
    if (record) draft.put('relationship', record);
    repointed.push(relationship);
  }
  checks.throwIfAny();
  return { draft, undo: { keepBefore: keep, keepAfter: keepAfter!, merged: merge, repointed, combined: [...combined.values()], dropped } };
}

/** What a merge would do, without doing it: for a preview before the analyst confirms. */
export interface MergePreview {
  /** keep as the merge would leave it. */
  readonly entity: EntityRecord;
  readonly merged: EntityRecord;
  /** Names of the merged entity that become aliases of keep. */
  readonly addedAliases: readonly string[];
  /** Fields keep takes from the merged entity because it has none. */
  readonly takenFields: readonly string[];
  readonly repointed: readonly RelationshipRecord[];
  readonly combined: readonly { readonly removed: RelationshipRecord; readonly into: string; readonly addedEvidence: number }[];
  readonly dropped: readonly RelationshipRecord[];
}

export function previewMerge(graph: KnowledgeGraph, keepId: string, mergeId: string): MergePreview {
  const { undo } = planMerge(graph, keepId, mergeId);
  const before = new Set(undo.keepBefore.aliases.map((alias) => alias.name));
  return {
    entity: undo.keepAfter,
    merged: undo.merged,
    addedAliases: undo.keepAfter.aliases.filter((alias) => !before.has(alias.name)).map((alias) => alias.name),
    takenFields: (['description', 'start', 'end'] as const).filter((field) => undo.keepBefore[field] === undefined && undo.keepAfter[field] !== undefined),
    repointed: undo.repointed,
    combined: undo.combined.map(({ removed, into, addedEvidence }) => ({ removed, into, addedEvidence: addedEvidence.length })),
    dropped: undo.dropped,
  };
}

/**
 * Merges `merge` into `keep`: every relationship of `merge` is re-pointed to `keep` (one that duplicates a relationship
 * of keep is folded into it, its evidence added; one between the two is dropped), keep gains merge's names as aliases
 * (and its description, dates and attributes where keep has none), and `merge` is deleted. The merge is recorded so
 * that unmerge can undo it.
 */
export function mergeEntities(keepId: string, mergeId: string, keepVersion?: number | null, mergeVersion?: number | null): Planner<MergeResult> {
  return ({ graph, actor }) => {
    const { draft, undo } = planMerge(graph, keepId, mergeId, keepVersion, mergeVersion);
    return {
      changes: draft.changes(),
      async finish(sql) {
        const { rows } = await sql.query<{ id: string | number }>('INSERT INTO merges (keep, merged, actor, undo) VALUES ($1, $2, $3, $4::json) RETURNING id', [keepId, mergeId, actor, JSON.stringify(undo)]);
        return {
          mergeId: Number(rows[0].id),
          entity: undo.keepAfter,
          repointed: undo.repointed.map((record) => record.id),
          combined: undo.combined.map(({ removed, into }) => ({ removed: removed.id, into })),
          dropped: undo.dropped.map((record) => record.id),
        };
      },
    };
  };
}

/** keep without what the merge gave it, where keep still has it as the merge left it (edits since are kept). */
function keepWithoutMerge(current: EntityRecord, undo: MergeUndo): Record<string, unknown> {
  const before = undo.keepBefore;
  const after = undo.keepAfter;
  const addedAliases = after.aliases.filter((alias) => !before.aliases.some((old) => isDeepStrictEqual(old, alias)));
  const result: Record<string, unknown> = { ...current, aliases: current.aliases.filter((alias) => !addedAliases.some((added) => isDeepStrictEqual(added, alias))) };
  for (const field of ['description', 'start', 'end'] as const) {
    if (before[field] === undefined && after[field] !== undefined && current[field] === after[field]) delete result[field];
  }
  const attributes = { ...current.attributes };
  for (const [key, value] of Object.entries(after.attributes ?? {})) {
    if (!(key in (before.attributes ?? {})) && attributes[key] === value) delete attributes[key];
  }
  if (Object.keys(attributes).length > 0) result.attributes = attributes;
  else delete result.attributes;
  return result;
}

/**
 * Undoes a merge: the merged entity comes back (with a new version), its relationships are re-pointed back or
 * recreated, and keep loses what the merge gave it. Edits made since are kept where they do not conflict; a
 * relationship deleted since stays deleted (reported as missing). Refused when the merged entity's id is taken again or
 * keep is gone, and when the result would break a rule (a relationship's other end deleted since).
 */
export function unmerge(mergeId: number): Planner<UnmergeResult> {
  return async ({ graph, sql, actor }) => {
    if (!Number.isSafeInteger(mergeId) || mergeId < 1) throw new InvalidInputError('mergeId', `must be the id of a merge, got ${mergeId}`);
    const { rows } = await sql.query<{ undo: string; undone_at: Date | null }>('SELECT undo::text AS undo, undone_at FROM merges WHERE id = $1 FOR UPDATE', [mergeId]);
    if (rows.length === 0) throw new NotFoundError('merge', String(mergeId));
    const undo = JSON.parse(rows[0].undo) as MergeUndo;
    const checks = new InputChecks();
    if (rows[0].undone_at) {
      checks.report({ code: 'ALREADY_UNDONE', record: String(mergeId), message: `merge ${mergeId} was already undone`, hint: 'see merges(entity:) for the state of each merge' });
      checks.throwIfAny();
    }
    const draft = new Draft(graph);
    const keepId = undo.keepAfter.id;
    const mergedId = undo.merged.id;
    const keep = draft.entity(keepId);
    if (!keep) checks.report({ code: 'KEEP_DELETED', record: keepId, message: `entity "${keepId}", which "${mergedId}" was merged into, has been deleted since`, hint: 'recreate it first, or create the merged entity anew' });
    if (draft.graphIdTaken(mergedId)) checks.duplicate('entity', mergedId, `the id of the merged entity is in use again; delete or rename that record first`);
    checks.throwIfAny();

    draft.put('entity', undo.merged);
    const keepRestored = checks.entity(keepWithoutMerge(keep!, undo));
    if (keepRestored) draft.put('entity', keepRestored);
    const restored: string[] = [];
    const missing: string[] = [];
    for (const original of undo.repointed) {
      const current = draft.relationship(original.id);
      if (!current) {
        missing.push(original.id);
        continue;
      }
      const back = {
        ...current,
        source: original.source === mergedId && current.source === keepId ? mergedId : current.source,
        target: original.target === mergedId && current.target === keepId ? mergedId : current.target,
      };
      const record = checks.relationship(back, draft.references());
      if (record) draft.put('relationship', record);
      restored.push(original.id);
    }
    for (const { into, addedEvidence } of undo.combined) {
      const target = draft.relationship(into);
      if (target) {
        const evidence = target.evidence.filter((item) => !addedEvidence.some((added) => sameEvidence(added, item)));
        if (evidence.length > 0 && evidence.length < target.evidence.length) {
          const record = checks.relationship({ ...target, evidence }, draft.references());
          if (record) draft.put('relationship', record);
        }
      }
    }
    for (const original of [...undo.combined.map(({ removed }) => removed), ...undo.dropped]) {
      if (draft.graphIdTaken(original.id)) {
        missing.push(original.id);
        continue;
      }
      const record = checks.relationship(original, draft.references());
      if (record) draft.put('relationship', record);
      restored.push(original.id);
    }
    checks.throwIfAny();
    return {
      changes: draft.changes(),
      async finish(transaction) {
        await transaction.query('UPDATE merges SET undone_at = now(), undone_by = $2 WHERE id = $1', [mergeId, actor]);
        return { mergeId, entity: draft.entity(mergedId)!, keep: draft.entity(keepId)!, restored: restored.sort(), missing: missing.sort() };
      },
    };
  };
}

