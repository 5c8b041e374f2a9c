import { edgeLabel, formatDates, subgraphToElements, toDataset } from '../../client/mapping';
import { ENTITIES, RELATIONSHIPS, relationship } from './fixtures';

describe('client mapping', () => {
  it('maps entities to nodes and relationships to edges, nodes first', () => {
    const elements = subgraphToElements({ nodes: ENTITIES, edges: RELATIONSHIPS });
    expect(elements.filter((element) => element.group === 'nodes')).toHaveLength(ENTITIES.length);
    expect(elements.filter((element) => element.group === 'edges')).toHaveLength(RELATIONSHIPS.length);
    expect(elements.findIndex((element) => element.group === 'edges')).toBe(ENTITIES.length);
    const node = elements.find((element) => element.data.id === 'militia')!;
    expect(node.data).toMatchObject({ id: 'militia', label: 'Militia', kind: 'ORGANIZATION' });
    const edge = elements.find((element) => element.data.id === 'patron-backs-militia')!;
    expect(edge.data).toMatchObject({ source: 'patron', target: 'militia', type: 'BACKS', disputed: false, symmetric: false, temporality: 'SPAN' });
  });

  it('marks disputed and symmetric relationships', () => {
    const edge = subgraphToElements({ nodes: ENTITIES, edges: RELATIONSHIPS }).find((element) => element.data.id === 'patron-allied-with-militia')!;
    expect(edge.data).toMatchObject({ disputed: true, symmetric: true });
    expect(edge.data.label).toBe('allied with (disputed)');
  });

  it('marks undated relationships and says so on hover', () => {
    const elements = subgraphToElements({ nodes: ENTITIES, edges: RELATIONSHIPS });
    const undated = elements.find((element) => element.data.id === 'patron-allied-with-militia')!;
    expect(undated.data).toMatchObject({ undated: true, hoverLabel: 'allied with (disputed) · undated: always shown' });
    const dated = elements.find((element) => element.data.id === 'commander-leads-militia')!;
    expect(dated.data).toMatchObject({ undated: false, hoverLabel: 'leads · 2010 – 2020' });
    // Only a start (or only an end) is a date: the as-of rule can leave it out.
    expect(elements.find((element) => element.data.id === 'patron-backs-militia')!.data.undated).toBe(false);
  });

  it('drops edges whose ends are not among the nodes', () => {
    const elements = subgraphToElements({ nodes: ENTITIES.slice(0, 2), edges: RELATIONSHIPS });
    expect(elements.map((element) => element.data.id)).toEqual(['patron', 'militia', 'patron-backs-militia', 'patron-allied-with-militia']);
  });

  it('keeps user text as data, untouched', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const [node] = subgraphToElements({ nodes: [{ ...ENTITIES[0], name: hostile }], edges: [] });
    expect(node.data.label).toBe(hostile);
  });

  it('formats dates of spans and events', () => {
    expect(formatDates('2010', '2020')).toBe('2010 – 2020');
    expect(formatDates('2010', null)).toBe('since 2010');
    expect(formatDates(null, '2020')).toBe('until 2020');
    expect(formatDates(null, null)).toBe('');
    expect(formatDates('2024-01-28', null, 'EVENT')).toBe('2024-01-28');
    expect(edgeLabel(relationship('x', 'LEADS', 'a', 'b', { start: '2010', end: '2020' }))).toBe('leads · 2010 – 2020');
  });

  it('exports the displayed elements in the dataset record shape', () => {
    const dataset = toDataset([ENTITIES[1], ENTITIES[0]], [RELATIONSHIPS[0], RELATIONSHIPS[4]]);
    expect(dataset.entities.map((record) => record.id)).toEqual(['militia', 'patron']);
    expect(dataset.entities[0]).toEqual({ id: 'militia', kind: 'ORGANIZATION', name: 'Militia', aliases: [{ name: 'The Militia' }, { name: 'الميليشيا', lang: 'ar' }] });
    expect(dataset.relationships[0]).toEqual({
      id: 'patron-allied-with-militia',
      type: 'ALLIED_WITH',
      source: 'patron',
      target: 'militia',
      confidence: 0.9,
      disputed: true,
      evidence: [],
    });
    expect(dataset.relationships[1]).toEqual({
      id: 'patron-backs-militia',
      type: 'BACKS',
      source: 'patron',
      target: 'militia',
      start: '2003',
      confidence: 0.9,
      evidence: [{ source: 'report-1', locator: '¶3', note: 'Says so.' }],
    });
    expect(dataset.sources).toEqual([{ id: 'report-1', title: 'A report', published: '2024-01-29', publisher: 'Wire' }]);
  });

  it('parses attribute values back from their JSON text', () => {
    const [record] = toDataset([{ ...ENTITIES[0], attributes: [{ key: 'founded', value: '1979' }, { key: 'motto', value: '"x"' }, { key: 'active', value: 'true' }] }], []).entities;
    expect(record.attributes).toEqual({ founded: 1979, motto: 'x', active: true });
  });
});
