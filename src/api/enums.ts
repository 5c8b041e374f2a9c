import { registerEnumType } from 'type-graphql';
import { ENTITY_KIND_DEFINITIONS, ENTITY_KINDS, EVIDENCE_STANCES, RELATION_RULES, type EntityKind, type EvidenceStance, type RelationType } from '../model';
import type { Direction } from '../queries';

// GraphQL enums derive from the model's lists: one definition of each kind and type.
const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const EntityKindEnum = enumOf<EntityKind>(ENTITY_KINDS);
registerEnumType(EntityKindEnum, {
  name: 'EntityKind',
  description: 'The kinds of entity.',
  valuesConfig: Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, { description: ENTITY_KIND_DEFINITIONS[kind] }])),
});

export const RelationTypeEnum = enumOf<RelationType>(RELATION_RULES.map((rule) => rule.type));
registerEnumType(RelationTypeEnum, {
  name: 'RelationType',
  description: 'The types of relationship. Each value documents its direction, whether it holds over a span or happens at a time, and the entity kinds it connects.',
  valuesConfig: Object.fromEntries(
    RELATION_RULES.map((rule) => [
      rule.type,
      { description: `${rule.definition} Read: ${rule.reading}. ${rule.temporality === 'SPAN' ? 'Holds over a span.' : 'Happens at a time.'} ${rule.sourceKinds.join('|')} → ${rule.targetKinds.join('|')}.` },
    ]),
  ),
});

export const DirectionEnum = enumOf<Direction>(['OUT', 'IN', 'BOTH']);
registerEnumType(DirectionEnum, {
  name: 'Direction',
  description: 'Which relationships of an entity to follow.',
  valuesConfig: { OUT: { description: 'Where the entity is the source.' }, IN: { description: 'Where the entity is the target.' }, BOTH: { description: 'Either way.' } },
});

export const EvidenceStanceEnum = enumOf<EvidenceStance>(EVIDENCE_STANCES);
registerEnumType(EvidenceStanceEnum, { name: 'EvidenceStance', description: 'Whether a piece of evidence supports the relationship or contradicts it.' });

export const TemporalityEnum = enumOf(['SPAN', 'EVENT'] as const);
registerEnumType(TemporalityEnum, { name: 'Temporality', description: 'SPAN: a state holding from start to end. EVENT: something that happened at start.' });
