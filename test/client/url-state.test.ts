import { DEFAULT_VIEW, MAX_MOVED, MAX_MOVED_CHARS, boundMoved, decodeViewState, encodeViewState, withMoved, type ViewState } from '../../client/url-state';

describe('client URL state', () => {
  it('encodes the default view as an empty query', () => {
    expect(encodeViewState(DEFAULT_VIEW)).toBe('');
    expect(decodeViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips a full view', () => {
    const state: ViewState = {
      selected: 'kataib-hezbollah',
      asOf: '2020-01-03',
      hideUndated: true,
      hiddenKinds: ['LOCATION', 'EVENT'],
      hiddenTypes: ['PART_OF'],
      hiddenNodes: ['iraq', 'syria'],
      focus: { id: 'iran', depth: 2 },
      path: { from: 'iran', to: 'jordan-drone-attack-2024', k: 5, types: ['BACKS', 'PERPETRATED'], directed: true, avoid: ['iraq'], chronological: true },
      moved: [
        { id: 'iran', x: -120, y: 45 },
        { id: 'kataib-hezbollah', x: 300, y: -20 },
      ],
    };
    const query = encodeViewState(state);
    expect(query).toContain('from=iran');
    expect(query).toContain('hideKinds=LOCATION,EVENT');
    expect(query).toContain('undated=hide');
    expect(query).toContain('pos=iran_-120_45,kataib-hezbollah_300_-20');
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

  it('accepts partial dates as given, and no date that is not in the calendar', () => {
    expect(decodeViewState('asOf=2024').asOf).toBe('2024');
    expect(decodeViewState('asOf=2024-01').asOf).toBe('2024-01');
    expect(encodeViewState({ ...DEFAULT_VIEW, asOf: '2015' })).toBe('asOf=2015');
    expect(decodeViewState('asOf=2015-13').asOf).toBeNull();
    expect(decodeViewState('asOf=2015-02-30').asOf).toBeNull();
  });

  it('keeps dragged positions compactly, rounded, newest last, and bounded', () => {
    let moved = withMoved([], { id: 'iran', x: 10.4, y: -3.6 });
    moved = withMoved(moved, { id: 'iraq', x: 1, y: 2 });
    moved = withMoved(moved, { id: 'iran', x: 20, y: 30 });
    expect(moved).toEqual([
      { id: 'iraq', x: 1, y: 2 },
      { id: 'iran', x: 20, y: 30 },
    ]);
    const many = Array.from({ length: 500 }, (_, i) => ({ id: `entity-with-a-long-name-${i}`, x: -123456 + i, y: 654321 - i }));
    const kept = boundMoved(many);
    expect(kept.length).toBeLessThanOrEqual(MAX_MOVED);
    expect(kept.at(-1)).toEqual(many.at(-1));
    const query = encodeViewState({ ...DEFAULT_VIEW, moved: many });
    expect(new URLSearchParams(query).get('pos')!.length).toBeLessThanOrEqual(MAX_MOVED_CHARS);
    expect(decodeViewState(query).moved).toEqual(kept);
  });

  it('drops malformed positions', () => {
    const state = decodeViewState('pos=iran_1_2,Bad_1_2,iraq_x_2,syria_1,__proto___1_2,lebanon_99999999_1,yemen_-5_6');
    expect(state.moved).toEqual([
      { id: 'iran', x: 1, y: 2 },
      { id: 'yemen', x: -5, y: 6 },
    ]);
  });
});
