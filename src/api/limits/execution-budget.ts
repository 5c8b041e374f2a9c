import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { QueryLimitError } from './limit-error';

/** How long execution runs before it lets the event loop serve others (/healthz, other requests), in milliseconds. */
export const EXECUTION_SLICE_MS = 5;
/** A value with at least this many items (a list, or an object holding lists) is completed in a turn of its own. */
const LARGE_VALUE_ITEMS = 50;

/*
 * Turns of the event loop, shared by every request: a paused execution resumes in a turn of its own, one per turn of
 * the event loop, so between two slices of work the server reads its sockets (a /healthz probe, a small query) instead
 * of running the slices of ten concurrent requests back to back.
 */
const turns: (() => void)[] = [];
let turnScheduled = false;

function runTurn(): void {
  turnScheduled = false;
  turns.shift()?.();
  if (turns.length > 0) {
    turnScheduled = true;
    // Scheduled from within the check phase, the next immediate runs in the next turn, after the poll for I/O.
    setImmediate(runTurn);
  }
}

/** Resolves in a turn of the event loop of its own. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    turns.push(resolve);
    if (!turnScheduled) {
      turnScheduled = true;
      setImmediate(runTurn);
    }
  });
}

/** How many items a resolved value holds: a list's length, or the lengths of the lists an object holds. */
function itemsOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value !== 'object' || value === null) return 0;
  let items = 0;
  // Data properties only: a getter is the resolver's business, and may throw where graphql-js should report it.
  for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value))) if (Array.isArray(descriptor.value)) items += descriptor.value.length;
  return items;
}

/**
 * The time one operation may execute. Execution yields to the event loop every EXECUTION_SLICE_MS, so a large but
 * allowed answer never holds up a liveness probe or a small query for long; past `maxMs` every further field fails
 * with EXECUTION_TOO_LONG, which stops the work (the answer keeps what was done, with one error saying why).
 */
export class ExecutionBudget {
  private readonly started = performance.now();
  private sliceStarted = this.started;
  /** The yield under way: every field met meanwhile waits for it too, so the walk of the answer really pauses. */
  private pending: Promise<void> | undefined;
  exceeded: QueryLimitError | undefined;

  constructor(readonly maxMs: number) {}

  /** Before each field that does work: nothing to go on, a promise to wait for (a yield), or a throw past the budget. */
  step(): Promise<void> | undefined {
    this.check();
    if (this.pending) return this.pending;
    if (performance.now() - this.sliceStarted < EXECUTION_SLICE_MS) return undefined;
    this.pending = nextTurn().then(() => {
      this.pending = undefined;
      this.sliceStarted = performance.now();
    });
    return this.pending;
  }

  /**
   * A value that arrived later for a field (type-graphql's resolvers return promises). graphql-js completes it in the
   * microtask that receives it, and values that arrive together would all be completed in one turn of the event loop,
   * after every check was made: a large value (a page of relationships, a subgraph) is handed over in a turn of its
   * own instead, so its completion is followed by a chance for others to run. Small values go on at once.
   */
  deliver<T>(value: T): T | Promise<T> {
    this.check();
    if (itemsOf(value) < LARGE_VALUE_ITEMS) return value;
    return nextTurn().then(() => {
      this.check();
      this.sliceStarted = performance.now();
      return value;
    });
  }

  /** Milliseconds left before the budget runs out. */
  remainingMs(): number {
    return this.maxMs - (performance.now() - this.started);
  }

  private check(): void {
    if (this.exceeded) throw this.exceeded;
    if (performance.now() - this.started <= this.maxMs) return;
    this.exceeded = new QueryLimitError(
      'maxExecutionMs',
      this.maxMs,
      `The query ran for more than ${this.maxMs.toLocaleString('en-US')} ms; the limit is maxExecutionMs = ${this.maxMs.toLocaleString('en-US')}. Ask for fewer items (limit, first, relationshipsPerEntity) or fewer nested lists.`,
      { status: 200 },
    );
    throw this.exceeded;
  }
}

export interface BudgetedContext {
  budget?: ExecutionBudget;
}

/**
 * Wraps the resolvers of the fields that do work (in place) so that they step the request's budget first: the root
 * fields and every field with arguments (Entity.relationships, degree, …). Between two such fields graphql-js only
 * completes values already computed, a bounded amount by the query limits. A field whose budget asks for a yield
 * returns a promise, which graphql-js awaits: the rest of the answer is completed in a later turn of the event loop.
 * Plain fields are left alone: wrapping them would turn every object after a yield into promises, which costs more
 * than it saves.
 */
const budgeted = new WeakSet<GraphQLSchema>();

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | undefined)?.then === 'function';

/**
 * graphql-js 16 drops the promises of sibling fields when a field fails synchronously and the failure reaches their
 * parent; a budget error rejecting such a dropped promise would be an unhandled rejection, which stops Node. The
 * promise is returned as it is, with a handler that only marks it handled.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

export function applyExecutionBudget(schema: GraphQLSchema): GraphQLSchema {
  if (budgeted.has(schema)) return schema;
  budgeted.add(schema);
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!roots.has(type) && field.args.length === 0) continue;
      const resolve: GraphQLFieldResolver<unknown, BudgetedContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const budget = context?.budget;
        if (!budget) return resolve(source, args, context, info);
        // After a yield the field checks again: the next slice may already be used up by the fields before it.
        const run = (): unknown => {
          let wait: Promise<void> | undefined;
          try {
            wait = budget.step();
          } catch (error) {
            // Failing asynchronously keeps graphql-js from dropping promises of sibling fields that fail later.
            return handled(Promise.reject(error));
          }
          if (wait) return handled(wait.then(run));
          const result = resolve(source, args, context, info);
          return isPromise(result) ? handled(result.then((value) => budget.deliver(value))) : result;
        };
        return run();
      };
    }
  }
  return schema;
}

/** Gives each operation its budget when execution starts, and keeps one EXECUTION_TOO_LONG error in the answer. */
export function executionBudgetPlugin<TContext extends BaseContext & BudgetedContext>(maxMs: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue }) {
          contextValue.budget = new ExecutionBudget(maxMs);
        },
        async willSendResponse({ response, contextValue }) {
          const body = response.body;
          if (!contextValue.budget?.exceeded || body.kind !== 'single' || !body.singleResult.errors) return;
          let kept = false;
          body.singleResult.errors = body.singleResult.errors.filter((error) => {
            if (error.extensions?.code !== 'EXECUTION_TOO_LONG') return true;
            if (kept) return false;
            return (kept = true);
          });
        },
      };
    },
  };
}
