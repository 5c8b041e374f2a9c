import type { KnowledgeGraph } from '../../load';
import { ConflictError, InvalidInputError } from '../../model';
import type { RecordKind } from '../change';
import { versionsOf } from '../record-versions';

/** Refuses an edit that names a version other than the record's current one. No version named: no check. */
export function expectVersion(graph: KnowledgeGraph, kind: RecordKind, id: string, expected: number | null | undefined, argument = 'version'): void {
  if (expected === undefined || expected === null) return;
  if (!Number.isInteger(expected) || expected < 1) throw new InvalidInputError(argument, `must be a positive integer (the version you read), got ${expected}`);
  const current = versionsOf(graph).get(kind, id);
  if (current !== expected) throw new ConflictError(kind, id, expected, current);
}
