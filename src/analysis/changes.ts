import { InvalidInputError, overlaps, type ChangeKind, type DayInterval, type EntityRecord, type RelationshipRecord, type Window } from '../model';
import type { KnowledgeGraph } from '../load';
import { compileFilter, parseAsOf } from '../queries';
import type { AnalysisArgs } from './analysis-args';

/**
 * What changed between two dates, by the asOf rule (queries/as-of.ts): the network as of `from` against the network as
 * of `to`. A relationship *began* when it is in the second and not the first, *ended* when the reverse; one that began
 * and ended strictly between the two dates is in neither network and is listed apart. The same for entities
 * (appeared, disappeared). A relationship also comes or goes with its ends: `via` names the entity whose dates made
 * the difference when the relationship's own dates did not.
 */

export interface RelationshipChange {
  readonly relationship: RelationshipRecord;
  readonly change: ChangeKind;
  /** The recorded date the change happened on (the relationship's start or end, or `via`'s), when known. */
  readonly date: string | null;
  /** The end entity whose own start or end made the difference, when the relationship's dates did not. */
  readonly via: EntityRecord | null;
}

export interface EntityChange {
  readonly entity: EntityRecord;
  readonly change: ChangeKind;
  readonly date: string | null;
}

export interface ChangesArgs extends Omit<AnalysisArgs, 'asOf' | 'directed'> {
  /** Most items per list; the counts are always complete. */
  readonly limit?: number | null;
}

export interface ChangeList<T> {
  readonly total: number;
  readonly items: readonly T[];
}

export interface Changes {
  readonly from: string;
  readonly to: string;
  readonly began: ChangeList<RelationshipChange>;
  readonly ended: ChangeList<RelationshipChange>;
  readonly beganAndEnded: ChangeList<RelationshipChange>;
  readonly appeared: ChangeList<EntityChange>;
  readonly disappeared: ChangeList<EntityChange>;
  readonly appearedAndDisappeared: ChangeList<EntityChange>;
}

export const CHANGES_DEFAULTS = { limit: 500 } as const;
export const MAX_CHANGES_LIMIT = 5000;

const strictlyBetween = (window: Window, from: DayInterval, to: DayInterval) => window.lo > from.hi && window.hi < to.lo;

function kindOf(window: Window, from: DayInterval, to: DayInterval): ChangeKind | null {
  const before = overlaps(window, from);
  const after = overlaps(window, to);
  if (!before && after) return 'BEGAN';
  if (before && !after) return 'ENDED';
  if (!before && !after && strictlyBetween(window, from, to)) return 'BEGAN_AND_ENDED';
  return null;
}

const byDateThenId = <T extends { date: string | null }>(id: (item: T) => string) => (a: T, b: T) =>
  (a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;

export function changesBetween(graph: KnowledgeGraph, from: string, to: string, args: ChangesArgs = {}): Changes {
  const before = parseAsOf(from, 'from')!;
  const after = parseAsOf(to, 'to')!;
  if (before.lo > after.lo) throw new InvalidInputError('from', `${from} is after to (${to}); give the earlier date as from`);
  const limit = args.limit ?? CHANGES_DEFAULTS.limit;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_CHANGES_LIMIT) throw new InvalidInputError('limit', `must be an integer from 0 to ${MAX_CHANGES_LIMIT}, got ${limit}`);
  // Every filter but the date: the dates are what is compared.
  const filter = compileFilter(graph, { types: args.types, kinds: args.kinds, minConfidence: args.minConfidence });

  const entities = new Map<ChangeKind, EntityChange[]>([['BEGAN', []], ['ENDED', []], ['BEGAN_AND_ENDED', []]]);
  const entityKind = new Map<string, ChangeKind>();
  graph.forEachNode((id, attributes) => {
    if (!filter.entityVisible(id, attributes)) return;
    const change = kindOf(attributes.window, before, after);
    if (!change) return;
    entityKind.set(id, change);
    const record = attributes.record;
    entities.get(change)!.push({ entity: record, change, date: (change === 'BEGAN' ? record.start : record.end) ?? null });
  });

  const relationships = new Map<ChangeKind, RelationshipChange[]>([['BEGAN', []], ['ENDED', []], ['BEGAN_AND_ENDED', []]]);
  const presence = (window: Window, source: Window, target: Window, on: DayInterval) => overlaps(window, on) && overlaps(source, on) && overlaps(target, on);
  graph.forEachEdge((id, attributes, source, target) => {
    if (!filter.relationshipVisible(id, attributes)) return;
    const s = graph.getNodeAttributes(source);
    const t = graph.getNodeAttributes(target);
    if (!filter.entityVisible(source, s) || !filter.entityVisible(target, t)) return;
    const wasThere = presence(attributes.window, s.window, t.window, before);
    const isThere = presence(attributes.window, s.window, t.window, after);
    // The window in which all three were present: began and ended in between when it lies strictly between the dates.
    const joint = { lo: Math.max(attributes.window.lo, s.window.lo, t.window.lo), hi: Math.min(attributes.window.hi, s.window.hi, t.window.hi) };
    const change: ChangeKind | null = !wasThere && isThere ? 'BEGAN' : wasThere && !isThere ? 'ENDED' : !wasThere && !isThere && joint.lo <= joint.hi && strictlyBetween(joint, before, after) ? 'BEGAN_AND_ENDED' : null;
    if (!change) return;
    const record = attributes.record;
    const own = kindOf(attributes.window, before, after);
    let via: EntityRecord | null = null;
    let date: string | null;
    if (own === change || (change === 'BEGAN_AND_ENDED' && own !== null)) {
      date = (change === 'ENDED' ? record.end : record.start) ?? null;
    } else {
      const cause = entityKind.get(source) !== undefined ? s.record : t.record;
      via = cause;
      date = (change === 'ENDED' ? cause.end : cause.start) ?? null;
    }
    relationships.get(change)!.push({ relationship: record, change, date, via });
  });

  const list = <T extends { date: string | null }>(items: T[], id: (item: T) => string): ChangeList<T> => ({ total: items.length, items: items.sort(byDateThenId(id)).slice(0, limit) });
  const relationshipId = (item: RelationshipChange) => item.relationship.id;
  const entityId = (item: EntityChange) => item.entity.id;
  return {
    from,
    to,
    began: list(relationships.get('BEGAN')!, relationshipId),
    ended: list(relationships.get('ENDED')!, relationshipId),
    beganAndEnded: list(relationships.get('BEGAN_AND_ENDED')!, relationshipId),
    appeared: list(entities.get('BEGAN')!, entityId),
    disappeared: list(entities.get('ENDED')!, entityId),
    appearedAndDisappeared: list(entities.get('BEGAN_AND_ENDED')!, entityId),
  };
}
