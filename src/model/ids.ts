/** Ids are lowercase slugs. The pattern alone excludes `__proto__`; the reserved list catches slugs that are Object.prototype members. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const MAX_ID_LENGTH = 128;

const RESERVED_IDS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Returns why an id is unsafe, or null when it is fine. */
export function idProblem(id: unknown): string | null {
  if (typeof id !== 'string') return 'must be a string';
  if (id.length === 0) return 'must not be empty';
  if (id.length > MAX_ID_LENGTH) return `must be at most ${MAX_ID_LENGTH} characters`;
  if (!ID_PATTERN.test(id)) return 'must be a lowercase slug matching ^[a-z0-9][a-z0-9-]*$ (letters a-z, digits, hyphens)';
  if (RESERVED_IDS.has(id)) return 'is reserved: it names a member of every JavaScript object and would corrupt the graph';
  return null;
}

export function isSafeId(id: unknown): id is string {
  return idProblem(id) === null;
}
