import { InvalidInputError } from '../model';

export const MAX_PAGE_SIZE = 500;

export interface Page<T> {
  readonly items: readonly { cursor: string; node: T }[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  readonly totalCount: number;
}

const PREFIX = 'pg1:';

/** Cursors are opaque to clients: base64url of the last key seen, so pages stay stable while records are added. */
export function encodeCursor(key: string): string {
  return Buffer.from(PREFIX + key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): string {
  const text = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith(PREFIX)) throw new InvalidInputError(argument, 'is not a cursor returned by this API; pass a pageInfo.endCursor or omit it');
  return text.slice(PREFIX.length);
}

export function checkPageSize(first: number, argument = 'first'): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw new InvalidInputError(argument, `must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}`);
}

/** One page of `keys` (sorted ascending) after the cursor. */
export function paginate<T>(sortedKeys: readonly string[], resolve: (key: string) => T, first: number, after?: string | null): Page<T> {
  checkPageSize(first);
  let start = 0;
  if (after) {
    const last = decodeCursor(after);
    // Binary search for the first key greater than the cursor's key.
    let low = 0;
    let high = sortedKeys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sortedKeys[mid] <= last) low = mid + 1;
      else high = mid;
    }
    start = low;
  }
  const slice = sortedKeys.slice(start, start + first);
  const items = slice.map((key) => ({ cursor: encodeCursor(key), node: resolve(key) }));
  return {
    items,
    hasNextPage: start + first < sortedKeys.length,
    endCursor: items.length > 0 ? items[items.length - 1].cursor : null,
    totalCount: sortedKeys.length,
  };
}
