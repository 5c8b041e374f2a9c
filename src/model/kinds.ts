/** The kinds of entity proxygraph knows. One definition; the GraphQL enum and the client legend derive from it. */
export const ENTITY_KINDS = ['PERSON', 'ORGANIZATION', 'STATE', 'LOCATION', 'EVENT'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ENTITY_KIND_DEFINITIONS: Record<EntityKind, string> = {
  PERSON: 'A named individual: a commander, cleric, official or victim.',
  ORGANIZATION: 'A group acting as one: a militia, an umbrella force, an armed service or an agency.',
  STATE: 'A sovereign state (or its government acting as such).',
  LOCATION: 'A place: a city, region, border crossing, base or other facility.',
  EVENT: 'Something that happened at a time: an attack, a strike, an explosion, a kidnapping, a decree.',
};

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}
