/** Default values of query arguments: the API's declared defaults and the query functions' fallbacks for null. */
export const DEFAULTS = {
  direction: 'BOTH',
  depth: 1,
  neighborhoodLimit: 200,
  /** Relationships followed from, and returned at, each entity of a neighbourhood or network. */
  relationshipsPerEntity: 100,
  /** Relationships in a neighbourhood in all. */
  relationshipLimit: 1000,
  /** An entity's relationships per page (Entity.relationships). */
  entityRelationships: 100,
  searchLimit: 10,
  first: 50,
} as const;
