/*
 * CSV injection (OWASP): a spreadsheet runs a cell that begins with =, +, -, @, tab or carriage return as a formula, so
 * an export opened in Excel or LibreOffice could run what a source wrote. Every exported CSV cell that begins with one
 * of them, or with a single quote, gets a single quote in front (spreadsheets show the cell as text and hide the
 * quote); our CSV import removes exactly one leading quote from every cell. The rule is a bijection, so export →
 * import gives back every record exactly, whatever its text. A hand-written cell that really begins with a quote is
 * written with two.
 */

const NEEDS_QUOTE = /^[=+\-@\t\r']/;

export function neutraliseCell(cell: string): string {
  return NEEDS_QUOTE.test(cell) ? `'${cell}` : cell;
}

export function restoreCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

export function neutraliseRow(row: readonly string[]): string[] {
  return row.map(neutraliseCell);
}
