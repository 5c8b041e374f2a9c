import type { EntityRecord, RelationshipRecord } from './records';

/**
 * Where records cite sources: a relationship's evidence, and an entity's dates, whose source is named in attributes
 * (`start_source`, with `start_locator` for where in it; `end_source`, `end_locator` likewise; see README, "Dates and
 * their sources").
 */
export const DATE_FIELDS = ['start', 'end'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export const dateSourceAttribute = (field: DateField) => `${field}_source`;
export const dateLocatorAttribute = (field: DateField) => `${field}_locator`;

/** How many pieces of a relationship's evidence cite the source. */
export function evidenceCiting(relationship: RelationshipRecord, source: string): number {
  let count = 0;
  for (const evidence of relationship.evidence) if (evidence.source === source) count++;
  return count;
}

/** The dates of an entity whose source is this one. */
export function datesCiting(entity: EntityRecord, source: string): DateField[] {
  const attributes = entity.attributes;
  if (!attributes) return [];
  return DATE_FIELDS.filter((field) => attributes[dateSourceAttribute(field)] === source);
}

/** The sources an entity's dates name. */
export function dateSources(entity: EntityRecord): string[] {
  const attributes = entity.attributes;
  if (!attributes) return [];
  const sources = new Set<string>();
  for (const field of DATE_FIELDS) {
    const source = attributes[dateSourceAttribute(field)];
    if (typeof source === 'string') sources.add(source);
  }
  return [...sources];
}
