import type { EntityKind, RelationType } from '../src/model';
import type { ApiRelationRule } from './types';

/** The relation types the rules allow from an entity of one kind to one of another, in the rules' order. */
export function allowedTypes(rules: readonly ApiRelationRule[], sourceKind: EntityKind, targetKind: EntityKind): RelationType[] {
  return rules.filter((rule) => rule.sourceKinds.includes(sourceKind) && rule.targetKinds.includes(targetKind)).map((rule) => rule.type);
}

/** What the type list offers for two ends, and, when nothing fits, what swapping them would allow. */
export function typeChoices(rules: readonly ApiRelationRule[], sourceKind: EntityKind | null, targetKind: EntityKind | null): { types: RelationType[]; swapped: RelationType[] } {
  if (!sourceKind || !targetKind) return { types: [], swapped: [] };
  const types = allowedTypes(rules, sourceKind, targetKind);
  return { types, swapped: types.length > 0 ? [] : allowedTypes(rules, targetKind, sourceKind) };
}

/** A relationship id from its ends and type: "iran-backs-kataib-hezbollah", within the id length limit. */
export function relationshipId(source: string, type: RelationType, target: string, maxLength = 128): string {
  const id = `${source}-${type.toLowerCase().replace(/_/g, '-')}-${target}`;
  return id.length <= maxLength ? id : id.slice(0, maxLength).replace(/-+$/, '');
}
