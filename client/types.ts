import type { EntityKind, EvidenceStance, RelationType, Temporality } from '../src/model';

/** The shapes the client reads from the GraphQL API (see schema/schema.graphql). */

export interface ApiAlias {
  readonly name: string;
  readonly lang: string | null;
}

export interface ApiAttribute {
  readonly key: string;
  /** The value as JSON text. */
  readonly value: string;
}

export interface ApiSource {
  readonly id: string;
  readonly title: string;
  readonly published: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
}

export interface ApiEvidence {
  readonly source: ApiSource;
  readonly locator: string | null;
  readonly note: string | null;
  readonly stance: EvidenceStance;
}

export interface ApiEntity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly aliasDetails?: readonly ApiAlias[];
  readonly description: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly attributes?: readonly ApiAttribute[];
}

export interface ApiEntityRef {
  readonly id: string;
  readonly name?: string;
  readonly kind?: EntityKind;
}

export interface ApiRelationship {
  readonly id: string;
  readonly type: RelationType;
  readonly temporality: Temporality;
  readonly source: ApiEntityRef;
  readonly target: ApiEntityRef;
  readonly start: string | null;
  readonly end: string | null;
  readonly confidence: number | null;
  readonly disputed: boolean;
  readonly weight: number | null;
  readonly evidence: readonly ApiEvidence[];
  readonly attributes?: readonly ApiAttribute[];
}

/** Relationships of one type at an entity that a capped neighbourhood left out. */
export interface ApiOmitted {
  readonly entity: string;
  readonly type: RelationType;
  readonly count: number;
}

export interface ApiSubgraph {
  readonly nodes: readonly ApiEntity[];
  readonly edges: readonly ApiRelationship[];
  readonly truncated: boolean;
  /** What the neighbourhood query's per-entity cap left out (only the neighbourhood query asks). */
  readonly more?: readonly ApiOmitted[];
}

export interface ApiEntityDetail extends ApiEntity {
  /** The first page of its relationships (in id order). */
  readonly relationships: readonly ApiRelationship[];
  /** How many relationships it has in all, as of the date asked for. */
  readonly degree?: number;
}

/** A page of an entity's relationships with both ends whole, and how many it has under the same filters. */
export interface ApiRelationshipPage {
  readonly degree: number;
  readonly relationships: readonly (ApiRelationship & { readonly source: ApiEntity; readonly target: ApiEntity })[];
}

export interface ApiStats {
  readonly entities: number;
  readonly relationships: number;
  readonly earliest: string | null;
  readonly latest: string | null;
  readonly byKind: readonly { readonly kind: EntityKind; readonly count: number }[];
  readonly byType: readonly { readonly type: RelationType; readonly count: number }[];
}

export interface ApiRelationRule {
  readonly type: RelationType;
  readonly definition: string;
  readonly reading: string;
  readonly symmetric: boolean;
  readonly temporality: Temporality;
  readonly sourceKinds: readonly EntityKind[];
  readonly targetKinds: readonly EntityKind[];
}

export interface ApiHop {
  readonly relationship: ApiRelationship;
  readonly from: ApiEntityRef;
  readonly to: ApiEntityRef;
  /** True when the hop follows the relationship from its source to its target. */
  readonly forward: boolean;
  /** The other relationships between the same two entities that could stand in for this hop, best first. */
  readonly alternatives: readonly ApiRelationship[];
}

export interface ApiPath {
  readonly length: number;
  readonly cost: number;
  readonly nodes: readonly ApiEntity[];
  readonly hops: readonly ApiHop[];
}

export type PathCost = 'HOPS' | 'CONFIDENCE' | 'WEIGHT';

/** The options of a path search, as the `paths` query takes them. */
export interface PathQuery {
  readonly from: string;
  readonly to: string;
  readonly k: number;
  readonly types: readonly RelationType[];
  readonly directed: boolean;
  readonly avoid: readonly string[];
  readonly chronological: boolean;
  readonly asOf?: string | null;
}
