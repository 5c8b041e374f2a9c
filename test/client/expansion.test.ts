import { describeExpansion, describeTruncation, type Expansion } from '../../client/expansion';

describe('what Expand says', () => {
  const base: Expansion = { name: 'Militia', neighbours: 3, added: 0, shownAgain: 0, filteredOut: 0, more: 0, types: [], asOf: null };

  it('says when there is nothing new to add, and why', () => {
    expect(describeExpansion(base)).toBe('Nothing new to add: all 3 of its neighbours are already drawn.');
    expect(describeExpansion({ ...base, neighbours: 1 })).toBe('Nothing new to add: its one neighbour is already drawn.');
    expect(describeExpansion({ ...base, neighbours: 0, types: ['LEADS'], asOf: '2015' })).toBe('Nothing new to add: Militia has no neighbours through leads as of 2015.');
    expect(describeExpansion({ ...base, filteredOut: 2 })).toBe(
      'Nothing new to add: all 3 of its neighbours are already drawn (2 neighbours are of a kind filtered out: tick the kind under Legend and filters to see them).',
    );
  });

  it('says what it added and what it showed again', () => {
    expect(describeExpansion({ ...base, added: 1 })).toBe('Added 1 entity around Militia.');
    expect(describeExpansion({ ...base, added: 2, shownAgain: 1, types: ['BACKS'], asOf: '2020-01' })).toBe('Added 2 entities and showed 1 hidden entity again around Militia through backs as of 2020-01.');
    expect(describeExpansion({ ...base, shownAgain: 2 })).toBe('Showed 2 hidden entities again around Militia.');
  });

  it('says how many relationships are left to draw, and that Expand draws the next batch', () => {
    expect(describeExpansion({ ...base, added: 100, neighbours: 100, more: 1134 })).toBe('Added 100 entities around Militia. 1,134 more relationships not drawn yet: Expand again for the next 100.');
    expect(describeExpansion({ ...base, neighbours: 100, more: 1 })).toBe('Nothing new to add: all 100 of its neighbours are already drawn. 1 more relationship not drawn yet: Expand again for the next 1.');
  });

  it('says what an ego network left out: entities past the limit, and relationships of its centre', () => {
    const nodes = (n: number) => ({ nodes: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, kind: 'ORGANIZATION' as const, name: `E${i}`, aliases: [], description: null, start: null, end: null })) });
    expect(describeTruncation(nodes(400), 0, 400)).toBe('Only the nearest 400 entities are shown.');
    expect(describeTruncation(nodes(101), 150, 400)).toBe('150 more relationships of this entity not drawn yet: Expand draws the next 100.');
    expect(describeTruncation(nodes(400), 1, 400)).toBe('Only the nearest 400 entities are shown. 1 more relationship of this entity not drawn yet: Expand draws the next 1.');
    expect(describeTruncation(nodes(120), 0, 400)).toBe('Some entities have more relationships than are drawn: Expand one to draw the next ones.');
  });
});
