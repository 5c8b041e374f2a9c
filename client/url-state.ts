import { isPartialDate } from '../src/model/dates';
import { ID_PATTERN, MAX_ID_LENGTH } from '../src/model/ids';
import { ENTITY_KINDS, type EntityKind } from '../src/model/kinds';
import { RELATION_TYPES, type RelationType } from '../src/model/relation-rules';

/** The view state that a link carries, and its pure encoding to and from a query string. */

export interface PathOptions {
  readonly from: string;
  readonly to: string;
  readonly k: number;
  /** Relation types to follow; empty means all. */
  readonly types: readonly RelationType[];
  readonly directed: boolean;
  readonly avoid: readonly string[];
  readonly chronological: boolean;
}

/** Where the analyst dragged an entity, in model coordinates (rounded to whole pixels). */
export interface MovedNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export interface ViewState {
  /** Id of the selected entity or relationship. */
  readonly selected: string | null;
  /** The date the network is shown as of (YYYY, YYYY-MM or YYYY-MM-DD, as the analyst gave it); null for all dates. */
  readonly asOf: string | null;
  /** Hide relationships with neither a start nor an end date (the as-of rule shows them at every date). */
  readonly hideUndated: boolean;
  readonly hiddenKinds: readonly EntityKind[];
  readonly hiddenTypes: readonly RelationType[];
  /** Entities the analyst hid. */
  readonly hiddenNodes: readonly string[];
  /** Show only this entity's ego network. */
  readonly focus: { readonly id: string; readonly depth: number } | null;
  /** The last path search; it runs again when the link opens. */
  readonly path: PathOptions | null;
  /** Entities the analyst dragged, oldest first; at most MAX_MOVED, and at most MAX_MOVED_CHARS of the link. */
  readonly moved: readonly MovedNode[];
}

export const DEFAULT_VIEW: ViewState = { selected: null, asOf: null, hideUndated: false, hiddenKinds: [], hiddenTypes: [], hiddenNodes: [], focus: null, path: null, moved: [] };

/** Most dragged positions a link keeps (the oldest drags are dropped first). */
export const MAX_MOVED = 60;
/** Longest the `pos` parameter may be, so a link stays well under the ~2,000 characters some tools cut URLs at. */
export const MAX_MOVED_CHARS = 1200;

export const PATH_DEFAULTS = { k: 3, maxK: 10, directed: false, chronological: false } as const;
export const MAX_FOCUS_DEPTH = 4;

const COORDINATE_LIMIT = 1_000_000;

const isId = (value: string) => value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);

function idOrNull(value: string | null): string | null {
  return value !== null && isId(value) ? value : null;
}

function list(value: string | null): string[] {
  return value ? value.split(',').filter((item) => item.length > 0) : [];
}

function oneOf<T extends string>(allowed: readonly T[], values: readonly string[]): T[] {
  const set = new Set<string>(allowed);
  return [...new Set(values)].filter((value): value is T => set.has(value));
}

function intIn(value: string | null, min: number, max: number, fallback: number): number {
  const parsed = value === null ? NaN : Number(value);
  return Number.isInteger(parsed) && parsed >= min && parsed <= max ? parsed : fallback;
}

function movedEntry(node: MovedNode): string {
  return `${node.id}_${Math.round(node.x)}_${Math.round(node.y)}`;
}

/** Adds or moves one entry to the end (the newest drag) and keeps the list within MAX_MOVED entries and MAX_MOVED_CHARS. */
export function withMoved(moved: readonly MovedNode[], node: MovedNode): MovedNode[] {
  const rounded = { id: node.id, x: Math.round(node.x), y: Math.round(node.y) };
  return boundMoved([...moved.filter((entry) => entry.id !== node.id), rounded]);
}

/** Drops the oldest entries until the list fits in MAX_MOVED entries and MAX_MOVED_CHARS characters. */
export function boundMoved(moved: readonly MovedNode[]): MovedNode[] {
  const kept: MovedNode[] = [];
  let length = 0;
  for (let i = moved.length - 1; i >= 0 && kept.length < MAX_MOVED; i--) {
    const cost = movedEntry(moved[i]).length + (kept.length > 0 ? 1 : 0);
    if (length + cost > MAX_MOVED_CHARS) break;
    length += cost;
    kept.unshift(moved[i]);
  }
  return kept;
}

function decodeMoved(value: string | null): MovedNode[] {
  const byId = new Map<string, MovedNode>();
  for (const item of list(value)) {
    const match = /^([a-z0-9][a-z0-9-]*)_(-?\d{1,7})_(-?\d{1,7})$/.exec(item);
    if (!match || !isId(match[1])) continue;
    const x = Number(match[2]);
    const y = Number(match[3]);
    if (Math.abs(x) > COORDINATE_LIMIT || Math.abs(y) > COORDINATE_LIMIT) continue;
    byId.delete(match[1]);
    byId.set(match[1], { id: match[1], x, y });
  }
  return boundMoved([...byId.values()]);
}

/** The state as a query string (without "?"), only what differs from the default, in a fixed order. */
export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.selected) params.set('sel', state.selected);
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.hideUndated) params.set('undated', 'hide');
  if (state.hiddenKinds.length > 0) params.set('hideKinds', state.hiddenKinds.join(','));
  if (state.hiddenTypes.length > 0) params.set('hideTypes', state.hiddenTypes.join(','));
  if (state.hiddenNodes.length > 0) params.set('hide', state.hiddenNodes.join(','));
  if (state.focus) {
    params.set('focus', state.focus.id);
    params.set('depth', String(state.focus.depth));
  }
  if (state.path) {
    const path = state.path;
    params.set('from', path.from);
    params.set('to', path.to);
    if (path.k !== PATH_DEFAULTS.k) params.set('k', String(path.k));
    if (path.types.length > 0) params.set('via', path.types.join(','));
    if (path.directed) params.set('directed', '1');
    if (path.avoid.length > 0) params.set('avoid', path.avoid.join(','));
    if (path.chronological) params.set('chrono', '1');
  }
  if (state.moved.length > 0) params.set('pos', boundMoved(state.moved).map(movedEntry).join(','));
  return params.toString().replace(/%2C/g, ',');
}

/** Reads a query string (with or without "?"); anything malformed is dropped, never trusted. */
export function decodeViewState(search: string): ViewState {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const asOf = params.get('asOf');
  const focusId = idOrNull(params.get('focus'));
  const from = idOrNull(params.get('from'));
  const to = idOrNull(params.get('to'));
  return {
    selected: idOrNull(params.get('sel')),
    asOf: asOf !== null && isPartialDate(asOf) ? asOf : null,
    hideUndated: params.get('undated') === 'hide',
    hiddenKinds: oneOf(ENTITY_KINDS, list(params.get('hideKinds'))),
    hiddenTypes: oneOf(RELATION_TYPES, list(params.get('hideTypes'))),
    hiddenNodes: [...new Set(list(params.get('hide')).filter(isId))],
    focus: focusId ? { id: focusId, depth: intIn(params.get('depth'), 1, MAX_FOCUS_DEPTH, 1) } : null,
    path:
      from && to
        ? {
            from,
            to,
            k: intIn(params.get('k'), 1, PATH_DEFAULTS.maxK, PATH_DEFAULTS.k),
            types: oneOf(RELATION_TYPES, list(params.get('via'))),
            directed: params.get('directed') === '1',
            avoid: [...new Set(list(params.get('avoid')).filter(isId))],
            chronological: params.get('chrono') === '1',
          }
        : null,
    moved: decodeMoved(params.get('pos')),
  };
}
