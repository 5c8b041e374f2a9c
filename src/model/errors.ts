/** Where a problem sits in the input: a file and line, or a record id, or an API argument. */
export interface ProblemLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly record?: string;
  readonly field?: string;
}

/** One problem found in a dataset: what, where, and how to fix it. */
export interface Problem extends ProblemLocation {
  /** A stable code per validation rule, e.g. DUPLICATE_ID. */
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

export class ProxygraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends ProxygraphError {
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} "${id}" not found`);
  }
}

/** Bad input from a caller: names the argument, the allowed range, and how to fix it. */
export class InvalidInputError extends ProxygraphError {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}

/** A dataset (files or a mutation) broke one or more validation rules. Carries every problem found. */
export class DataValidationError extends ProxygraphError {
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the dataset:\n${problems.map(formatProblem).join('\n')}`);
  }
}

export function formatLocation(location: ProblemLocation): string {
  const place = [location.file, location.line, location.column].filter((part) => part !== undefined).join(':');
  const record = location.record ? `record "${location.record}"${location.field ? ` field "${location.field}"` : ''}` : '';
  return [place, record].filter(Boolean).join(' ') || 'dataset';
}

export function formatProblem(problem: Problem): string {
  return `${formatLocation(problem)}: ${problem.code}: ${problem.message}${problem.hint ? ` (hint: ${problem.hint})` : ''}`;
}

/** An edit named a version of a record that is no longer current: someone changed it since. Nothing was changed. */
export class ConflictError extends ProxygraphError {
  constructor(
    readonly what: string,
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`${what} "${id}" is at version ${currentVersion}, not ${expectedVersion}: it changed since you read it; read it again and redo your edit`);
  }
}

/** The caller did not prove who it is (no, malformed, unknown or revoked token). */
export class UnauthenticatedError extends ProxygraphError {}

/** The caller is known but its role does not allow this. */
export class ForbiddenError extends ProxygraphError {}

/**
 * A long computation (a network measure) is under way in the background and was not finished within the request's
 * time: nothing is wrong, the same request a little later gets the answer. `progress` is the share done, 0..1.
 */
export class StillComputingError extends ProxygraphError {
  constructor(
    readonly what: string,
    readonly progress: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`${what} is being computed in the background (${Math.floor(progress * 100)}% done); ask again in about ${retryAfterSeconds} s`);
  }
}
