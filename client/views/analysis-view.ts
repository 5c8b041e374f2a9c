import type { AnalysisResult, AnalysisSettings } from '../analysis-overlay';
import { measureValue } from '../analysis-overlay';
import { communityColor, MEASURE_LABELS, type SizeMeasure } from '../analysis-style';
import { kindLabel } from '../style';
import { clear, h, svg, svgShape } from './dom';

/** How many entities the ranked table lists. */
export const RANKED_ROWS = 15;

export interface AnalysisViewOptions {
  readonly initial: AnalysisSettings;
  readonly onSettings: (settings: AnalysisSettings) => void;
  readonly onSelect: (id: string) => void;
}

export interface AnalysisView {
  show(result: AnalysisResult | null, settings: AnalysisSettings): void;
  showError(message: string): void;
  /** Says that the measures are still being computed on the server (and will be shown when they are). */
  showPending(message: string): void;
  /** Marks the row of the selected entity, if listed. */
  setSelected(id: string | null): void;
}

const format = (measure: SizeMeasure, value: number) => (measure === 'DEGREE' || measure === 'CLOSENESS' ? value.toFixed(3) : value < 0.001 && value > 0 ? value.toExponential(1) : value.toFixed(3));

/**
 * The analysis panel: the measure to rank by (and size nodes by), colouring by community, and the ranked table of
 * entities under the current date and filters. A click on a row selects the entity.
 */
export function analysisView(container: HTMLElement, options: AnalysisViewOptions): AnalysisView {
  let settings = options.initial;
  let selected: string | null = null;
  const measure = h('select', { id: 'analysis-measure' });
  for (const key of Object.keys(MEASURE_LABELS) as SizeMeasure[]) measure.append(h('option', { value: key, selected: key === settings.measure }, MEASURE_LABELS[key]));
  const sizeNodes = h('input', { type: 'checkbox', id: 'size-by-measure', checked: settings.sizeNodes });
  const byCommunity = h('input', { type: 'checkbox', id: 'colour-by-community', checked: settings.byCommunity });
  const summary = h('p', { className: 'analysis-summary muted', id: 'analysis-summary', 'aria-live': 'polite' });
  const communities = h('ul', { className: 'community-list', id: 'community-list', 'aria-label': 'Largest communities' });
  const body = h('tbody');
  const heading = h('th', { scope: 'col', className: 'ranking-value' }, MEASURE_LABELS[settings.measure]);
  const table = h('table', { className: 'ranking', id: 'ranking' }, h('caption', { className: 'visually-hidden' }, 'Entities ranked by the chosen measure; click one to select it'), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Entity'), heading)), body);
  container.append(
    h('div', { className: 'option-row' }, h('label', { for: 'analysis-measure' }, 'Measure'), measure),
    h('div', { className: 'option-row' }, sizeNodes, h('label', { for: 'size-by-measure' }, 'Size nodes by it')),
    h('div', { className: 'option-row' }, byCommunity, h('label', { for: 'colour-by-community' }, 'Colour by community (Louvain)')),
    summary,
    communities,
    table,
  );
  const changed = () => {
    settings = { measure: measure.value as SizeMeasure, sizeNodes: sizeNodes.checked, byCommunity: byCommunity.checked };
    options.onSettings(settings);
  };
  measure.addEventListener('change', changed);
  sizeNodes.addEventListener('change', changed);
  byCommunity.addEventListener('change', changed);

  const markSelected = () => {
    for (const row of Array.from(body.querySelectorAll('tr'))) row.setAttribute('aria-selected', String(row.dataset.id === selected));
  };

  return {
    show(result, current) {
      settings = current;
      clear(body);
      clear(communities);
      heading.textContent = MEASURE_LABELS[current.measure];
      if (!result) {
        summary.textContent = '';
        return;
      }
      const { metrics } = result;
      const estimate = metrics.betweenness;
      const how = !estimate
        ? 'exact'
        : estimate.approximate
          ? `estimated from ${estimate.samples} pivots, within ±${estimate.errorBound.toFixed(3)} (${Math.round(estimate.confidence * 100)}% confidence)`
          : 'exact';
      summary.textContent = `${metrics.entities} entities, ${metrics.ties} ties${result.filters.asOf ? ` as of ${result.filters.asOf}` : ''}; ${MEASURE_LABELS[current.measure]} ${how}.`;
      if (result.communities) {
        summary.append(` ${result.communities.count} communities, modularity ${result.communities.modularity.toFixed(3)}.`);
        for (const community of result.communities.communities) {
          const swatch = svg(12, 12, svgShape('circle', { cx: 6, cy: 6, r: 5.5, fill: communityColor(community.id) }));
          communities.append(h('li', { 'data-community': community.id }, swatch, h('span', {}, `${community.size}: ${community.members.map((member) => member.name).join(', ')}${community.size > community.members.length ? '…' : ''}`)));
        }
      }
      for (const item of metrics.items.slice(0, RANKED_ROWS)) {
        const select = () => options.onSelect(item.entity.id);
        const name = h('button', { type: 'button', className: 'link-button', title: kindLabel(item.entity.kind) }, item.entity.name);
        name.addEventListener('click', select);
        const row = h('tr', { 'data-id': item.entity.id }, h('td', { className: 'ranking-rank' }, item.rank), h('td', {}, name), h('td', { className: 'ranking-value' }, format(current.measure, measureValue(current.measure, item))));
        row.addEventListener('click', (event) => {
          if (event.target !== name) select();
        });
        body.append(row);
      }
      markSelected();
    },
    showError(message) {
      clear(body);
      summary.textContent = `The measures could not be computed: ${message}`;
    },
    showPending(message) {
      clear(body);
      summary.textContent = `${message}. They will show here when ready.`;
    },
    setSelected(id) {
      selected = id;
      markSelected();
    },
  };
}
