import type { Core, NodeSingular } from 'cytoscape';
import { ENTITY_KINDS } from '../src/model/kinds';
import { RELATION_TYPES } from '../src/model/relation-rules';
import type { AnalysisApi, AnalysisFilters, ApiCommunities, ApiEntityMetrics, ApiMetrics } from './analysis-api';
import { communityColor, sizesFor, type SizeMeasure } from './analysis-style';
import { DEFAULT_ANALYSIS } from './analysis-url';
import type { ViewState } from './url-state';

/**
 * Node sizes by a measure and colours by community, on whatever the graph view draws: reads the measures of the
 * network under the view's date and filters from the API (once per date and filters) and writes them into node data
 * and classes, which analysis-style.ts turns into looks. Talks to Cytoscape and the API, never to the DOM.
 */

export interface AnalysisSettings {
  /** The measure the ranking (and the sizes) use. */
  readonly measure: SizeMeasure;
  readonly sizeNodes: boolean;
  readonly byCommunity: boolean;
}

export interface AnalysisResult {
  readonly filters: AnalysisFilters;
  readonly metrics: ApiMetrics;
  readonly communities: ApiCommunities | null;
}

const VALUE: Record<SizeMeasure, (item: ApiEntityMetrics) => number | undefined> = {
  DEGREE: (item) => item.degree,
  BETWEENNESS: (item) => item.betweenness,
  PAGERANK: (item) => item.pagerank,
  CLOSENESS: (item) => item.closeness,
};

/** The row's value of a measure (0 when the row was fetched for another measure). */
export function measureValue(measure: SizeMeasure, item: ApiEntityMetrics): number {
  return VALUE[measure](item) ?? 0;
}

/** The analysis filters of a view: its date, and the kinds and types the legend has not hidden (null: all). */
export function analysisFilters(state: Pick<ViewState, 'asOf' | 'hiddenKinds' | 'hiddenTypes'>): AnalysisFilters {
  const kinds = ENTITY_KINDS.filter((kind) => !state.hiddenKinds.includes(kind));
  const types = RELATION_TYPES.filter((type) => !state.hiddenTypes.includes(type));
  return { asOf: state.asOf, kinds: state.hiddenKinds.length > 0 ? kinds : null, types: state.hiddenTypes.length > 0 ? types : null };
}

const keyOf = (filters: AnalysisFilters, settings: AnalysisSettings) => JSON.stringify([filters, settings.measure, settings.byCommunity]);

export class AnalysisOverlay {
  private current: AnalysisResult | null = null;
  private currentKey = '';
  private request = 0;

  constructor(
    private readonly cy: Core,
    private readonly api: AnalysisApi,
    public settings: AnalysisSettings = DEFAULT_ANALYSIS,
  ) {}

  get result(): AnalysisResult | null {
    return this.current;
  }

  /** The data changed (an edit): the next refresh fetches again, whatever the filters. */
  invalidate(): void {
    this.currentKey = '';
  }

  /** Fetches what the settings need for these filters (unless already there) and applies it; null when a newer call overtook it. */
  async refresh(filters: AnalysisFilters): Promise<AnalysisResult | null> {
    const key = keyOf(filters, this.settings);
    if (key !== this.currentKey || !this.current) {
      const request = ++this.request;
      const settings = this.settings;
      const [metrics, communities] = await Promise.all([this.api.metrics(filters, settings.measure, settings.byCommunity), settings.byCommunity ? this.api.communities(filters) : Promise.resolve(null)]);
      if (request !== this.request) return null;
      this.current = { filters, metrics, communities };
      this.currentKey = key;
    }
    this.apply();
    return this.current;
  }

  /** Writes sizes and community colours into the drawn nodes (nodes outside the analysed network get neither). */
  apply(): void {
    const items = this.current?.metrics.items ?? [];
    const byId = new Map(items.map((item) => [item.entity.id, item]));
    const sizes = sizesFor(new Map(items.map((item) => [item.entity.id, measureValue(this.settings.measure, item)])));
    this.cy.batch(() => {
      this.cy.nodes().forEach((node: NodeSingular) => {
        const item = byId.get(node.id());
        const size = this.settings.sizeNodes && item ? sizes.get(node.id()) : undefined;
        if (size !== undefined) node.data('analysisSize', size);
        node.toggleClass('sized', size !== undefined);
        const colour = this.settings.byCommunity && item?.community !== undefined ? communityColor(item.community) : undefined;
        if (colour !== undefined) node.data('communityColor', colour);
        node.toggleClass('by-community', colour !== undefined);
      });
    });
  }
}
