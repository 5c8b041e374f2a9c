/**
 * PostgreSQL's COPY text format as the store reads it back (Sql.copyOut): one row a line, fields separated by tabs,
 * backslash escapes. The store's pages have three fields a row: id, version, record (JSON text).
 */

/** Undoes COPY's text-format escaping of one field (JSON text only ever has backslashes to undo). */
export function unescapeCopy(field: string): string {
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === 'b' ? '\b' : c === 'f' ? '\f' : c === 'v' ? '\v' : c));
}

/**
 * Calls `take` with each row of a page of COPY text of (id, version, record), cut in place: no array per line, no copy
 * of the page's lines. A line of other than three fields is an error naming the table and the line.
 */
export function forEachCopyRow(text: string, table: string, take: (id: string, version: number, record: string) => void): void {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const firstTab = text.indexOf('\t', start);
    const secondTab = text.indexOf('\t', firstTab + 1);
    if (end > start) {
      if (firstTab < 0 || secondTab < 0 || secondTab > end) throw new Error(`the store's ${table} table gave a row of other than three fields: ${text.slice(start, Math.min(end, start + 80))}`);
      take(unescapeCopy(text.slice(start, firstTab)), Number(text.slice(firstTab + 1, secondTab)), unescapeCopy(text.slice(secondTab + 1, end)));
    }
    start = end + 1;
  }
}

const NEWLINE = 0x0a;
const TAB = 0x09;

/** The number of rows of a page of COPY bytes (each row ends with a newline). */
export function copyRowCount(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = buffer.indexOf(NEWLINE); at >= 0; at = buffer.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/** The id (first field) of the last row of a page of COPY bytes; '' for an empty page. */
export function lastCopyId(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = buffer.length;
  if (end > 0 && buffer[end - 1] === NEWLINE) end--;
  if (end === 0) return '';
  const start = buffer.lastIndexOf(NEWLINE, end - 1) + 1;
  const tab = buffer.indexOf(TAB, start);
  return unescapeCopy(buffer.toString('utf8', start, tab < 0 || tab > end ? end : tab));
}
