import type { StylesheetJson } from 'cytoscape';
import type { Measure } from '../src/model/analysis';

/**
 * The look of the analysis overlays as data: node sizes by a measure, colours by community, and the compare mode's
 * marks. Appended after style.ts's stylesheet (main.ts), so these rules win where both set a property.
 */

export type SizeMeasure = Measure;

export const MEASURE_LABELS: Readonly<Record<SizeMeasure, string>> = {
  DEGREE: 'Degree',
  BETWEENNESS: 'Betweenness',
  PAGERANK: 'PageRank',
  CLOSENESS: 'Closeness',
};

/** Node diameters when sized by a measure, in model pixels: the smallest value gets MIN, the largest MAX. */
export const SIZE_RANGE = { min: 14, max: 72 } as const;

/** Colours of the largest communities (Tableau 10 and a few more); smaller ones share the last, grey. */
export const COMMUNITY_PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#17becf', '#bcbd22', '#8c564b'] as const;
export const OTHER_COMMUNITY_COLOR = '#bab0ac';

export const COMPARE_MARKS = {
  began: { label: 'began / appeared', color: '#1a9850', description: 'In the network at the later date, not at the earlier one.' },
  ended: { label: 'ended / disappeared', color: '#d73027', description: 'In the network at the earlier date, not at the later one (dashed when only the other date has it).' },
} as const;

export function communityColor(community: number): string {
  return COMMUNITY_PALETTE[community] ?? OTHER_COMMUNITY_COLOR;
}

/**
 * Node diameters for a measure: area grows with the value (diameter ∝ √value), scaled so the largest value gets
 * SIZE_RANGE.max. All zero (or no values): every node gets the minimum.
 */
export function sizesFor(values: ReadonlyMap<string, number>): Map<string, number> {
  let max = 0;
  for (const value of values.values()) max = Math.max(max, value);
  const sizes = new Map<string, number>();
  for (const [id, value] of values) {
    const share = max > 0 ? Math.sqrt(Math.max(0, value) / max) : 0;
    sizes.set(id, Math.round((SIZE_RANGE.min + share * (SIZE_RANGE.max - SIZE_RANGE.min)) * 10) / 10);
  }
  return sizes;
}

export function analysisStylesheet(): StylesheetJson {
  const { began, ended } = COMPARE_MARKS;
  const halo = (color: string) => ({ 'underlay-color': color, 'underlay-opacity': 0.45, 'underlay-padding': 7, 'underlay-shape': 'ellipse' });
  return [
    { selector: 'node.sized', style: { width: 'data(analysisSize)', height: 'data(analysisSize)' } },
    { selector: 'node.by-community', style: { 'background-color': 'data(communityColor)' } },
    { selector: '.compare-same', style: { opacity: 0.35, 'text-opacity': 0.5 } },
    { selector: 'node.compare-began', style: { ...halo(began.color), 'z-index': 25 } },
    { selector: 'node.compare-ended', style: { ...halo(ended.color), 'z-index': 25 } },
    { selector: 'edge.compare-began', style: { 'line-color': began.color, 'target-arrow-color': began.color, 'mid-target-arrow-color': began.color, width: 3.5, opacity: 1, 'z-index': 25 } },
    { selector: 'edge.compare-ended', style: { 'line-color': ended.color, 'target-arrow-color': ended.color, 'mid-target-arrow-color': ended.color, width: 3.5, opacity: 1, 'z-index': 25 } },
    // Elements only the other date has are drawn as ghosts: dashed and see-through.
    { selector: 'node.compare-ghost', style: { opacity: 0.6, 'border-style': 'dashed', 'border-width': 2, 'border-color': '#555555' } },
    { selector: 'edge.compare-ghost', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 4], opacity: 0.85 } },
  ] as StylesheetJson;
}
