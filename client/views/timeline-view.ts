import type { ApiTimeline, ApiTimelineBucket } from '../analysis-api';
import { bucketSpan, type DayRange } from '../timeline-scale';
import { clear, h, svg, svgShape } from './dom';

export interface TimelineView {
  show(timeline: ApiTimeline): void;
  /** Marks the date the network is shown as of (null: none) and the date compare mode is pinned to. */
  mark(asOf: string | null, pinned: string | null): void;
  /** The end of the timeline's row, for controls that belong beside it (the compare toggle). */
  readonly side: HTMLElement;
}

/** Height of the bars and of the dates under them: a strip, so the graph keeps the room. */
const HEIGHT = 28;
const AXIS = 11;
/** Least height of a non-empty part of a bar, so that one dated fact still shows beside twenty. */
const MIN_PART = 1.5;

/**
 * A histogram in the row under the time slider, on the slider's scale (see timeline-scale.ts): per bucket, dated
 * events and relationship starts stacked upwards and relationship ends downwards. Each bar is a button: clicking it
 * (or Enter) jumps to the bucket's last day. `range` is the slider's range, once known.
 */
export function timelineView(container: HTMLElement, onJump: (day: string, bucket: ApiTimelineBucket) => void, range: () => DayRange | null = () => null): TimelineView {
  let buckets: readonly ApiTimelineBucket[] = [];
  /** The bars drawn, with their buckets (a bucket outside the slider's range has none). */
  let bars: { bar: SVGGElement; bucket: ApiTimelineBucket }[] = [];
  let marks: [string | null, string | null] = [null, null];
  let shown: ApiTimeline | null = null;
  const chart = svg(1000, HEIGHT + AXIS);
  chart.setAttribute('class', 'timeline-chart');
  chart.setAttribute('width', '100%');
  chart.removeAttribute('aria-hidden');
  chart.setAttribute('role', 'group');
  chart.setAttribute('aria-label', 'Timeline: dated events and relationship starts (up) and ends (down), under the slider; choose a bar to show the network as of its end');
  const legend = h(
    'p',
    { className: 'timeline-legend muted' },
    h('span', { className: 'timeline-key timeline-key-events' }),
    'events ',
    h('span', { className: 'timeline-key timeline-key-starts' }),
    'starts ',
    h('span', { className: 'timeline-key timeline-key-ends' }),
    'ends',
  );
  const side = h('div', { className: 'timeline-side' });
  container.append(legend, h('div', { className: 'timeline-track' }, chart), side);

  const within = (date: string, bucket: ApiTimelineBucket) => date >= bucket.start && date <= bucket.end;

  const view: TimelineView = {
    side,
    show(timeline) {
      shown = timeline;
      buckets = timeline.buckets;
      clear(chart);
      bars = [];
      // Drawn in the chart's own pixels, so bars and labels are not stretched.
      const total = Math.max(100, Math.round(chart.getBoundingClientRect().width) || 1000);
      chart.setAttribute('viewBox', `0 0 ${total} ${HEIGHT + AXIS}`);
      if (buckets.length === 0) return;
      const scale = range() ?? { earliest: buckets[0].start, latest: buckets[buckets.length - 1].end };
      const up = Math.max(1, ...buckets.map((bucket) => bucket.events + bucket.starts));
      const down = Math.max(1, ...buckets.map((bucket) => bucket.ends));
      const unit = (HEIGHT - 2 - 2 * MIN_PART) / (up + down);
      const part = (count: number) => (count > 0 ? Math.max(MIN_PART, count * unit) : 0);
      const base = 1 + MIN_PART + up * unit;
      chart.appendChild(svgShape('line', { x1: 0, x2: total, y1: base, y2: base, class: 'timeline-axis' }));
      const ticks: { x: number; label: string }[] = [];
      buckets.forEach((bucket) => {
        const span = bucketSpan(bucket, scale, total);
        if (!span) return;
        const { x1, x2 } = span;
        const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
        group.setAttribute('class', 'timeline-bucket');
        group.setAttribute('role', 'button');
        group.setAttribute('tabindex', '0');
        group.dataset.label = bucket.label;
        const label = `${bucket.label}: ${bucket.events} events, ${bucket.starts} starts, ${bucket.ends} ends${bucket.imprecise ? ` (${bucket.imprecise} dated only to a coarser period)` : ''}. Show the network as of ${bucket.end}.`;
        group.setAttribute('aria-label', label);
        const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.textContent = label;
        group.appendChild(title);
        group.appendChild(svgShape('rect', { x: x1, y: 0, width: x2 - x1, height: HEIGHT, class: 'timeline-hit' }));
        const inner = Math.max(0.5, (x2 - x1) * 0.8);
        const left = x1 + (x2 - x1 - inner) / 2;
        const startsHeight = part(bucket.starts);
        const eventsHeight = part(bucket.events);
        if (bucket.starts) group.appendChild(svgShape('rect', { x: left, y: base - startsHeight, width: inner, height: startsHeight, class: 'timeline-starts' }));
        if (bucket.events) group.appendChild(svgShape('rect', { x: left, y: base - startsHeight - eventsHeight, width: inner, height: eventsHeight, class: 'timeline-events' }));
        if (bucket.ends) group.appendChild(svgShape('rect', { x: left, y: base, width: inner, height: part(bucket.ends), class: 'timeline-ends' }));
        const jump = () => onJump(bucket.end, bucket);
        group.addEventListener('click', jump);
        group.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            jump();
          }
        });
        chart.appendChild(group);
        bars.push({ bar: group, bucket });
        ticks.push({ x: x1, label: bucket.label });
      });
      // A date under the start of about one bar per 70 pixels; none that would run off the right edge.
      const step = Math.max(1, Math.ceil((ticks.length * 70) / total));
      ticks.forEach(({ x, label }, i) => {
        if (i % step !== 0 || x + 34 > total) return;
        const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
        text.setAttribute('x', String(x + 1));
        text.setAttribute('y', String(HEIGHT + AXIS - 1));
        text.setAttribute('class', 'timeline-tick');
        text.textContent = label;
        chart.appendChild(text);
      });
      view.mark(...marks);
    },
    mark(asOf, pinned) {
      marks = [asOf, pinned];
      bars.forEach(({ bar, bucket }) => {
        bar.classList.toggle('timeline-current', asOf !== null && within(asOf, bucket));
        bar.classList.toggle('timeline-pinned', pinned !== null && within(pinned, bucket));
        if (asOf !== null && within(asOf, bucket)) bar.setAttribute('aria-current', 'date');
        else bar.removeAttribute('aria-current');
      });
    },
  };
  new ResizeObserver(() => {
    if (shown) view.show(shown);
  }).observe(container);
  return view;
}
