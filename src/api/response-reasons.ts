import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLResolveInfo } from 'graphql';
import { responsePathAsArray } from 'graphql';

/** Why a field's answer is empty (null or []), for the response's `extensions.reasons`. */
export interface Reason {
  readonly code: string;
  readonly message: string;
  readonly [detail: string]: unknown;
}

/** The reasons a request collected, by its context object (each request has its own). */
const collected = new WeakMap<object, Record<string, unknown>[]>();

/** Records why the field being resolved answers empty; it appears in `extensions.reasons` with the field's path. */
export function addReason(context: object, info: GraphQLResolveInfo, reason: Reason): void {
  let reasons = collected.get(context);
  if (!reasons) collected.set(context, (reasons = []));
  reasons.push({ path: responsePathAsArray(info.path), ...reason });
}

/** Puts the reasons of a request into its response's extensions. */
export function responseReasons<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          const reasons = collected.get(contextValue);
          if (!reasons || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, reasons };
        },
      };
    },
  };
}
