import type { RelationType } from '../src/model';
import * as documents from './documents';
import { currentToken } from './session';
import type { ApiEntity, ApiEntityDetail, ApiPath, ApiRelationRule, ApiRelationshipPage, ApiStats, ApiSubgraph, PathQuery } from './types';

/** A GraphQL error (or an HTTP failure) with the API's error code when it gave one, and its other extensions (problems, currentVersion). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** The calls the client makes, one function per query. Always JSON: the server's CSRF prevention wants content-type application/json. */
export interface Api {
  request<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T>;
  stats(asOf?: string | null): Promise<ApiStats>;
  relationTypes(): Promise<ApiRelationRule[]>;
  network(asOf?: string | null): Promise<ApiSubgraph>;
  search(text: string, signal?: AbortSignal, limit?: number): Promise<ApiEntity[]>;
  neighborhood(id: string, options: { depth?: number; types?: readonly RelationType[] | null; asOf?: string | null; limit?: number }): Promise<ApiSubgraph>;
  entity(id: string, asOf?: string | null): Promise<ApiEntityDetail | null>;
  /** The entity's relationships after `after` in id order (null when the entity is gone). */
  relationshipPage(id: string, options: { after: string | null; first: number; types?: readonly RelationType[] | null; asOf?: string | null }): Promise<ApiRelationshipPage | null>;
  paths(query: PathQuery): Promise<ApiPath[]>;
}

/** `token`: the bearer token to send (the signed-in session's by default); none for anonymous requests. */
export function createApi(fetchImpl: FetchLike = (url, init) => fetch(url, init), endpoint = '/graphql', token: () => string | null = currentToken): Api {
  async function request<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    const secret = token();
    const response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    let body: GraphQLResponse<T>;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      throw new ApiError(`the server answered ${response.status} without a JSON body`, null);
    }
    if (body.errors && body.errors.length > 0) {
      const [first] = body.errors;
      throw new ApiError(first.message, first.extensions?.code ?? null, first.extensions ?? {});
    }
    if (!response.ok || !body.data) throw new ApiError(`the server answered ${response.status}`, null);
    return body.data;
  }
  const orNull = (value: string | null | undefined) => (value ? value : null);
  const list = <T>(values: readonly T[] | null | undefined) => (values && values.length > 0 ? values : null);
  return {
    request,
    stats: async (asOf) => (await request<{ stats: ApiStats }>(documents.STATS, { asOf: orNull(asOf) })).stats,
    relationTypes: async () => (await request<{ relationTypes: ApiRelationRule[] }>(documents.RELATION_TYPES)).relationTypes,
    network: async (asOf) => (await request<{ network: ApiSubgraph }>(documents.NETWORK, { asOf: orNull(asOf) })).network,
    search: async (text, signal, limit = 10) => (await request<{ search: ApiEntity[] }>(documents.SEARCH, { text, limit }, signal)).search,
    neighborhood: async (id, options) =>
      (
        await request<{ neighborhood: ApiSubgraph }>(documents.NEIGHBORHOOD, {
          id,
          depth: options.depth ?? 1,
          types: list(options.types),
          asOf: orNull(options.asOf),
          limit: options.limit ?? 200,
        })
      ).neighborhood,
    entity: async (id, asOf) => (await request<{ entity: ApiEntityDetail | null }>(documents.ENTITY, { id, asOf: orNull(asOf) })).entity,
    relationshipPage: async (id, options) =>
      (
        await request<{ entity: ApiRelationshipPage | null }>(documents.RELATIONSHIP_PAGE, {
          id,
          after: options.after,
          first: options.first,
          types: list(options.types),
          asOf: orNull(options.asOf),
        })
      ).entity,
    paths: async (query) =>
      (
        await request<{ paths: ApiPath[] }>(documents.PATHS, {
          from: query.from,
          to: query.to,
          k: query.k,
          types: list(query.types),
          directed: query.directed,
          asOf: orNull(query.asOf),
          avoid: list(query.avoid),
          chronological: query.chronological,
        })
      ).paths,
  };
}
