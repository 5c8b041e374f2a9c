import type { EntityKind } from './kinds';

/**
 * How a relation holds in time.
 * SPAN: a state that holds from `start` to `end` (either may be open).
 * EVENT: something that happened at `start` (over `start`..`end` when it lasted).
 */
export type Temporality = 'SPAN' | 'EVENT';

export interface RelationRule {
  readonly type: string;
  readonly definition: string;
  /** How to read source → target. */
  readonly reading: string;
  readonly temporality: Temporality;
  /** True when source and target play the same role (ALLIED_WITH): the arrow carries no meaning. */
  readonly symmetric: boolean;
  readonly sourceKinds: readonly EntityKind[];
  readonly targetKinds: readonly EntityKind[];
}

const ACTORS = ['PERSON', 'ORGANIZATION', 'STATE'] as const;
const GROUPS = ['ORGANIZATION', 'STATE'] as const;
const NOT_EVENTS = ['PERSON', 'ORGANIZATION', 'STATE', 'LOCATION'] as const;

/**
 * The relation types and what each may connect: one table read by validation, the API docs and the client legend.
 * Order here is the order everywhere (enum, legend, stats).
 */
export const RELATION_RULES = [
  { type: 'LEADS', definition: 'The source person commands, heads or founded-and-led the target group.', reading: 'person leads group', temporality: 'SPAN', symmetric: false, sourceKinds: ['PERSON'], targetKinds: GROUPS },
  { type: 'MEMBER_OF', definition: 'The source person belongs to or serves in the target group.', reading: 'person is a member of group', temporality: 'SPAN', symmetric: false, sourceKinds: ['PERSON'], targetKinds: GROUPS },
  { type: 'PART_OF', definition: 'The source is a component of the target: a faction of an umbrella force, a unit of a service, a place within a larger place.', reading: 'part is part of whole', temporality: 'SPAN', symmetric: false, sourceKinds: ['ORGANIZATION', 'LOCATION'], targetKinds: ['ORGANIZATION', 'STATE', 'LOCATION'] },
  { type: 'BACKS', definition: 'The source sponsors the target with money, arms, training, direction or political cover.', reading: 'patron backs client', temporality: 'SPAN', symmetric: false, sourceKinds: ACTORS, targetKinds: ACTORS },
  { type: 'SUPPLIED', definition: 'The source provided weapons, technology or materiel to the target.', reading: 'supplier supplied recipient', temporality: 'SPAN', symmetric: false, sourceKinds: ACTORS, targetKinds: ACTORS },
  { type: 'ALLIED_WITH', definition: 'Source and target cooperate as partners, neither directing the other.', reading: 'ally is allied with ally', temporality: 'SPAN', symmetric: true, sourceKinds: ACTORS, targetKinds: ACTORS },
  { type: 'OPPOSED', definition: 'The source fought or worked against the target over a period.', reading: 'opponent opposed adversary', temporality: 'SPAN', symmetric: false, sourceKinds: ACTORS, targetKinds: ACTORS },
  { type: 'FRONT_FOR', definition: 'The source is a name or cover organisation used by the target to claim or deny actions.', reading: 'front is a front for principal', temporality: 'SPAN', symmetric: false, sourceKinds: ['ORGANIZATION'], targetKinds: GROUPS },
  { type: 'CONTROLS', definition: 'The source holds, operates or uses the target place or facility.', reading: 'holder controls place', temporality: 'SPAN', symmetric: false, sourceKinds: GROUPS, targetKinds: ['LOCATION'] },
  { type: 'LOCATED_AT', definition: 'The source is based at, or happened at, the target place.', reading: 'thing is located at place', temporality: 'SPAN', symmetric: false, sourceKinds: ['PERSON', 'ORGANIZATION', 'LOCATION', 'EVENT'], targetKinds: ['LOCATION', 'STATE'] },
  { type: 'PERPETRATED', definition: 'The source carried out, ordered or claimed the target event.', reading: 'actor perpetrated event', temporality: 'EVENT', symmetric: false, sourceKinds: ACTORS, targetKinds: ['EVENT'] },
  { type: 'TARGETED', definition: 'The source event was aimed at or struck the target.', reading: 'event targeted target', temporality: 'EVENT', symmetric: false, sourceKinds: ['EVENT'], targetKinds: NOT_EVENTS },
  { type: 'ATTACKED', definition: 'The source used force against the target (a direct attack, campaign or invasion) at a time.', reading: 'attacker attacked target', temporality: 'EVENT', symmetric: false, sourceKinds: ACTORS, targetKinds: NOT_EVENTS },
  { type: 'KILLED', definition: 'The source (an actor, or the event itself) caused the death of the target person.', reading: 'killer killed victim', temporality: 'EVENT', symmetric: false, sourceKinds: ['PERSON', 'ORGANIZATION', 'STATE', 'EVENT'], targetKinds: ['PERSON'] },
  { type: 'KIDNAPPED', definition: 'The source abducted or holds the target person.', reading: 'captor kidnapped captive', temporality: 'EVENT', symmetric: false, sourceKinds: ['PERSON', 'ORGANIZATION'], targetKinds: ['PERSON'] },
  { type: 'THREATENED', definition: 'The source publicly threatened the target with force.', reading: 'threatener threatened target', temporality: 'EVENT', symmetric: false, sourceKinds: ACTORS, targetKinds: NOT_EVENTS },
] as const satisfies readonly RelationRule[];

export type RelationType = (typeof RELATION_RULES)[number]['type'];
export const RELATION_TYPES: readonly RelationType[] = RELATION_RULES.map((rule) => rule.type);

const RULES_BY_TYPE: ReadonlyMap<string, RelationRule> = new Map(RELATION_RULES.map((rule) => [rule.type, rule]));

export function isRelationType(value: unknown): value is RelationType {
  return typeof value === 'string' && RULES_BY_TYPE.has(value);
}

export function ruleFor(type: RelationType): RelationRule {
  return RULES_BY_TYPE.get(type)!;
}
