import type { ApiEntity, ApiPath, ApiRelationship, ApiStats, ApiSubgraph } from '../../client/types';
import type { DataSource } from '../../client/controller';
import type { RelationType } from '../../src/model';

/** A small network in the API's shapes, and a fake data source over it, for the client's unit tests. */

export function entity(id: string, kind: ApiEntity['kind'], name: string, extra: Partial<ApiEntity> = {}): ApiEntity {
  return { id, kind, name, aliases: [], aliasDetails: [], description: null, start: null, end: null, attributes: [], ...extra };
}

export function relationship(id: string, type: RelationType, source: string, target: string, extra: Partial<ApiRelationship> = {}): ApiRelationship {
  return {
    id,
    type,
    temporality: ['PERPETRATED', 'TARGETED', 'ATTACKED', 'KILLED', 'KIDNAPPED', 'THREATENED'].includes(type) ? 'EVENT' : 'SPAN',
    source: { id: source },
    target: { id: target },
    start: null,
    end: null,
    confidence: 0.9,
    disputed: false,
    weight: null,
    attributes: [],
    evidence: [{ source: { id: 'report-1', title: 'A report', published: '2024-01-29', publisher: 'Wire', url: null }, locator: '¶3', note: 'Says so.', stance: 'SUPPORTS' }],
    ...extra,
  };
}

export const ENTITIES: ApiEntity[] = [
  entity('patron', 'STATE', 'Patron State'),
  entity('militia', 'ORGANIZATION', 'Militia', { aliases: ['The Militia'], aliasDetails: [{ name: 'The Militia', lang: null }, { name: 'الميليشيا', lang: 'ar' }] }),
  entity('commander', 'PERSON', 'Commander'),
  entity('base', 'LOCATION', 'Base'),
  entity('attack', 'EVENT', 'Attack on the base', { start: '2024-01-28' }),
];

export const RELATIONSHIPS: ApiRelationship[] = [
  relationship('patron-backs-militia', 'BACKS', 'patron', 'militia', { start: '2003' }),
  relationship('commander-leads-militia', 'LEADS', 'commander', 'militia', { start: '2010', end: '2020' }),
  relationship('militia-perpetrated-attack', 'PERPETRATED', 'militia', 'attack', { start: '2024-01-28' }),
  relationship('attack-targeted-base', 'TARGETED', 'attack', 'base', { start: '2024-01-28' }),
  relationship('patron-allied-with-militia', 'ALLIED_WITH', 'patron', 'militia', { disputed: true, evidence: [] }),
];

/** A crude as-of rule for the fake: things dated after the day are not there yet; spans that ended are gone. */
function presentAsOf(start: string | null, end: string | null, asOf: string | null | undefined): boolean {
  if (!asOf) return true;
  if (start && start > asOf) return false;
  if (end && end < asOf) return false;
  return true;
}

export function subgraph(asOf?: string | null): ApiSubgraph {
  const nodes = ENTITIES.filter((node) => presentAsOf(node.start, node.end, asOf));
  const ids = new Set(nodes.map((node) => node.id));
  const edges = RELATIONSHIPS.filter((edge) => presentAsOf(edge.start, edge.end, asOf) && ids.has(edge.source.id) && ids.has(edge.target.id));
  return { nodes, edges, truncated: false };
}

export const PATH: ApiPath = {
  length: 2,
  cost: 2,
  nodes: [ENTITIES[0], ENTITIES[1], ENTITIES[4]],
  hops: [
    { relationship: RELATIONSHIPS[0], from: { id: 'patron' }, to: { id: 'militia' }, forward: true, alternatives: [] },
    { relationship: RELATIONSHIPS[2], from: { id: 'militia' }, to: { id: 'attack' }, forward: true, alternatives: [] },
  ],
};

export function stats(overrides: Partial<ApiStats> = {}): ApiStats {
  return { entities: ENTITIES.length, relationships: RELATIONSHIPS.length, earliest: '2003-01-01', latest: '2024-01-28', byKind: [], byType: [], ...overrides };
}

export interface FakeSource extends DataSource {
  readonly calls: string[];
}

export function fakeSource(statsValue: ApiStats = stats()): FakeSource {
  const calls: string[] = [];
  return {
    calls,
    stats: async () => {
      calls.push('stats');
      return statsValue;
    },
    network: async (asOf) => {
      calls.push(`network:${asOf ?? ''}`);
      return subgraph(asOf);
    },
    neighborhood: async (id, options) => {
      calls.push(`neighborhood:${id}:${options.depth ?? 1}`);
      const all = subgraph(options.asOf);
      const keep = new Set([id]);
      for (let level = 0; level < (options.depth ?? 1); level++) {
        const reached = new Set(keep);
        for (const edge of all.edges) {
          if (options.types && options.types.length > 0 && !options.types.includes(edge.type)) continue;
          if (reached.has(edge.source.id)) keep.add(edge.target.id);
          if (reached.has(edge.target.id)) keep.add(edge.source.id);
        }
      }
      return { nodes: all.nodes.filter((node) => keep.has(node.id)), edges: all.edges.filter((edge) => keep.has(edge.source.id) && keep.has(edge.target.id)), truncated: false };
    },
    relationshipPage: async (id, options) => {
      calls.push(`relationshipPage:${id}:${options.after ?? ''}`);
      const all = subgraph(options.asOf);
      const byId = new Map(all.nodes.map((node) => [node.id, node]));
      if (!byId.has(id)) return null;
      const at = all.edges
        .filter((edge) => (edge.source.id === id || edge.target.id === id) && (!options.types || options.types.length === 0 || options.types.includes(edge.type)))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      const page = at.filter((edge) => options.after === null || edge.id > options.after).slice(0, options.first);
      return { degree: at.length, relationships: page.map((edge) => ({ ...edge, source: byId.get(edge.source.id)!, target: byId.get(edge.target.id)! })) };
    },
    paths: async (query) => {
      calls.push(`paths:${query.from}:${query.to}:${query.asOf ?? ''}`);
      return query.from === 'patron' && query.to === 'attack' && presentAsOf('2024-01-28', null, query.asOf) ? [PATH] : [];
    },
  };
}
