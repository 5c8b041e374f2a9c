import { textProblem, type Problem } from '../model';
import type { RecordPlace } from './read-yaml-file';

const NO_PLACE: RecordPlace = { fieldLine: () => undefined };

/** Collects the problems of one record, each placed at the record's file and the line of the field concerned. */
export class RecordChecker {
  readonly problems: Problem[] = [];

  constructor(
    readonly kind: 'source' | 'entity' | 'relationship',
    readonly place: RecordPlace = NO_PLACE,
    public recordId?: string,
  ) {}

  report(code: string, field: string | undefined, message: string, hint?: string): void {
    this.problems.push({
      code,
      file: this.place.file,
      line: field ? this.place.fieldLine(field) : this.place.line,
      record: this.recordId,
      field,
      message,
      hint,
    });
  }

  /**
   * A string field (required: non-empty too), within `maxLength`, and holding only characters that can be stored and
   * shown (model/text.ts): `lines` 'one' for names and titles, 'many' for free text.
   */
  string(value: Record<string, unknown>, field: string, required: boolean, maxLength = 10_000, lines: 'one' | 'many' = 'one'): string | undefined {
    const raw = value[field];
    if (raw === undefined || raw === null) {
      if (required) this.report('MISSING_FIELD', undefined, `${this.kind} has no "${field}"`, `add a "${field}:" line to this ${this.kind}`);
      return undefined;
    }
    if (typeof raw !== 'string') {
      this.report('INVALID_FIELD', field, `"${field}" must be text, not ${describe(raw)}`, 'quote the value');
      return undefined;
    }
    if (raw.trim() === '') {
      if (required) this.report('MISSING_FIELD', field, `"${field}" is empty`, `give the ${this.kind} a ${field}`);
      return undefined;
    }
    if (raw.length > maxLength) {
      this.report('INVALID_FIELD', field, `"${field}" is ${raw.length} characters long; at most ${maxLength} are allowed`, 'shorten it');
      return undefined;
    }
    return this.text(raw, field, lines);
  }

  /** The text itself when it can be stored (model/text.ts), else a problem (INVALID_TEXT) and undefined. */
  text(text: string, field: string, lines: 'one' | 'many', what = `"${field}"`): string | undefined {
    const problem = textProblem(text, lines);
    if (!problem) return text;
    this.report('INVALID_TEXT', field, `${what} ${problem}`, lines === 'one' ? 'remove it: control characters, line breaks and lone surrogates cannot be stored or shown in a name' : 'remove it: control characters and lone surrogates cannot be stored or exported');
    return undefined;
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
