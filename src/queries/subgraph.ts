import type { EntityRecord, RelationshipRecord } from '../model';

export interface Subgraph {
  readonly nodes: readonly EntityRecord[];
  readonly edges: readonly RelationshipRecord[];
  /** True when a limit or budget cut the result short. */
  readonly truncated: boolean;
}
