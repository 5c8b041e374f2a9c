/**
 * A value computed by its first use and kept: how the domain loads a heavy library (or builds a table from one) only when
 * a request needs it, so that a server that never needs it does not hold it in memory (issue #14).
 */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}
