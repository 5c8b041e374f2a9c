import { ruleFor, type EntityKind, type RelationType } from '../model';

/*
 * How our kinds and relation types meet STIX 2.1. One table each way, read by the writer (stix.ts) and the reader
 * (stix-import.ts). Custom properties use the prefix x_proxygraph_ so that our own bundles read back exactly.
 *
 * Entities → SDOs
 *   PERSON        identity (identity_class "individual"): a person is not presumed hostile, so not a threat-actor.
 *   ORGANIZATION  threat-actor: armed groups and agencies that act; an entity imported from an intrusion-set or an
 *                 identity goes back out as what it came from (its STIX id is kept in attributes.stixId).
 *   STATE         identity (identity_class "organization", sectors ["government-national"]): the state as an actor.
 *   LOCATION      location: with country (from attributes country/iso2, else the STATE it is PART_OF or LOCATED_AT,
 *                 by its iso2 attribute or name), region, or latitude+longitude from attributes; STIX requires one,
 *                 and a place with none of them gets region "unknown".
 *   EVENT         incident: STIX 2.1's object for something that happened (OpenCTI's Incident, with first_seen and
 *                 last_seen). Not report (a document: our sources), not observed-data (requires cyber observables),
 *                 not campaign (a series of activity; imported campaigns do become EVENTs).
 *
 * SDOs → entities (import)
 *   identity → PERSON when identity_class is "individual", else ORGANIZATION; threat-actor → ORGANIZATION, PERSON when
 *   resource_level is "individual" or x_opencti_type "Threat-Actor-Individual"; intrusion-set → ORGANIZATION;
 *   location → LOCATION; incident, campaign → EVENT; report → a source (its object_refs cite it as evidence).
 *   x_proxygraph_kind, when present, wins. Other object types (malware, tool, indicator, attack-pattern, observables…)
 *   have no kind of ours: they and the relationships touching them are skipped and counted in the import notes.
 */

export const SDO_FOR_KIND: Record<EntityKind, readonly string[]> = {
  // The first is what we write; the others are accepted back when an imported entity came from them.
  PERSON: ['identity', 'threat-actor'],
  ORGANIZATION: ['threat-actor', 'intrusion-set', 'identity'],
  STATE: ['identity', 'threat-actor', 'location'],
  LOCATION: ['location'],
  EVENT: ['incident', 'campaign'],
};

export const IMPORTED_SDOS = new Set(['identity', 'threat-actor', 'intrusion-set', 'location', 'incident', 'campaign']);

/*
 * Relation types → relationship_type (export). STIX's own names where one means the same thing, in the same direction:
 *   FRONT_FOR → attributed-to (the front's activity is attributed to its principal), LOCATED_AT → located-at,
 *   TARGETED and ATTACKED → targets (told apart on import by the source's kind: an EVENT targets, an actor attacks),
 *   ALLIED_WITH → cooperates-with (OpenCTI), PART_OF and MEMBER_OF → part-of (a PERSON is a member, anything else a part).
 * The others have no STIX counterpart and are written as our type in STIX's spelling: leads, backs, supplied,
 * opposed, controls, perpetrated, killed, kidnapped, threatened. The exact type also travels as x_proxygraph_type.
 */
export const STIX_RELATIONSHIP_TYPE: Record<RelationType, string> = {
  LEADS: 'leads',
  MEMBER_OF: 'part-of',
  PART_OF: 'part-of',
  BACKS: 'backs',
  SUPPLIED: 'supplied',
  ALLIED_WITH: 'cooperates-with',
  OPPOSED: 'opposed',
  FRONT_FOR: 'attributed-to',
  CONTROLS: 'controls',
  LOCATED_AT: 'located-at',
  PERPETRATED: 'perpetrated',
  TARGETED: 'targets',
  ATTACKED: 'targets',
  KILLED: 'killed',
  KIDNAPPED: 'kidnapped',
  THREATENED: 'threatened',
};

/*
 * relationship_type → our types (import): candidates in order; the first whose rule (relation-rules.ts) allows the
 * kinds of both ends is taken, direction kept. Our own spellings (leads, backs, …, allied-with, member-of, front-for)
 * read back too. A type with no candidate that fits, or none at all (related-to, impersonates, derived-from, …),
 * gets the fallback: LOCATED_AT towards a place, PERPETRATED towards an event, TARGETED from an event, and between
 * actors ALLIED_WITH — the most neutral link, symmetric, so no direction is read into it. Whenever the type chosen
 * would not be written back as the same relationship_type, the original is kept in attributes.stixRelationshipType
 * (and written back from there), so nothing said in the bundle is lost.
 */
const CANDIDATES: Record<string, readonly RelationType[]> = {
  'attributed-to': ['FRONT_FOR'],
  targets: ['TARGETED', 'ATTACKED'],
  'located-at': ['LOCATED_AT'],
  'originates-from': ['LOCATED_AT'],
  uses: ['CONTROLS'],
  controls: ['CONTROLS'],
  owns: ['CONTROLS'],
  hosts: ['CONTROLS'],
  compromises: ['ATTACKED'],
  'part-of': ['PART_OF', 'MEMBER_OF'],
  'member-of': ['MEMBER_OF'],
  'employed-by': ['MEMBER_OF'],
  'cooperates-with': ['ALLIED_WITH'],
  'allied-with': ['ALLIED_WITH'],
  leads: ['LEADS'],
  backs: ['BACKS'],
  supplied: ['SUPPLIED'],
  opposed: ['OPPOSED'],
  'front-for': ['FRONT_FOR'],
  perpetrated: ['PERPETRATED'],
  attacked: ['ATTACKED'],
  targeted: ['TARGETED'],
  killed: ['KILLED'],
  kidnapped: ['KIDNAPPED'],
  threatened: ['THREATENED'],
};

const ACTORS: readonly EntityKind[] = ['PERSON', 'ORGANIZATION', 'STATE'];

function allows(type: RelationType, source: EntityKind, target: EntityKind): boolean {
  const rule = ruleFor(type);
  return rule.sourceKinds.includes(source) && rule.targetKinds.includes(target);
}

function fallback(source: EntityKind, target: EntityKind): RelationType | undefined {
  const order: RelationType[] = ['LOCATED_AT', 'PERPETRATED', 'TARGETED', 'ALLIED_WITH', 'PART_OF'];
  if (ACTORS.includes(source) && ACTORS.includes(target)) return 'ALLIED_WITH';
  return order.find((type) => allows(type, source, target));
}

/** Our type for a STIX relationship between entities of these kinds, and whether the STIX type must be kept aside. */
export function relationTypeFor(stixType: string, source: EntityKind, target: EntityKind): { type?: RelationType; keepOriginal: boolean } {
  const candidate = (CANDIDATES[stixType] ?? []).find((type) => allows(type, source, target));
  const type = candidate ?? fallback(source, target);
  return { type, keepOriginal: type === undefined || STIX_RELATIONSHIP_TYPE[type] !== stixType };
}
