import type { RelationType } from '../src/model/relation-rules';
import type { Api } from './api';
import type { ApiEntity, ApiSubgraph } from './types';

/** How many relationships each further Expand of a capped entity draws. */
export const EXPANSION_PAGE = 100;

export interface ExpansionBatch {
  readonly subgraph: ApiSubgraph;
  /** Relationships at the entity (under the same types and date) not drawn by this batch or the ones before it. */
  readonly more: number;
}

type Source = Pick<Api, 'neighborhood' | 'relationshipPage'>;

/**
 * Expand in batches. The first Expand of an entity asks for its neighbourhood, which the API caps per entity (the first
 * relationships in id order) and reports what the cap left out. While some are left, the next Expand of the same entity
 * with the same types and date continues after the last relationship drawn, a page at a time, instead of asking for the
 * same first ones again. A new drawing (focus, reset) starts over.
 */
export class ExpansionPages {
  private readonly cursors = new Map<string, { readonly after: string; readonly more: number }>();

  constructor(
    private readonly source: Source,
    private readonly limit: number,
  ) {}

  async next(id: string, types: readonly RelationType[], asOf: string | null): Promise<ExpansionBatch> {
    const key = JSON.stringify([id, [...types].sort(), asOf]);
    const cursor = this.cursors.get(key);
    const batch = cursor ? await this.page(id, types, asOf, cursor) : await this.first(id, types, asOf);
    this.cursors.delete(key);
    if (batch.more > 0 && batch.after !== null) this.cursors.set(key, { after: batch.after, more: batch.more });
    return batch;
  }

  clear(): void {
    this.cursors.clear();
  }

  /**
   * Starts over from a new drawing of an entity's neighbourhood (an ego network, all types): the next Expand of the
   * entity continues after it. Returns how many of its relationships the neighbourhood left out.
   */
  restart(id: string, asOf: string | null, subgraph: ApiSubgraph): number {
    this.clear();
    const { more, after } = fromNeighborhood(id, subgraph);
    if (more > 0 && after !== null) this.cursors.set(JSON.stringify([id, [], asOf]), { after, more });
    return more;
  }

  private async first(id: string, types: readonly RelationType[], asOf: string | null): Promise<ExpansionBatch & { after: string | null }> {
    const subgraph = await this.source.neighborhood(id, { depth: 1, types, asOf, limit: this.limit });
    return { subgraph, ...fromNeighborhood(id, subgraph) };
  }

  private async page(id: string, types: readonly RelationType[], asOf: string | null, cursor: { after: string; more: number }): Promise<ExpansionBatch & { after: string | null }> {
    const page = await this.source.relationshipPage(id, { after: cursor.after, first: EXPANSION_PAGE, types, asOf });
    if (!page) return { subgraph: { nodes: [], edges: [], truncated: false }, more: 0, after: null };
    const nodes = new Map<string, ApiEntity>();
    for (const relationship of page.relationships) {
      nodes.set(relationship.source.id, relationship.source);
      nodes.set(relationship.target.id, relationship.target);
    }
    const full = page.relationships.length === EXPANSION_PAGE;
    return {
      subgraph: { nodes: [...nodes.values()], edges: page.relationships, truncated: false },
      more: full ? Math.max(0, cursor.more - page.relationships.length) : 0,
      after: lastId(page.relationships),
    };
  }
}

/** What a neighbourhood left out at its root, and where the root's relationships in it end (the API keeps the first in id order). */
function fromNeighborhood(id: string, subgraph: ApiSubgraph): { more: number; after: string | null } {
  const more = (subgraph.more ?? []).filter((omitted) => omitted.entity === id).reduce((sum, omitted) => sum + omitted.count, 0);
  return { more, after: lastId(subgraph.edges.filter((edge) => edge.source.id === id || edge.target.id === id)) };
}

/** The greatest id (ids compare as strings, the API's order), or null for none. */
function lastId(relationships: readonly { readonly id: string }[]): string | null {
  let last: string | null = null;
  for (const { id } of relationships) if (last === null || id > last) last = id;
  return last;
}
