/** Default values of query arguments: the API's declared defaults and the query functions' fallbacks for null. */
export const DEFAULTS = {
  direction: 'BOTH',
  depth: 1,
  neighborhoodLimit: 200,
  searchLimit: 10,
  first: 50,
} as const;
