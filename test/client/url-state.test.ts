import { DEFAULT_VIEW, decodeViewState, encodeViewState, type ViewState } from '../../client/url-state';

describe('client URL state', () => {
  it('encodes the default view as an empty query', () => {
    expect(encodeViewState(DEFAULT_VIEW)).toBe('');
    expect(decodeViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips a full view', () => {
    const state: ViewState = {
      selected: 'kataib-hezbollah',
      asOf: '2020-01-03',
      hiddenKinds: ['LOCATION', 'EVENT'],
      hiddenTypes: ['PART_OF'],
      hiddenNodes: ['iraq', 'syria'],
      focus: { id: 'iran', depth: 2 },
      path: { from: 'iran', to: 'jordan-drone-attack-2024', k: 5, types: ['BACKS', 'PERPETRATED'], directed: true, avoid: ['iraq'], chronological: true },
    };
    const query = encodeViewState(state);
    expect(query).toContain('from=iran');
    expect(query).toContain('hideKinds=LOCATION,EVENT');
    expect(decodeViewState(query)).toEqual(state);
    expect(decodeViewState(`?${query}`)).toEqual(state);
  });

  it('leaves path defaults out of the query', () => {
    const query = encodeViewState({ ...DEFAULT_VIEW, path: { from: 'a', to: 'b', k: 3, types: [], directed: false, avoid: [], chronological: false } });
    expect(query).toBe('from=a&to=b');
    expect(decodeViewState(query).path).toEqual({ from: 'a', to: 'b', k: 3, types: [], directed: false, avoid: [], chronological: false });
  });

  it('drops what is malformed instead of trusting it', () => {
    const state = decodeViewState('sel=%3Cimg%20src%3Dx%3E&asOf=yesterday&hideKinds=PERSON,NOPE&hideTypes=BACKS,LIKES&hide=ok,Not%20Ok&focus=iran&depth=99&from=iran&k=1000');
    expect(state.selected).toBeNull();
    expect(state.asOf).toBeNull();
    expect(state.hiddenKinds).toEqual(['PERSON']);
    expect(state.hiddenTypes).toEqual(['BACKS']);
    expect(state.hiddenNodes).toEqual(['ok']);
    expect(state.focus).toEqual({ id: 'iran', depth: 1 });
    expect(state.path).toBeNull();
  });

  it('accepts partial dates', () => {
    expect(decodeViewState('asOf=2024').asOf).toBe('2024');
    expect(decodeViewState('asOf=2024-01').asOf).toBe('2024-01');
  });
});
