import type { LiveChange } from './edit-types';
import type { ApiAlias } from './types';

/** "1 relationship", "3 relationships". */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** Pure helpers of the editing forms: aliases as text, ids from names, patches and three-way comparisons of records. */

const LANG_SUFFIX = /^(.*?)\s*\[([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\]\s*$/;

/** One alias per line; a language tag in brackets at the end: "كتائب حزب الله [ar]". */
export function aliasesToText(aliases: readonly ApiAlias[]): string {
  return aliases.map((alias) => (alias.lang ? `${alias.name} [${alias.lang}]` : alias.name)).join('\n');
}

export function textToAliases(text: string): { name: string; lang?: string }[] {
  const aliases: { name: string; lang?: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const match = LANG_SUFFIX.exec(trimmed);
    aliases.push(match && match[1] ? { name: match[1], lang: match[2] } : { name: trimmed });
  }
  return aliases;
}

/** A slug from a name, for a new record's id: lowercase ASCII letters, digits and single hyphens (empty when none). */
export function slugify(text: string, maxLength = 80): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** Form values: text fields are strings ('' = none), others JSON values. */
export type Fields = Readonly<Record<string, unknown>>;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields changed from `base` to `edited`, as a patch: the new value, or null to clear it. */
export function patchOf(base: Fields, edited: Fields): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(edited)) {
    if (!sameValue(base[field], value)) patch[field] = isEmpty(value) ? null : value;
  }
  return patch;
}

/** A field as it was, as you edited it, and as someone else saved it meanwhile. */
export interface ConflictRow {
  readonly field: string;
  readonly base: unknown;
  readonly mine: unknown;
  readonly theirs: unknown;
  /** mine: only you changed it; theirs: only they did; same: both, alike; both: both, differently (you choose). */
  readonly change: 'mine' | 'theirs' | 'same' | 'both';
}

/** Every field that you or the other person changed since `base`, over the fields of the form. */
export function conflictRows(fields: readonly string[], base: Fields, mine: Fields, theirs: Fields): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const field of fields) {
    const mineChanged = !sameValue(base[field], mine[field]);
    const theirsChanged = !sameValue(base[field], theirs[field]);
    if (!mineChanged && !theirsChanged) continue;
    const change = mineChanged && theirsChanged ? (sameValue(mine[field], theirs[field]) ? 'same' : 'both') : mineChanged ? 'mine' : 'theirs';
    rows.push({ field, base: base[field], mine: mine[field], theirs: theirs[field], change });
  }
  return rows;
}

/**
 * The patch that re-applies your edit on top of theirs: your changes, except the fields both changed where you chose
 * theirs. Fields only they changed are left as they saved them.
 */
export function reapplyPatch(rows: readonly ConflictRow[], keepTheirs: ReadonlySet<string>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const row of rows) {
    if (row.change === 'mine' || (row.change === 'both' && !keepTheirs.has(row.field))) patch[row.field] = isEmpty(row.mine) ? null : row.mine;
  }
  return patch;
}

/** A field's value as a short text for comparisons and history: "—" for none. */
export function showValue(value: unknown): string {
  if (isEmpty(value)) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item && 'name' in item ? aliasText(item as ApiAlias) : typeof item === 'object' && item && 'source' in item ? evidenceText(item as Record<string, unknown>) : plainText(item))).join('; ');
  // Attributes: "key: value" pairs, as the editor's attribute rows show them, not a JSON object.
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([key, item]) => `${key}: ${plainText(item)}`).join('; ');
  return JSON.stringify(value);
}

/** A string as itself, anything else as JSON. */
function plainText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function aliasText(alias: { name: string; lang?: string | null }): string {
  return alias.lang ? `${alias.name} [${alias.lang}]` : alias.name;
}

function evidenceText(evidence: Record<string, unknown>): string {
  return [evidence.source, evidence.locator, evidence.stance === 'CONTRADICTS' ? 'contradicts' : null].filter(Boolean).join(' ');
}

/** The fields that differ between two versions of a record (as stored: absent fields are empty). */
export function changedFields(before: Fields | null, after: Fields | null): { field: string; before: unknown; after: unknown }[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  fields.delete('id');
  return [...fields].filter((field) => !sameValue(before?.[field], after?.[field])).map((field) => ({ field, before: before?.[field], after: after?.[field] }));
}

/** What to tell the person editing `base` (a `kind`) when a live update says someone else changed it; null when it is not news. */
export function remoteChangeNotice(kind: LiveChange['kind'], base: { readonly id: string; readonly version: number } | null, change: Pick<LiveChange, 'kind' | 'id' | 'version' | 'op' | 'actor'>): string | null {
  if (!base || change.kind !== kind || change.id !== base.id || change.version <= base.version) return null;
  const who = change.actor ?? 'Someone';
  return change.op === 'delete'
    ? `${who} deleted this ${kind} while you were editing it.`
    : `${who} saved a change to this ${kind} (version ${change.version}) while you were editing. When you save, you will see both and can re-apply yours on top.`;
}
