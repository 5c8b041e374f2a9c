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

export interface ViewState {
  /** Id of the selected entity or relationship. */
  readonly selected: string | null;
  /** The date the network is shown as of (YYYY-MM-DD); null for all dates. */
  readonly asOf: string | null;
  readonly hiddenKinds: readonly EntityKind[];
  readonly hiddenTypes: readonly RelationType[];
  /** Entities the analyst hid. */
  readonly hiddenNodes: readonly string[];
  /** Show only this entity's ego network. */
  readonly focus: { readonly id: string; readonly depth: number } | null;
  /** The last path search; it runs again when the link opens. */
  readonly path: PathOptions | null;
}

export const DEFAULT_VIEW: ViewState = { selected: null, asOf: null, hiddenKinds: [], hiddenTypes: [], hiddenNodes: [], focus: null, path: null };

export const PATH_DEFAULTS = { k: 3, maxK: 10, directed: false, chronological: false } as const;
export const MAX_FOCUS_DEPTH = 4;

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

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

/** The state as a query string (without "?"), only what differs from the default, in a fixed order. */
export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.selected) params.set('sel', state.selected);
  if (state.asOf) params.set('asOf', state.asOf);
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
    asOf: asOf !== null && DATE.test(asOf) ? asOf : null,
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
  };
}
