import { dayToIso, InvalidInputError, INTERVALS, ruleFor, toInterval, type Interval, type TimelineBucket } from '../model';
import type { KnowledgeGraph } from '../load';
import { compileFilter } from '../queries';
import type { AnalysisArgs } from './analysis-args';

/**
 * A histogram over time under the filters (every date, so no asOf): dated events (EVENT entities, on their date),
 * relationship starts and relationship ends (SPAN relationships; an EVENT relationship's end is when the event stopped,
 * not a change of the network). A date is counted in the bucket its first day falls in; one less precise than the
 * bucket ("2014" in monthly buckets) is also counted as `imprecise` there, so a spike on January can be read right.
 */

export const MAX_BUCKETS = 5000;

export interface TimelineArgs extends Omit<AnalysisArgs, 'asOf' | 'directed'> {
  /** Bucket width; omitted, YEAR when the data spans more than 15 years, DAY under 90 days, else MONTH. */
  readonly interval?: Interval | null;
}

export interface Timeline {
  readonly interval: Interval;
  readonly buckets: readonly TimelineBucket[];
  readonly events: number;
  readonly starts: number;
  readonly ends: number;
  /** Relationships under the filters with no start date (they cannot be placed). */
  readonly undatedRelationships: number;
}

const PRECISION: Record<Interval, number> = { YEAR: 4, MONTH: 7, DAY: 10 };

function bucketOf(day: number, interval: Interval): string {
  return dayToIso(day).slice(0, PRECISION[interval]);
}

function nextLabel(label: string, interval: Interval): string {
  const { hi } = toInterval(label);
  return bucketOf(hi + 1, interval);
}

function chooseInterval(lo: number, hi: number): Interval {
  const days = hi - lo;
  if (days > 15 * 365) return 'YEAR';
  if (days < 90) return 'DAY';
  return 'MONTH';
}

export function timeline(graph: KnowledgeGraph, args: TimelineArgs = {}): Timeline {
  if (args.interval && !(INTERVALS as readonly string[]).includes(args.interval)) throw new InvalidInputError('interval', `must be one of ${INTERVALS.join(', ')}, got ${String(args.interval)}`);
  const filter = compileFilter(graph, { types: args.types, kinds: args.kinds, minConfidence: args.minConfidence });
  const dated: { date: string; series: 'events' | 'starts' | 'ends' }[] = [];
  let undatedRelationships = 0;
  graph.forEachNode((id, attributes) => {
    if (attributes.record.kind === 'EVENT' && attributes.record.start && filter.entityVisible(id, attributes)) dated.push({ date: attributes.record.start, series: 'events' });
  });
  graph.forEachEdge((id, attributes) => {
    if (!filter.relationshipUsable(graph, id)) return;
    const record = attributes.record;
    if (record.start) dated.push({ date: record.start, series: 'starts' });
    else undatedRelationships++;
    if (record.end && ruleFor(record.type).temporality === 'SPAN') dated.push({ date: record.end, series: 'ends' });
  });
  const totals = { events: 0, starts: 0, ends: 0 };
  for (const item of dated) totals[item.series]++;
  if (dated.length === 0) return { interval: args.interval ?? 'YEAR', buckets: [], ...totals, undatedRelationships };

  const days = dated.map((item) => toInterval(item.date).lo);
  let lo = Infinity;
  let hi = -Infinity;
  for (const day of days) {
    lo = Math.min(lo, day);
    hi = Math.max(hi, day);
  }
  const interval = args.interval ?? chooseInterval(lo, hi);
  const counts = new Map<string, { events: number; starts: number; ends: number; imprecise: number }>();
  const last = bucketOf(hi, interval);
  let label = bucketOf(lo, interval);
  for (;;) {
    counts.set(label, { events: 0, starts: 0, ends: 0, imprecise: 0 });
    if (counts.size > MAX_BUCKETS) throw new InvalidInputError('interval', `${interval} buckets would number more than ${MAX_BUCKETS} over these dates; choose a longer interval`);
    if (label === last) break;
    label = nextLabel(label, interval);
  }
  dated.forEach((item, i) => {
    const bucket = counts.get(bucketOf(days[i], interval))!;
    bucket[item.series]++;
    if (item.date.length < PRECISION[interval]) bucket.imprecise++;
  });
  return {
    interval,
    buckets: [...counts].map(([name, count]) => {
      const range = toInterval(name);
      return { label: name, start: dayToIso(range.lo), end: dayToIso(range.hi), ...count };
    }),
    ...totals,
    undatedRelationships,
  };
}
