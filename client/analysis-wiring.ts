import type { Core } from 'cytoscape';
import { ApiError, type Api } from './api';
import { createAnalysisApi } from './analysis-api';
import { AnalysisOverlay, analysisFilters } from './analysis-overlay';
import { decodeAnalysisSettings, encodeAnalysisSettings } from './analysis-url';
import { CompareOverlay, GHOST } from './compare-overlay';
import type { GraphController } from './controller';
import type { ApiEntity } from './types';
import { analysisView } from './views/analysis-view';
import { brokersView } from './views/brokers-view';
import { compareView } from './views/compare-view';
import { byId } from './views/dom';
import { timelineView } from './views/timeline-view';

export interface AnalysisWiring {
  readonly cy: Core;
  readonly controller: GraphController;
  readonly api: Pick<Api, 'request'>;
  /** Runs work with the page's busy flag and error reporting. */
  readonly run: (work: () => Promise<unknown>) => Promise<void>;
  /** Shows the network as of a day, clamped to the data's range (the time slider follows). */
  readonly jumpTo: (day: string) => void;
  readonly names: (id: string) => string;
  /** The page's query string, for the analysis settings a link carries (analysis-url.ts). */
  readonly search: string;
  /** The settings changed: the link should carry them. */
  readonly onSettings: () => void;
  /** Entity search, for the brokers' groups. */
  readonly searchEntities: (text: string, signal: AbortSignal) => Promise<ApiEntity[]>;
}

/**
 * The analysis views wired to the graph view: the analysis panel (#analysis), brokers between groups (#brokers), the timeline under the time bar
 * (#timeline, with the compare toggle at its end) and the compare summary (#compare). They follow the controller's events and call its public methods.
 * Call before controller.start, so they see the first drawing.
 */
export function startAnalysis({ cy, controller, api, run, jumpTo, names, search, onSettings, searchEntities }: AnalysisWiring): {
  overlay: AnalysisOverlay;
  compare: CompareOverlay;
  dataChanged: () => void;
  /** The URL parameters of the settings ('' for the defaults). */
  param: () => string;
} {
  const analysisApi = createAnalysisApi(api);
  const overlay = new AnalysisOverlay(cy, analysisApi, decodeAnalysisSettings(search));
  const compare = new CompareOverlay(cy, analysisApi);
  const filters = () => analysisFilters(controller.state);

  let retry: ReturnType<typeof setTimeout> | undefined;
  const refreshAnalysis = async () => {
    clearTimeout(retry);
    try {
      const result = await overlay.refresh(filters());
      if (result) panel.show(result, overlay.settings);
    } catch (error) {
      // A measure the server computes in the background (a large network): ask again when it says it may be ready.
      if (error instanceof ApiError && error.code === 'STILL_COMPUTING') {
        panel.showPending(error.message);
        retry = setTimeout(() => void run(refreshAnalysis), Math.min(10, Number(error.extensions.retryAfterSeconds) || 2) * 1000);
      } else panel.showError((error as Error).message);
    }
  };
  let timelineKey = '';
  const refreshTimeline = async () => {
    const { kinds, types } = filters();
    const key = JSON.stringify([kinds, types]);
    if (key === timelineKey) return;
    timelineKey = key;
    timeline.show(await analysisApi.timeline(filters()));
  };
  const refreshCompare = async () => {
    if (!compare.pinned) return;
    const asOf = controller.state.asOf;
    const comparison = await compare.refresh(asOf, filters());
    bar.show(comparison, asOf ? undefined : `Turn on “As of a date” and move the slider to compare with ${compare.pinned}.`);
  };

  const panel = analysisView(byId('analysis'), {
    initial: overlay.settings,
    onSettings: (settings) => {
      overlay.settings = settings;
      onSettings();
      void run(refreshAnalysis);
    },
    onSelect: (id) => void run(() => controller.reveal(id)),
  });
  brokersView(byId('brokers'), {
    search: searchEntities,
    find: (from, to) => analysisApi.brokers(from, to, filters()),
    onShowPath: (paths) => controller.showPaths(paths),
    onSelect: (id) => void run(() => controller.reveal(id)),
  });
  const timeline = timelineView(
    byId('timeline'),
    (day) => jumpTo(day),
    () => {
      const stats = controller.stats;
      return stats?.earliest && stats.latest ? { earliest: stats.earliest, latest: stats.latest } : null;
    },
  );
  const bar = compareView(byId('compare'), {
    toggleSlot: timeline.side,
    onToggle: (on) => {
      compare.pin(on ? (controller.state.asOf ?? controller.stats?.latest ?? null) : null);
      bar.setOn(on, compare.pinned);
      timeline.mark(controller.state.asOf, compare.pinned);
      if (on) void run(refreshCompare);
    },
    onSelect: (id) => controller.select(id),
    // An end that only the other date has is drawn as a ghost: its name is there.
    names: (id) => {
      const ghost = cy.getElementById(GHOST + id);
      return cy.getElementById(id).empty() && ghost.nonempty() ? String(ghost.data('label')) : names(id);
    },
  });

  controller.events.on('elements', () => void run(() => Promise.all([refreshAnalysis(), refreshTimeline(), refreshCompare()])));
  controller.events.on('change', (state) => {
    timeline.mark(state.asOf, compare.pinned);
    panel.setSelected(state.selected);
  });
  /** The graph's data changed (edits, here or live): measures and timeline are read again. */
  const dataChanged = () => {
    overlay.invalidate();
    timelineKey = '';
    void run(() => Promise.all([refreshAnalysis(), refreshTimeline()]));
  };
  return { overlay, compare, dataChanged, param: () => encodeAnalysisSettings(overlay.settings) };
}
