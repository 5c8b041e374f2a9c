import type { ApiTimeline, ApiTimelineBucket } from '../analysis-api';
import { clear, h, svg, svgShape } from './dom';

export interface TimelineView {
  show(timeline: ApiTimeline): void;
  /** Marks the date the network is shown as of (null: none) and the date compare mode is pinned to. */
  mark(asOf: string | null, pinned: string | null): void;
}

const HEIGHT = 54;
const AXIS = 12;

/**
 * A histogram under the time slider: per bucket, dated events and relationship starts stacked upwards and relationship
 * ends downwards. Each bar is a button: clicking it (or Enter) jumps to the bucket's last day.
 */
export function timelineView(container: HTMLElement, onJump: (day: string, bucket: ApiTimelineBucket) => void): TimelineView {
  let buckets: readonly ApiTimelineBucket[] = [];
  let bars: SVGGElement[] = [];
  let marks: [string | null, string | null] = [null, null];
  let shown: ApiTimeline | null = null;
  const chart = svg(1000, HEIGHT + AXIS);
  chart.setAttribute('class', 'timeline-chart');
  chart.setAttribute('width', '100%');
  chart.removeAttribute('aria-hidden');
  chart.setAttribute('role', 'group');
  chart.setAttribute('aria-label', 'Timeline: dated events and relationship starts (up) and ends (down); choose a bar to show the network as of its end');
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
  container.append(chart, legend);

  const within = (date: string, bucket: ApiTimelineBucket) => date >= bucket.start && date <= bucket.end;

  const view: TimelineView = {
    show(timeline) {
      shown = timeline;
      buckets = timeline.buckets;
      clear(chart);
      bars = [];
      // Drawn in the chart's own pixels, so bars and labels are not stretched.
      const total = Math.max(200, Math.round(chart.getBoundingClientRect().width) || 1000);
      chart.setAttribute('viewBox', `0 0 ${total} ${HEIGHT + AXIS}`);
      if (buckets.length === 0) return;
      const width = total / buckets.length;
      const up = Math.max(1, ...buckets.map((bucket) => bucket.events + bucket.starts));
      const down = Math.max(1, ...buckets.map((bucket) => bucket.ends));
      const scale = (HEIGHT - 4) / (up + down);
      const base = 2 + up * scale;
      chart.appendChild(svgShape('line', { x1: 0, x2: total, y1: base, y2: base, class: 'timeline-axis' }));
      buckets.forEach((bucket, i) => {
        const x = i * width;
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
        group.appendChild(svgShape('rect', { x, y: 0, width, height: HEIGHT, class: 'timeline-hit' }));
        const inner = Math.max(0.5, width * 0.8);
        const left = x + (width - inner) / 2;
        const eventsHeight = bucket.events * scale;
        const startsHeight = bucket.starts * scale;
        if (bucket.starts) group.appendChild(svgShape('rect', { x: left, y: base - startsHeight, width: inner, height: startsHeight, class: 'timeline-starts' }));
        if (bucket.events) group.appendChild(svgShape('rect', { x: left, y: base - startsHeight - eventsHeight, width: inner, height: eventsHeight, class: 'timeline-events' }));
        if (bucket.ends) group.appendChild(svgShape('rect', { x: left, y: base, width: inner, height: bucket.ends * scale, class: 'timeline-ends' }));
        const jump = () => onJump(bucket.end, bucket);
        group.addEventListener('click', jump);
        group.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            jump();
          }
        });
        chart.appendChild(group);
        bars.push(group);
      });
      // Labels on every step-th bucket, about one per 70 pixels.
      const step = Math.max(1, Math.ceil((buckets.length * 70) / total));
      buckets.forEach((bucket, i) => {
        // Not where the label would run off the right edge.
        if (i % step !== 0 || i * width + 34 > total) return;
        const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
        text.setAttribute('x', String(i * width + 1));
        text.setAttribute('y', String(HEIGHT + AXIS - 2));
        text.setAttribute('class', 'timeline-tick');
        text.textContent = bucket.label;
        chart.appendChild(text);
      });
      view.mark(...marks);
    },
    mark(asOf, pinned) {
      marks = [asOf, pinned];
      buckets.forEach((bucket, i) => {
        const bar = bars[i];
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
