import type { EntityKind } from './kinds';
import type { RelationType } from './relation-rules';

/** A name an entity is also known by; `lang` is a BCP 47 tag (ar, fa, en) when known. */
export interface Alias {
  readonly name: string;
  readonly lang?: string;
}

export type AttributeValue = string | number | boolean;

export interface EntityRecord {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly Alias[];
  readonly description?: string;
  /** Partial ISO date: founded, born, or when the event happened. */
  readonly start?: string;
  /** Partial ISO date: dissolved, died, or when the event ended. */
  readonly end?: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

/** Whether a piece of evidence supports the relationship or contradicts it (for disputed claims). */
export const EVIDENCE_STANCES = ['SUPPORTS', 'CONTRADICTS'] as const;
export type EvidenceStance = (typeof EVIDENCE_STANCES)[number];

export interface EvidenceRecord {
  /** Id of a SourceRecord. */
  readonly source: string;
  /** Where in the source: a paragraph (¶5), page or section. */
  readonly locator?: string;
  /** What this evidence supports, in our own words. */
  readonly note?: string;
  readonly stance?: EvidenceStance;
}

export interface RelationshipRecord {
  readonly id: string;
  readonly type: RelationType;
  readonly source: string;
  readonly target: string;
  readonly start?: string;
  readonly end?: string;
  /** 0..1: how sure we are the relationship holds as stated. */
  readonly confidence?: number;
  /** True when the claim contradicts well-established fact; the evidence says why. */
  readonly disputed?: boolean;
  /** Numeric weight for weighted path queries (imported graphs); 1 when absent. */
  readonly weight?: number;
  readonly evidence: readonly EvidenceRecord[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

export interface SourceRecord {
  readonly id: string;
  readonly title: string;
  readonly published?: string;
  readonly publisher?: string;
  readonly url?: string;
}

/** A whole dataset, as read from files or from the store. */
export interface Dataset {
  readonly sources: readonly SourceRecord[];
  readonly entities: readonly EntityRecord[];
  readonly relationships: readonly RelationshipRecord[];
}
