import type { EntityKind } from '../../src/model/kinds';
import type { RelationType } from '../../src/model/relation-rules';
import type { Counts } from '../controller';
import type { Legend, NodeShape } from '../style';
import { clear, h, svg, svgShape } from './dom';

export interface LegendViewOptions {
  readonly onKind: (kind: EntityKind, visible: boolean) => void;
  readonly onType: (type: RelationType, visible: boolean) => void;
  /** Show or hide relationships without dates. */
  readonly onUndated?: (visible: boolean) => void;
}

export interface LegendView {
  render(legend: Legend, hiddenKinds: readonly EntityKind[], hiddenTypes: readonly RelationType[], hideUndated?: boolean): void;
  setCounts(counts: Counts): void;
  setHidden(hiddenKinds: readonly EntityKind[], hiddenTypes: readonly RelationType[], hideUndated?: boolean): void;
}

function star(cx: number, cy: number, outer: number, inner: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`);
  }
  return points.join(' ');
}

/** The node shape as a small icon, drawn like Cytoscape draws it. */
export function shapeIcon(shape: NodeShape, color: string): SVGSVGElement {
  const common = { fill: color, stroke: '#ffffff', 'stroke-width': 1 };
  switch (shape) {
    case 'ellipse':
      return svg(18, 18, svgShape('circle', { cx: 9, cy: 9, r: 7, ...common }));
    case 'round-rectangle':
      return svg(18, 18, svgShape('rect', { x: 2, y: 3, width: 14, height: 12, rx: 3, ...common }));
    case 'hexagon':
      return svg(18, 18, svgShape('polygon', { points: '2,9 5.5,3 12.5,3 16,9 12.5,15 5.5,15', ...common }));
    case 'diamond':
      return svg(18, 18, svgShape('polygon', { points: '9,1.5 16.5,9 9,16.5 1.5,9', ...common }));
    case 'star':
      return svg(18, 18, svgShape('polygon', { points: star(9, 9.5, 8, 3.5), ...common }));
    default:
      return svg(18, 18, svgShape('polygon', { points: '9,2 16,15 2,15', ...common }));
  }
}

/** A line with an arrow head (none for symmetric types), optionally dashed with a hollow diamond (disputed) or dotted (undated). */
export function lineIcon(color: string, { arrow = true, dashed = false, dotted = false, thick = false } = {}): SVGSVGElement {
  const pattern: Record<string, string> = dashed ? { 'stroke-dasharray': '4 2' } : dotted ? { 'stroke-dasharray': '2 2' } : {};
  const shapes: SVGElement[] = [svgShape('line', { x1: 1, y1: 9, x2: arrow ? 22 : 27, y2: 9, stroke: color, 'stroke-width': thick ? 5 : 2, ...pattern })];
  if (arrow) shapes.push(svgShape('polygon', { points: '21,4.5 28,9 21,13.5', fill: color }));
  if (dashed) shapes.push(svgShape('polygon', { points: '14,5 18,9 14,13 10,9', fill: '#ffffff', stroke: color, 'stroke-width': 1.5 }));
  return svg(30, 18, ...shapes);
}

/** Legend and filters in one: every kind and relation type with its look, its count, and a checkbox to show or hide it. */
export function legendView(container: HTMLElement, options: LegendViewOptions): LegendView {
  const kindBoxes = new Map<EntityKind, HTMLInputElement>();
  const typeBoxes = new Map<RelationType, HTMLInputElement>();
  const kindCounts = new Map<EntityKind, HTMLElement>();
  const typeCounts = new Map<RelationType, HTMLElement>();
  const undatedCount = h('span', { className: 'legend-count' });
  let undatedBox: HTMLInputElement | null = null;

  const row = (id: string, icon: SVGSVGElement, label: string, count: HTMLElement, checked: boolean, onChange: (checked: boolean) => void, title: string, reading?: string) => {
    const box = h('input', { type: 'checkbox', id, checked });
    box.addEventListener('change', () => onChange(box.checked));
    const item = h('li', { className: 'legend-row', title }, box, h('label', { for: id }, icon, h('span', { className: 'legend-label' }, label), count));
    if (reading) item.appendChild(h('span', { className: 'legend-reading' }, reading));
    return { item, box };
  };

  return {
    render(legend, hiddenKinds, hiddenTypes, hideUndated = false) {
      clear(container);
      const kinds = h('ul', { className: 'legend-list', 'aria-label': 'Entity kinds' });
      for (const kind of legend.kinds) {
        const count = h('span', { className: 'legend-count' });
        kindCounts.set(kind.kind, count);
        const { item, box } = row(`kind-${kind.kind}`, shapeIcon(kind.shape, kind.color), kind.label, count, !hiddenKinds.includes(kind.kind), (visible) => options.onKind(kind.kind, visible), kind.definition);
        kindBoxes.set(kind.kind, box);
        kinds.appendChild(item);
      }
      const types = h('ul', { className: 'legend-list', 'aria-label': 'Relation types' });
      for (const type of legend.types) {
        const count = h('span', { className: 'legend-count' });
        typeCounts.set(type.type, count);
        const { item, box } = row(
          `type-${type.type}`,
          lineIcon(type.color, { arrow: !type.symmetric }),
          type.label,
          count,
          !hiddenTypes.includes(type.type),
          (visible) => options.onType(type.type, visible),
          `${type.definition} Read: ${type.reading}.`,
          type.reading,
        );
        typeBoxes.set(type.type, box);
        types.appendChild(item);
      }
      const undatedMark = legend.marks.find((mark) => mark.id === 'undated');
      const time = h('ul', { className: 'legend-list', 'aria-label': 'Time' });
      if (undatedMark && options.onUndated) {
        const onUndated = options.onUndated;
        const { item, box } = row('undated-visible', lineIcon(undatedMark.color, { dotted: true }), 'undated relationships', undatedCount, !hideUndated, (visible) => onUndated(visible), undatedMark.description, 'no start or end date: shown at every date');
        undatedBox = box;
        time.appendChild(item);
      }
      const marks = h('ul', { className: 'legend-list legend-marks', 'aria-label': 'Marks' });
      for (const mark of legend.marks) {
        const icon = mark.id === 'disputed' ? lineIcon('#6b7280', { dashed: true }) : mark.id === 'undated' ? lineIcon(mark.color, { dotted: true }) : lineIcon(mark.color, { thick: true, arrow: false });
        marks.appendChild(h('li', { className: `legend-row legend-mark mark-${mark.id}`, title: mark.description }, icon, h('span', { className: 'legend-label' }, mark.label), h('span', { className: 'legend-reading' }, mark.description)));
      }
      container.append(h('h3', {}, 'Entities'), kinds, h('h3', {}, 'Relations'), types);
      if (time.childElementCount > 0) container.append(h('h3', {}, 'Time'), time);
      container.append(h('h3', {}, 'Marks'), marks);
    },
    setCounts(counts) {
      for (const [kind, element] of kindCounts) element.textContent = String(counts.byKind.get(kind) ?? 0);
      for (const [type, element] of typeCounts) element.textContent = String(counts.byType.get(type) ?? 0);
      undatedCount.textContent = String(counts.undated ?? 0);
    },
    setHidden(hiddenKinds, hiddenTypes, hideUndated = false) {
      for (const [kind, box] of kindBoxes) box.checked = !hiddenKinds.includes(kind);
      for (const [type, box] of typeBoxes) box.checked = !hiddenTypes.includes(type);
      if (undatedBox) undatedBox.checked = !hideUndated;
    },
  };
}
