import { toInterval } from '../model';
import type { GraphChange, KnowledgeGraph } from '../load';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PLACE_TYPES = new Set(['LOCATED_AT', 'PART_OF']);
const MAX_PLACE_LEVELS = 3;

/** Words that let a search find an event by its place and date: the names of the places it happened at (and the places those lie in), and its date spelled out. */
export function describeEventContext(graph: KnowledgeGraph, id: string): string[] {
  const words: string[] = [];
  const entity = graph.getNodeAttributes(id).record;
  if (entity.start) {
    const day = new Date(toInterval(entity.start).lo * 86_400_000);
    words.push(entity.start, String(day.getUTCFullYear()));
    if (entity.start.length >= 7) words.push(MONTHS[day.getUTCMonth()]);
  }
  const seen = new Set<string>([id]);
  let frontier = [id];
  for (let level = 0; level < MAX_PLACE_LEVELS; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachOutEdge(node, (_edge, attributes, _source, target) => {
        if (!PLACE_TYPES.has(attributes.record.type) || seen.has(target)) return;
        seen.add(target);
        next.push(target);
        const place = graph.getNodeAttributes(target).record;
        words.push(place.name, ...place.aliases.map((alias) => alias.name));
      });
    }
    frontier = next;
  }
  return words;
}

/**
 * The entities whose search entry a change makes stale: those created or updated, those a changed place relationship
 * starts from, and the events that reach one of them over at most MAX_PLACE_LEVELS place relationships (their search
 * context names those places).
 */
export function entitiesToReindex(graph: KnowledgeGraph, change: GraphChange): Set<string> {
  const touched = new Set(change.entities);
  for (const { before, after } of change.relationships) {
    for (const record of [before, after]) if (record && PLACE_TYPES.has(record.type)) touched.add(record.source);
  }
  const result = new Set<string>();
  let frontier = [...touched].filter((id) => graph.hasNode(id));
  for (const id of frontier) result.add(id);
  for (let level = 0; level < MAX_PLACE_LEVELS && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachInEdge(node, (_edge, attributes, source) => {
        if (!PLACE_TYPES.has(attributes.record.type) || result.has(source)) return;
        result.add(source);
        next.push(source);
      });
    }
    frontier = next;
  }
  return result;
}
