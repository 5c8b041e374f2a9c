import { decodeAnalysisSettings, DEFAULT_ANALYSIS, encodeAnalysisSettings } from '../../client/analysis-url';

describe('the analysis settings in a link', () => {
  it('leaves the defaults out and reads back what it wrote', () => {
    expect(encodeAnalysisSettings(DEFAULT_ANALYSIS)).toBe('');
    const settings = { measure: 'BETWEENNESS', sizeNodes: true, byCommunity: true } as const;
    expect(encodeAnalysisSettings(settings)).toBe('measure=BETWEENNESS&size=1&communities=1');
    expect(decodeAnalysisSettings(`?${encodeAnalysisSettings(settings)}`)).toEqual(settings);
    expect(decodeAnalysisSettings('sel=iraq&measure=CLOSENESS')).toEqual({ ...DEFAULT_ANALYSIS, measure: 'CLOSENESS' });
  });

  it('drops what it does not know', () => {
    expect(decodeAnalysisSettings('?measure=__proto__&size=yes&communities=true')).toEqual(DEFAULT_ANALYSIS);
    expect(decodeAnalysisSettings('')).toEqual(DEFAULT_ANALYSIS);
  });
});
