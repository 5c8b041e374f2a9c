import { MEASURES } from '../src/model/analysis';
import type { AnalysisSettings } from './analysis-overlay';

/** The analysis panel's settings in a link: `measure` (when not PageRank), `size=1`, `communities=1`. */

export const DEFAULT_ANALYSIS: AnalysisSettings = { measure: 'PAGERANK', sizeNodes: false, byCommunity: false };

export function encodeAnalysisSettings(settings: AnalysisSettings): string {
  const params = new URLSearchParams();
  if (settings.measure !== DEFAULT_ANALYSIS.measure) params.set('measure', settings.measure);
  if (settings.sizeNodes) params.set('size', '1');
  if (settings.byCommunity) params.set('communities', '1');
  return params.toString();
}

/** Reads the settings from a query string; anything unknown falls back to the default. */
export function decodeAnalysisSettings(search: string): AnalysisSettings {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const measure = params.get('measure');
  return {
    measure: (MEASURES as readonly string[]).includes(measure ?? '') ? (measure as AnalysisSettings['measure']) : DEFAULT_ANALYSIS.measure,
    sizeNodes: params.get('size') === '1',
    byCommunity: params.get('communities') === '1',
  };
}
