import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { EdgeData, NodeData } from './mapping';
import type { ApiEntity, ApiRelationship } from './types';

export type Selection =
  | { readonly kind: 'node'; readonly entity: ApiEntity }
  | { readonly kind: 'edge'; readonly relationship: ApiRelationship; readonly source: ApiEntity | null; readonly target: ApiEntity | null };

/** The drawn entity or relationship with this id, with its data; null when it is not drawn. */
export function selectionOf(cy: Core, id: string | null): Selection | null {
  const element = id ? cy.getElementById(id) : null;
  if (!element || element.empty()) return null;
  if (element.isNode()) return { kind: 'node', entity: (element.data() as NodeData).entity };
  const edge = element as unknown as EdgeSingular;
  const data = edge.data() as EdgeData;
  const entityOf = (node: NodeSingular) => (node.empty() ? null : (node.data() as NodeData).entity);
  return { kind: 'edge', relationship: data.relationship, source: entityOf(edge.source()), target: entityOf(edge.target()) };
}

/** The list with the item in it or not. */
export function toggled<T>(list: readonly T[], item: T, present: boolean): T[] {
  const set = new Set(list);
  if (present) set.add(item);
  else set.delete(item);
  return [...set];
}
