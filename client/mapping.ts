import type { EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Alias, AttributeValue, Dataset, EntityRecord, EvidenceRecord, RelationshipRecord, SourceRecord } from '../src/model/records';
import { RELATION_RULES, type RelationType, type Temporality } from '../src/model/relation-rules';
import { visibleText } from '../src/model/text';
import { UNDATED_TEXT, typeLabel } from './style';
import type { ApiAttribute, ApiEntity, ApiRelationship, ApiSubgraph } from './types';

/** Pure functions from API records to Cytoscape elements and back to proxygraph's dataset records. */

const SYMMETRIC: ReadonlySet<RelationType> = new Set(RELATION_RULES.filter((rule) => rule.symmetric).map((rule) => rule.type));

export interface NodeData {
  readonly id: string;
  readonly label: string;
  readonly kind: ApiEntity['kind'];
  readonly entity: ApiEntity;
}

export interface EdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label: string;
  /** The label on hover: says when the relationship is undated (and so shown at every date). */
  readonly hoverLabel: string;
  readonly type: RelationType;
  readonly temporality: Temporality;
  readonly disputed: boolean;
  readonly symmetric: boolean;
  /** Neither a start nor an end date: the as-of rule shows it at every date. */
  readonly undated: boolean;
  readonly relationship: ApiRelationship;
}

export function isUndated(record: Pick<ApiRelationship, 'start' | 'end'>): boolean {
  return !record.start && !record.end;
}

/** "2014 – 2020", "since 2014", "until 2020", or the day of an event; "" when undated. */
export function formatDates(start: string | null | undefined, end: string | null | undefined, temporality: Temporality = 'SPAN'): string {
  if (temporality === 'EVENT') return start && end && end !== start ? `${start} – ${end}` : (start ?? end ?? '');
  if (start && end) return start === end ? start : `${start} – ${end}`;
  if (start) return `since ${start}`;
  if (end) return `until ${end}`;
  return '';
}

export function edgeLabel(relationship: Pick<ApiRelationship, 'type' | 'start' | 'end' | 'temporality' | 'disputed'>): string {
  const dates = formatDates(relationship.start, relationship.end, relationship.temporality);
  const label = dates ? `${typeLabel(relationship.type)} · ${dates}` : typeLabel(relationship.type);
  return relationship.disputed ? `${label} (disputed)` : label;
}

export function entityToNode(entity: ApiEntity): ElementDefinition {
  // Canvas labels are plain text: hidden characters (an RLO, a zero-width space) become visible markers.
  const data: NodeData = { id: entity.id, label: visibleText(entity.name), kind: entity.kind, entity };
  return { group: 'nodes', data };
}

export function relationshipToEdge(relationship: ApiRelationship): ElementDefinition {
  const label = edgeLabel(relationship);
  const undated = isUndated(relationship);
  const data: EdgeData = {
    id: relationship.id,
    source: relationship.source.id,
    target: relationship.target.id,
    label,
    hoverLabel: undated ? `${label} · ${UNDATED_TEXT}` : label,
    type: relationship.type,
    temporality: relationship.temporality,
    disputed: relationship.disputed,
    symmetric: SYMMETRIC.has(relationship.type),
    undated,
    relationship,
  };
  return { group: 'edges', data };
}

/** Nodes first, then the edges whose two ends are among them. */
export function subgraphToElements(subgraph: Pick<ApiSubgraph, 'nodes' | 'edges'>): ElementDefinition[] {
  const ids = new Set(subgraph.nodes.map((node) => node.id));
  return [
    ...subgraph.nodes.map(entityToNode),
    ...subgraph.edges.filter((edge) => ids.has(edge.source.id) && ids.has(edge.target.id)).map(relationshipToEdge),
  ];
}

function attributesRecord(attributes: readonly ApiAttribute[] | undefined): Record<string, AttributeValue> | undefined {
  if (!attributes || attributes.length === 0) return undefined;
  const record: Record<string, AttributeValue> = {};
  for (const { key, value } of attributes) {
    try {
      record[key] = JSON.parse(value) as AttributeValue;
    } catch {
      record[key] = value;
    }
  }
  return record;
}

/** Drops keys whose value is undefined, so exported records read like the YAML they came from. */
function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null)) as T;
}

export function toEntityRecord(entity: ApiEntity): EntityRecord {
  const aliases: Alias[] = entity.aliasDetails
    ? entity.aliasDetails.map((alias) => compact({ name: alias.name, lang: alias.lang ?? undefined }))
    : entity.aliases.map((name) => ({ name }));
  return compact({
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    aliases,
    description: entity.description ?? undefined,
    start: entity.start ?? undefined,
    end: entity.end ?? undefined,
    attributes: attributesRecord(entity.attributes),
  });
}

export function toRelationshipRecord(relationship: ApiRelationship): RelationshipRecord {
  const evidence: EvidenceRecord[] = relationship.evidence.map((item) =>
    compact({ source: item.source.id, locator: item.locator ?? undefined, note: item.note ?? undefined, stance: item.stance === 'SUPPORTS' ? undefined : item.stance }),
  );
  return compact({
    id: relationship.id,
    type: relationship.type,
    source: relationship.source.id,
    target: relationship.target.id,
    start: relationship.start ?? undefined,
    end: relationship.end ?? undefined,
    confidence: relationship.confidence ?? undefined,
    disputed: relationship.disputed ? true : undefined,
    weight: relationship.weight ?? undefined,
    evidence,
    attributes: attributesRecord(relationship.attributes),
  });
}

/** What is on screen (GraphController.visible) as a proxygraph dataset: sources, entities, relationships. */
export function visibleDataset(view: { visible(): { nodes: readonly NodeSingular[]; edges: readonly EdgeSingular[] } }): Dataset {
  const { nodes, edges } = view.visible();
  return toDataset(nodes.map((node) => (node.data() as NodeData).entity), edges.map((edge) => (edge.data() as EdgeData).relationship));
}

/** The displayed entities and relationships as a proxygraph dataset (the shape of graph/*.yaml), sources included. */
export function toDataset(entities: readonly ApiEntity[], relationships: readonly ApiRelationship[]): Dataset {
  const sources = new Map<string, SourceRecord>();
  for (const relationship of relationships) {
    for (const { source } of relationship.evidence) {
      if (!sources.has(source.id)) {
        sources.set(source.id, compact({ id: source.id, title: source.title, published: source.published ?? undefined, publisher: source.publisher ?? undefined, url: source.url ?? undefined }));
      }
    }
  }
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    sources: [...sources.values()].sort(byId),
    entities: entities.map(toEntityRecord).sort(byId),
    relationships: relationships.map(toRelationshipRecord).sort(byId),
  };
}
