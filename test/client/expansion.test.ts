import { describeExpansion, type Expansion } from '../../client/expansion';

describe('what Expand says', () => {
  const base: Expansion = { name: 'Militia', neighbours: 3, added: 0, shownAgain: 0, filteredOut: 0, types: [], asOf: null };

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
});
