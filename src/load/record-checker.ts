import type { Problem } from '../model';
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

  /** A required non-empty string field. */
  string(value: Record<string, unknown>, field: string, required: boolean, maxLength = 10_000): string | undefined {
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
    return raw;
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
