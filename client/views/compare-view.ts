import type { ApiRelationshipChange } from '../analysis-api';
import { COMPARE_MARKS } from '../analysis-style';
import { GHOST, type Comparison } from '../compare-overlay';
import { typeLabel } from '../style';
import { clear, h, svg, svgShape } from './dom';

/** How many changed relationships the list shows. */
export const LISTED_CHANGES = 60;

export interface CompareViewOptions {
  /** Compare mode turned on (pin the current date) or off. */
  readonly onToggle: (on: boolean) => void;
  /** A listed relationship was chosen: its drawn (or ghost) element id. */
  readonly onSelect: (relationshipId: string) => void;
  readonly names: (entityId: string) => string;
}

export interface CompareView {
  setOn(on: boolean, pinned: string | null): void;
  show(comparison: Comparison | null, hint?: string): void;
}

function swatch(color: string): SVGSVGElement {
  return svg(14, 10, svgShape('rect', { x: 0, y: 1, width: 14, height: 8, rx: 2, fill: color }));
}

/**
 * The compare bar: a toggle that pins the slider's date, a summary of what began and ended between the pinned date
 * and the slider's, the colours' key, and the changed relationships with their dates (choose one to read its evidence).
 */
export function compareView(container: HTMLElement, options: CompareViewOptions): CompareView {
  const toggle = h('button', { type: 'button', id: 'compare-button', 'aria-pressed': 'false', title: 'Pin the date on the slider, then move the slider: what began and what ended in between is coloured' }, 'Compare dates');
  const summary = h('span', { id: 'compare-summary', className: 'compare-summary', 'aria-live': 'polite' });
  const key = h(
    'span',
    { className: 'compare-key', hidden: true },
    swatch(COMPARE_MARKS.began.color),
    ` ${COMPARE_MARKS.began.label} `,
    swatch(COMPARE_MARKS.ended.color),
    ` ${COMPARE_MARKS.ended.label}`,
  );
  const list = h('ol', { className: 'compare-list', id: 'compare-list' });
  const details = h('details', { className: 'compare-details', hidden: true }, h('summary', {}, 'Changed relationships'), list);
  container.append(h('div', { className: 'compare-row' }, toggle, summary, key), details);
  toggle.addEventListener('click', () => options.onToggle(toggle.getAttribute('aria-pressed') !== 'true'));

  const line = (item: ApiRelationshipChange, elementId: string, mark: 'began' | 'ended') => {
    const text = `${item.date ?? 'undated'} · ${mark}: ${options.names(item.relationship.source.id)} ${typeLabel(item.relationship.type)} ${options.names(item.relationship.target.id)}${item.via ? ` (with ${item.via.name})` : ''}`;
    const button = h('button', { type: 'button', className: 'link-button', 'data-relationship': item.relationship.id }, text);
    button.addEventListener('click', () => options.onSelect(elementId));
    return h('li', { className: `compare-item compare-item-${mark}` }, swatch(COMPARE_MARKS[mark].color), ' ', button);
  };

  return {
    setOn(on, pinned) {
      toggle.setAttribute('aria-pressed', String(on));
      toggle.textContent = on && pinned ? `Comparing with ${pinned}` : 'Compare dates';
      key.hidden = !on;
      if (!on) {
        summary.textContent = '';
        details.hidden = true;
      }
    },
    show(comparison, hint) {
      clear(list);
      if (!comparison) {
        summary.textContent = hint ?? '';
        details.hidden = true;
        return;
      }
      const { changes, pinned, current } = comparison;
      const [earlier, later] = pinned <= current ? [pinned, current] : [current, pinned];
      summary.textContent = `${earlier} → ${later}: ${changes.began.total} began, ${changes.ended.total} ended, ${changes.appeared.total} appeared, ${changes.disappeared.total} disappeared.`;
      const laterDrawn = current >= pinned;
      const items = [...changes.began.items.map((item) => ({ item, mark: 'began' as const })), ...changes.ended.items.map((item) => ({ item, mark: 'ended' as const }))]
        .sort((a, b) => ((a.item.date ?? '') < (b.item.date ?? '') ? -1 : (a.item.date ?? '') > (b.item.date ?? '') ? 1 : 0))
        .slice(0, LISTED_CHANGES);
      for (const { item, mark } of items) {
        const ghost = mark === 'began' ? !laterDrawn : laterDrawn;
        list.append(line(item, ghost ? GHOST + item.relationship.id : item.relationship.id, mark));
      }
      details.hidden = items.length === 0;
    },
  };
}
