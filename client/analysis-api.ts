import type { ChangeKind, Interval, TimelineBucket } from '../src/model/analysis';
import type { EntityKind } from '../src/model/kinds';
import type { RelationType } from '../src/model/relation-rules';
import type { Api } from './api';
import type { SizeMeasure } from './analysis-style';
import { ENTITY_FIELDS, PATH_FIELDS, RELATIONSHIP_FIELDS } from './documents';
import type { ApiEntity, ApiPath, ApiRelationship } from './types';

/** The analysis queries the client sends (metrics, communities, changes, timeline) and the shapes it reads back. */

export interface AnalysisFilters {
  readonly asOf: string | null;
  /** null: all kinds. */
  readonly kinds: readonly EntityKind[] | null;
  /** null: all types. */
  readonly types: readonly RelationType[] | null;
}

/** One entity's row: only the measure asked for (and the community when asked) is there, so nothing else is computed. */
export interface ApiEntityMetrics {
  readonly entity: { readonly id: string; readonly name: string; readonly kind: EntityKind };
  readonly rank: number;
  readonly neighbors: number;
  readonly degree?: number;
  readonly betweenness?: number;
  readonly pagerank?: number;
  readonly closeness?: number;
  readonly community?: number;
}

export interface ApiMetrics {
  readonly entities: number;
  readonly ties: number;
  /** Asked for with betweenness and closeness only (the two that are sampled on large networks). */
  readonly betweenness?: { readonly approximate: boolean; readonly samples: number; readonly errorBound: number; readonly confidence: number };
  readonly items: readonly ApiEntityMetrics[];
}

export interface ApiCommunities {
  readonly modularity: number;
  readonly count: number;
  readonly communities: readonly { readonly id: number; readonly size: number; readonly members: readonly { readonly id: string; readonly name: string }[] }[];
}

export interface ApiRelationshipChange {
  readonly relationship: ApiRelationship;
  readonly change: ChangeKind;
  readonly date: string | null;
  readonly via: ApiEntity | null;
}

export interface ApiEntityChange {
  readonly entity: ApiEntity;
  readonly change: ChangeKind;
  readonly date: string | null;
}

interface List<T> {
  readonly total: number;
  readonly items: readonly T[];
}

export interface ApiChanges {
  readonly from: string;
  readonly to: string;
  readonly began: List<ApiRelationshipChange>;
  readonly ended: List<ApiRelationshipChange>;
  readonly appeared: List<ApiEntityChange>;
  readonly disappeared: List<ApiEntityChange>;
}

export type ApiTimelineBucket = TimelineBucket;

export interface ApiTimeline {
  readonly interval: Interval;
  readonly buckets: readonly ApiTimelineBucket[];
}

/** Most entities whose measures the client asks for at once (the API's cost limit allows a few thousand). */
export const METRICS_LIMIT = 3000;
/** Most items per list of changes the client asks for. */
export const CHANGES_LIMIT = 300;

const FILTER_VARIABLES = '$kinds: [EntityKind!], $types: [RelationType!]';
const FILTER_ARGUMENTS = 'kinds: $kinds, types: $types';

export const METRICS = `query Metrics($asOf: String, ${FILTER_VARIABLES}, $orderBy: Measure, $limit: Int,
  $degree: Boolean!, $betweenness: Boolean!, $pagerank: Boolean!, $closeness: Boolean!, $sampled: Boolean!, $community: Boolean!) {
  metrics(asOf: $asOf, ${FILTER_ARGUMENTS}, orderBy: $orderBy, limit: $limit) {
    entities ties betweenness @include(if: $sampled) { approximate samples errorBound confidence }
    items {
      rank neighbors entity { id name kind }
      degree @include(if: $degree) betweenness @include(if: $betweenness) pagerank @include(if: $pagerank)
      closeness @include(if: $closeness) community @include(if: $community)
    }
  }
}`;

export const COMMUNITIES = `query Communities($asOf: String, ${FILTER_VARIABLES}) {
  communities(asOf: $asOf, ${FILTER_ARGUMENTS}, limit: 12, minSize: 2) { modularity count communities { id size members(limit: 3) { id name } } }
}`;

export const CHANGES = `query Changes($from: String!, $to: String!, ${FILTER_VARIABLES}, $limit: Int) {
  changesBetween(from: $from, to: $to, ${FILTER_ARGUMENTS}, limit: $limit) {
    from to
    began { total items { change date via { ...EntityFields } relationship { ...RelationshipFields } } }
    ended { total items { change date via { ...EntityFields } relationship { ...RelationshipFields } } }
    appeared { total items { change date entity { ...EntityFields } } }
    disappeared { total items { change date entity { ...EntityFields } } }
  }
}
${ENTITY_FIELDS}
${RELATIONSHIP_FIELDS}`;

export const TIMELINE = `query Timeline(${FILTER_VARIABLES}) {
  timeline(${FILTER_ARGUMENTS}) { interval buckets { label start end events starts ends imprecise } }
}`;

export interface ApiBroker {
  readonly rank: number;
  /** The part of the shortest-path traffic between the groups through the broker, 0..1. */
  readonly share: number;
  readonly group: 'FROM' | 'TO' | null;
  readonly entity: Pick<ApiEntity, 'id' | 'name' | 'kind'>;
  readonly paths: readonly ApiPath[];
}

export interface ApiBrokers {
  readonly connectedPairs: number;
  readonly unconnectedPairs: number;
  readonly brokers: readonly ApiBroker[];
}

/** Most brokers the client lists. */
export const BROKERS_LIMIT = 10;

export const BROKERS = `query Brokers($from: [ID!]!, $to: [ID!]!, $asOf: String, ${FILTER_VARIABLES}, $limit: Int) {
  brokers(from: $from, to: $to, asOf: $asOf, ${FILTER_ARGUMENTS}, limit: $limit) {
    connectedPairs unconnectedPairs
    brokers { rank share group entity { id name kind } paths(limit: 1) { ...PathFields } }
  }
}
${PATH_FIELDS}
${ENTITY_FIELDS}
${RELATIONSHIP_FIELDS}`;

export interface AnalysisApi {
  metrics(filters: AnalysisFilters, orderBy: SizeMeasure, withCommunity: boolean): Promise<ApiMetrics>;
  communities(filters: AnalysisFilters): Promise<ApiCommunities>;
  changes(from: string, to: string, filters: AnalysisFilters): Promise<ApiChanges>;
  timeline(filters: AnalysisFilters): Promise<ApiTimeline>;
  brokers(from: readonly string[], to: readonly string[], filters: AnalysisFilters): Promise<ApiBrokers>;
}

export function createAnalysisApi(api: Pick<Api, 'request'>): AnalysisApi {
  const filterVariables = (filters: AnalysisFilters) => ({ kinds: filters.kinds, types: filters.types });
  return {
    metrics: async (filters, orderBy, withCommunity) => {
      const only = { degree: orderBy === 'DEGREE', betweenness: orderBy === 'BETWEENNESS', pagerank: orderBy === 'PAGERANK', closeness: orderBy === 'CLOSENESS' };
      const variables = { asOf: filters.asOf, ...filterVariables(filters), orderBy, limit: METRICS_LIMIT, ...only, sampled: only.betweenness || only.closeness, community: withCommunity };
      return (await api.request<{ metrics: ApiMetrics }>(METRICS, variables)).metrics;
    },
    communities: async (filters) => (await api.request<{ communities: ApiCommunities }>(COMMUNITIES, { asOf: filters.asOf, ...filterVariables(filters) })).communities,
    changes: async (from, to, filters) =>
      (await api.request<{ changesBetween: ApiChanges }>(CHANGES, { from, to, ...filterVariables(filters), limit: CHANGES_LIMIT })).changesBetween,
    timeline: async (filters) => (await api.request<{ timeline: ApiTimeline }>(TIMELINE, filterVariables(filters))).timeline,
    brokers: async (from, to, filters) =>
      (await api.request<{ brokers: ApiBrokers }>(BROKERS, { from, to, asOf: filters.asOf, ...filterVariables(filters), limit: BROKERS_LIMIT })).brokers,
  };
}
