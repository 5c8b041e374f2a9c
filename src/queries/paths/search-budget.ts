import { InvalidInputError } from '../../model';
import { PATH_LIMITS } from './path-types';

/** What one query may spend on searching, over all its searches; past it the query fails and says how to narrow it. */
export class SearchBudget {
  private remaining: number;

  constructor(readonly limit: number = PATH_LIMITS.searchBudget) {
    this.remaining = limit;
  }

  spend(expansions: number): void {
    this.remaining -= expansions;
    if (this.remaining < 0) this.exhaust();
  }

  /** Fails the query: the search has done (or would hold in memory) more than it may. */
  exhaust(): never {
    throw new InvalidInputError(
      'maxLength',
      `the search would explore more than ${this.limit.toLocaleString('en-US')} entities; narrow it with a smaller maxLength or k, or with types, asOf, minConfidence or avoid`,
    );
  }

  get spent(): number {
    return this.limit - this.remaining;
  }
}
