import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { startAnalysis } from './analysis-wiring';
import { analysisStylesheet } from './analysis-style';
import { ApiError, createApi } from './api';
import { clampDay } from './dates';
import type { ApiEntityDetail } from './types';
import { GraphController, type Selection } from './controller';
import { readableLabels } from './label-visibility';
import { visibleDataset } from './mapping';
import { fitView } from './layouts';
import { legend, stylesheet } from './style';
import { decodeViewState, encodeViewState, type ViewState } from './url-state';
import { byId, clear } from './views/dom';
import { download } from './views/download';
import { entityPicker } from './views/entity-picker';
import { hiddenView } from './views/hidden-view';
import { legendView } from './views/legend-view';
import { panelView, RELATIONSHIP_PAGE } from './views/panel-view';
import { pathFinderView } from './views/path-finder-view';
import { pathResultsView } from './views/path-results-view';
import { ingestApi } from './ingest-api';
import { reviewView } from './views/review-view';
import { TOKEN_GONE } from './views/sign-in-view';
import { statusView } from './views/status-view';
import { timeView } from './views/time-view';
import { startSessionIn, startWorkbench } from './workbench';

/** Wiring only: the API, the controller, and the views that show its state and call its behaviour. */

cytoscape.use(fcose);

async function main(): Promise<void> {
  const api = createApi();
  const cy = cytoscape({ container: byId('cy'), style: [...stylesheet(), ...analysisStylesheet()], boxSelectionEnabled: false, selectionType: 'single', minZoom: 0.08, maxZoom: 5 });
  const controller = new GraphController(cy, api);
  const labels = readableLabels(cy);
  // A handle for the end-to-end tests and for curious analysts in the console.
  Object.assign(window, { proxygraph: { cy, controller, labels } });

  /** Signs out a tab whose token the server refused; true once signed out (false before the session starts). */
  let signedOut = () => false;
  let pending = 0;
  const status = statusView(byId('status'));
  const run = async (work: () => Promise<unknown>) => {
    pending += 1;
    document.body.dataset.busy = 'true';
    try {
      await work();
    } catch (error) {
      // The token was revoked while signed in: sign out with the one message, however many requests saw it first.
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && signedOut()) return;
      status.show({ text: `Something went wrong: ${(error as Error).message}`, tone: 'error' });
    } finally {
      pending -= 1;
      if (pending === 0) document.body.dataset.busy = 'false';
    }
  };

  const names = (id: string) => {
    const node = cy.getElementById(id);
    return node.nonempty() ? String(node.data('label')) : id;
  };
  const search = (text: string, signal: AbortSignal) => api.search(text, signal);

  // Signing in comes first: a server may need a token before anything can be read.
  const { editApi, session } = await startSessionIn(api, (text) => status.show({ text, tone: 'info' }));
  signedOut = () => {
    session.expire(TOKEN_GONE);
    return session.state.viewer === null;
  };
  const rules = await api.relationTypes();
  const relationTypes = rules.map((rule) => rule.type);

  // Details panel: an entity is read from the API (its relationships as of the date), a relationship from the drawn edge.
  const pathResults = byId('path-results');
  const panelElement = byId('panel');
  const editorElement = byId('editor');
  // The details column opens only when it has something to show; the graph takes the room otherwise.
  const updateDetails = () => {
    const open = !pathResults.hidden || !panelElement.hidden || !editorElement.hidden;
    if (open === document.body.classList.contains('details-open')) return;
    const width = cy.width();
    document.body.classList.toggle('details-open', open);
    cy.resize();
    // Keep what was in the middle of the graph in the middle as the column takes (or gives back) room.
    cy.panBy({ x: (cy.width() - width) / 2, y: 0 });
    // Keep what the analyst is looking at in view when the column takes room from the graph.
    const onPath = cy.elements('.on-path');
    if (onPath.nonempty()) fitView(cy, onPath, 60);
    else {
      const selected = cy.nodes(':selected').first();
      const extent = cy.extent();
      const inView = (p: { x: number; y: number }) => p.x > extent.x1 && p.x < extent.x2 && p.y > extent.y1 && p.y < extent.y2;
      if (selected.nonempty() && !inView(selected.position())) cy.center(selected);
    }
  };
  let panelRequest = 0;
  const panel = panelView(panelElement, {
    onSelect: (id) => void run(() => controller.reveal(id)),
    onExpand: (id, types) => void run(() => controller.expand(id, types)),
    onHide: (id) => controller.hide(id),
    onFocus: (id, depth) => void run(() => controller.focus(id, depth)),
    onMoreRelationships: (entity) => void run(() => showMoreRelationships(entity)),
    onClose: () => controller.select(null),
  });
  /** Appends the next page of an entity's relationships to the panel, unless the reader has moved on meanwhile. */
  const showMoreRelationships = async (entity: ApiEntityDetail) => {
    const request = panelRequest;
    const asOf = controller.state.asOf;
    const after = entity.relationships.reduce<string | null>((last, { id }) => (last === null || id > last ? id : last), null);
    const page = await api.relationshipPage(entity.id, { after, first: RELATIONSHIP_PAGE, asOf });
    if (request !== panelRequest || !page) return;
    panel.showEntity({ ...entity, degree: page.relationships.length > 0 ? page.degree : entity.relationships.length, relationships: [...entity.relationships, ...page.relationships] }, asOf, relationTypes, { focus: controller.state.focus });
  };
  const showSelection = async (selection: Selection | null) => {
    const request = ++panelRequest;
    if (!selection) panel.hide();
    else if (selection.kind === 'edge') panel.showRelationship(selection.relationship, selection.source, selection.target);
    else {
      const detail = await api.entity(selection.entity.id, controller.state.asOf);
      if (request !== panelRequest) return;
      if (detail) panel.showEntity(detail, controller.state.asOf, relationTypes, { focus: controller.state.focus });
      else panel.showMessage('This entity is no longer in the graph.');
    }
    updateDetails();
  };
  controller.events.on('select', (selection) => void run(() => showSelection(selection)));

  const mainSearch = entityPicker({
    id: 'search',
    label: 'Search entities',
    hideLabel: true,
    placeholder: 'Search actors, places, events…',
    search,
    clearOnChoose: true,
    onChoose: (entity) =>
      void run(async () => {
        if (await controller.reveal(entity.id)) {
          // The panel loads asynchronously; move focus to it once it is there.
          await showSelection(controller.selection());
          panel.focusTitle();
        }
      }),
  });
  byId('search-slot').appendChild(mainSearch.element);

  const legendPanel = legendView(byId('legend'), {
    onKind: (kind, visible) => controller.setKindVisible(kind, visible),
    onType: (type, visible) => controller.setTypeVisible(type, visible),
    onUndated: (visible) => controller.setUndatedVisible(visible),
  });
  const initial: ViewState = decodeViewState(location.search);
  // Read before the controller rewrites the URL with its own state.
  const reviewing = new URLSearchParams(location.search).get('review');
  legendPanel.render(legend(rules), initial.hiddenKinds, initial.hiddenTypes, initial.hideUndated);
  controller.events.on('elements', () => {
    legendPanel.setCounts(controller.counts());
    labels.refresh();
  });
  const hidden = hiddenView(byId('hidden'), byId('hidden-list'), { onShow: (id) => controller.unhide([id]), onShowAll: () => controller.unhide() });
  controller.events.on('change', (state) => hidden.show(state.hiddenNodes, names));

  const results = pathResultsView(pathResults, (id) => void run(() => controller.reveal(id)));
  controller.events.on('paths', (paths) => {
    results.show(paths, names);
    updateDetails();
  });
  const finder = pathFinderView(byId('path-finder'), {
    search,
    relationTypes,
    onFind: (options) =>
      void run(async () => {
        finder.setBusy(true);
        try {
          await controller.findPaths(options);
        } finally {
          finder.setBusy(false);
        }
      }),
    onClear: () => controller.clearPaths(),
  });

  controller.events.on('status', (message) => status.show(message));
  // Set once the analysis panel is wired (below); the URL may be written before.
  let analysisParam = () => '';
  const writeUrl = () => {
    const query = [encodeViewState(controller.state), analysisParam(), review.param()].filter(Boolean).join('&');
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  };
  // Reviewing reporting: accepted facts are drawn at once (the neighbourhood of their source is read again).
  const review = reviewView(byId('review'), {
    api: ingestApi(api),
    relationTypes,
    search,
    run,
    onAccepted: async (relationship, source) => {
      await controller.expand(source);
      controller.select(relationship);
    },
    onEntity: async (entity) => void (await controller.reveal(entity)),
    onChange: () => writeUrl(),
  });
  byId('review-button').addEventListener('click', () => review.open());
  controller.events.on('change', () => writeUrl());

  byId('fit-button').addEventListener('click', () => fitView(cy));
  byId('reset-button').addEventListener('click', () =>
    void run(async () => {
      await controller.reset();
      legendPanel.setHidden([], [], false);
      time?.set(controller.state.asOf);
    }),
  );
  byId('png-button').addEventListener('click', () => download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), 'proxygraph.png'));
  byId('json-button').addEventListener('click', () => download(new Blob([`${JSON.stringify(visibleDataset(controller), null, 2)}\n`], { type: 'application/json' }), 'proxygraph.json'));
  byId('link-button').addEventListener('click', () =>
    void navigator.clipboard.writeText(location.href).then(
      () => status.show({ text: 'Link copied: it reopens this view.', tone: 'info' }),
      () => status.show({ text: `Copy this link: ${location.href}`, tone: 'info' }),
    ),
  );

  let time: ReturnType<typeof timeView> | null = null;
  let range: { earliest: string; latest: string } | null = null;
  /** The date slider over the data's range; made again when an edit widens or narrows it (an entity dated 1950). */
  const showTime = (stats: { earliest: string | null; latest: string | null } | null) => {
    if (!stats?.earliest || !stats.latest || (range && range.earliest === stats.earliest && range.latest === stats.latest)) return;
    const container = byId('time');
    const focused = container.contains(document.activeElement) ? document.activeElement?.id : undefined;
    range = { earliest: stats.earliest, latest: stats.latest };
    clear(container);
    time = timeView(container, range, (asOf) => void run(() => controller.setAsOf(asOf)));
    time.set(controller.state.asOf);
    if (focused) document.getElementById(focused)?.focus();
  };
  const analysis = startAnalysis({
    cy,
    controller,
    api,
    run,
    names,
    search: location.search,
    onSettings: () => writeUrl(),
    searchEntities: search,
    jumpTo: (day) => {
      const date = range ? clampDay(day, range.earliest, range.latest) : day;
      time?.set(date);
      void run(() => controller.setAsOf(date));
    },
  });
  analysisParam = analysis.param;
  Object.assign(window, { proxygraph: { cy, controller, labels, analysis } });
  await run(async () => {
    await controller.start(initial);
    showTime(controller.stats);
    if (initial.path) finder.setOptions(initial.path, names);
    if (reviewing) review.open(reviewing);
    legendPanel.setCounts(controller.counts());
  });
  // After edits (here or live): the measures, the timeline and the slider's range follow the data.
  const onRedrawn = () => {
    analysis.dataChanged();
    void run(async () => showTime(await api.stats()));
  };
  startWorkbench({ api, editApi, session, controller, cy, rules, status, run: (work) => void run(work), layout: updateDetails, onRedrawn });
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) status.textContent = `proxygraph could not start: ${(error as Error).message}`;
  document.body.dataset.ready = 'error';
});
