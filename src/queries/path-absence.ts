import { dayToIso, InvalidInputError, type Window } from '../model';
import type { KnowledgeGraph } from '../load';
import { parseAsOf, presentAsOf } from './as-of';
import { shortestPath, type KPathsArgs, type Path } from './paths';

/** Why a path query found nothing as of a date, when it would have found something at another time. */
export type PathAbsence =
  | {
      readonly code: 'NOT_PRESENT_AS_OF';
      readonly message: string;
      readonly asOf: string;
      /** The end of the path that is not part of the network as of the date. */
      readonly entity: string;
      readonly presentFrom: string | null;
      readonly presentUntil: string | null;
    }
  | {
      readonly code: 'NO_PATH_AS_OF';
      readonly message: string;
      readonly asOf: string;
      /** The days on which the best path found without asOf holds whole (null ends: open; both null: never). */
      readonly presentFrom: string | null;
      readonly presentUntil: string | null;
      /** That path's entities, in order. */
      readonly pathWithoutAsOf: readonly string[];
    };

const isoOrNull = (day: number) => (Number.isFinite(day) ? dayToIso(day) : null);

function describeWindow(window: Window): string {
  const from = isoOrNull(window.lo);
  const until = isoOrNull(window.hi);
  if (from && until) return `from ${from} to ${until}`;
  if (from) return `from ${from} on`;
  if (until) return `until ${until}`;
  return 'at every date';
}

/** The days every entity and relationship of a path is present: the intersection of their windows. */
function pathWindow(graph: KnowledgeGraph, path: Path): Window {
  let lo = -Infinity;
  let hi = Infinity;
  const windows = [...path.nodes.map((node) => graph.getNodeAttributes(node.id).window), ...path.hops.map((hop) => graph.getEdgeAttributes(hop.relationship.id).window)];
  for (const window of windows) {
    lo = Math.max(lo, window.lo);
    hi = Math.min(hi, window.hi);
  }
  return { lo, hi };
}

/**
 * Explains an empty answer of shortestPath or paths (same arguments, already checked) that had an `asOf`: an end of
 * the path is not part of the network on that date, or a path exists without `asOf` (with the days on which it holds
 * whole). Null when there is no `asOf`, or no path at any time.
 */
export function explainPathAbsence(graph: KnowledgeGraph, from: string, to: string, args: KPathsArgs): PathAbsence | null {
  const asOf = args.asOf;
  const days = parseAsOf(asOf);
  if (!asOf || !days) return null;
  for (const id of [from, to]) {
    const { window, record } = graph.getNodeAttributes(id);
    if (!presentAsOf(window, days)) {
      return {
        code: 'NOT_PRESENT_AS_OF',
        message: `no path as of ${asOf}: "${id}" (${record.name}) is not part of the network then; it is ${describeWindow(window)}`,
        asOf,
        entity: id,
        presentFrom: isoOrNull(window.lo),
        presentUntil: isoOrNull(window.hi),
      };
    }
  }
  let path: Path | null;
  try {
    path = shortestPath(graph, from, to, { ...args, asOf: null });
  } catch (error) {
    if (error instanceof InvalidInputError) return null; // too large a search without the date: no explanation
    throw error;
  }
  if (!path) return null;
  const window = pathWindow(graph, path);
  const route = path.nodes.map((node) => node.id).join(' → ');
  const never = window.lo > window.hi;
  return {
    code: 'NO_PATH_AS_OF',
    message: never
      ? `no path as of ${asOf}; without asOf the best path is ${route}, but its relationships and entities never all hold on the same day`
      : `no path as of ${asOf}; without asOf the best path is ${route}, which holds whole ${describeWindow(window)}`,
    asOf,
    presentFrom: never ? null : isoOrNull(window.lo),
    presentUntil: never ? null : isoOrNull(window.hi),
    pathWithoutAsOf: path.nodes.map((node) => node.id),
  };
}
