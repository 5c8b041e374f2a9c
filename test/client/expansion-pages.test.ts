import type { Api } from '../../client/api';
import { EXPANSION_PAGE, ExpansionPages } from '../../client/expansion-pages';
import type { ApiEntity, ApiRelationship } from '../../client/types';
import { entity, relationship } from './fixtures';

/**
 * A hub with 250 BACKS and 30 OPPOSED relationships, served the way the API serves them: a neighbourhood keeps the
 * first `cap` relationships at each entity in id order and counts the rest in `more`; a relationship page continues in
 * id order after a given id.
 */
function hubSource(cap = 100): { source: Pick<Api, 'neighborhood' | 'relationshipPage'>; calls: string[] } {
  const hub = entity('hub', 'STATE', 'Hub');
  const groups: ApiEntity[] = Array.from({ length: 280 }, (_, i) => entity(`group-${String(i).padStart(3, '0')}`, 'ORGANIZATION', `Group ${i}`));
  const edges: ApiRelationship[] = groups.map((group, i) => relationship(`hub-${i < 250 ? 'backs' : 'opposes'}-${group.id}`, i < 250 ? 'BACKS' : 'OPPOSED', 'hub', group.id));
  const byId = new Map([hub, ...groups].map((node) => [node.id, node]));
  const at = (types: readonly string[] | null | undefined) =>
    edges.filter((edge) => !types || types.length === 0 || types.includes(edge.type)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const calls: string[] = [];
  return {
    calls,
    source: {
      neighborhood: async (id, options) => {
        calls.push(`neighborhood:${id}`);
        const all = at(options.types);
        const kept = all.slice(0, cap);
        const omitted = new Map<string, number>();
        for (const edge of all.slice(cap)) omitted.set(edge.type, (omitted.get(edge.type) ?? 0) + 1);
        return {
          nodes: [hub, ...kept.map((edge) => byId.get(edge.target.id)!)],
          edges: kept,
          truncated: omitted.size > 0,
          more: [...omitted].map(([type, count]) => ({ entity: id, type: type as ApiRelationship['type'], count })),
        };
      },
      relationshipPage: async (id, options) => {
        calls.push(`page:${id}:${options.after}`);
        const all = at(options.types);
        const page = all.filter((edge) => options.after === null || edge.id > options.after).slice(0, options.first);
        return { degree: all.length, relationships: page.map((edge) => ({ ...edge, source: hub, target: byId.get(edge.target.id)! })) };
      },
    },
  };
}

describe('expanding an entity with more relationships than a neighbourhood returns', () => {
  it('draws the first batch, then continues after the last one drawn until none is left', async () => {
    const { source, calls } = hubSource();
    const pages = new ExpansionPages(source, 400);
    const seen = new Set<string>();
    const lefts: number[] = [];
    for (let round = 0; round < 3; round++) {
      const { subgraph, more } = await pages.next('hub', [], null);
      for (const edge of subgraph.edges) {
        expect(seen.has(edge.id)).toBe(false);
        seen.add(edge.id);
      }
      expect(subgraph.nodes.map((node) => node.id)).toContain('hub');
      lefts.push(more);
    }
    expect(seen.size).toBe(280);
    expect(lefts).toEqual([180, 80, 0]);
    // Nothing was left after the third batch: the fourth starts over with the neighbourhood.
    expect((await pages.next('hub', [], null)).more).toBe(180);
    expect(calls).toEqual(['neighborhood:hub', 'page:hub:hub-backs-group-099', 'page:hub:hub-backs-group-199', 'neighborhood:hub']);
    expect(EXPANSION_PAGE).toBe(100);
  });

  it('keeps one place per entity, types and date, and starts over once cleared', async () => {
    const { source, calls } = hubSource();
    const pages = new ExpansionPages(source, 400);
    expect((await pages.next('hub', ['BACKS'], '2020')).more).toBe(150);
    expect((await pages.next('hub', ['OPPOSED'], '2020')).more).toBe(0);
    expect((await pages.next('hub', ['BACKS'], '2021')).more).toBe(150);
    const second = await pages.next('hub', ['BACKS'], '2020');
    expect(second.subgraph.edges.map((edge) => edge.type)).toEqual(Array(100).fill('BACKS'));
    expect(second.more).toBe(50);
    pages.clear();
    await pages.next('hub', ['BACKS'], '2020');
    expect(calls.at(-1)).toBe('neighborhood:hub');
  });

  it('needs no second batch when the neighbourhood returned everything', async () => {
    const { source, calls } = hubSource(1000);
    const pages = new ExpansionPages(source, 400);
    expect((await pages.next('hub', [], null)).more).toBe(0);
    await pages.next('hub', [], null);
    expect(calls).toEqual(['neighborhood:hub', 'neighborhood:hub']);
  });
});
