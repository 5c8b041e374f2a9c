import type { StylesheetJson } from 'cytoscape';
import { ENTITY_KIND_DEFINITIONS, ENTITY_KINDS, type EntityKind } from '../src/model/kinds';
import type { RelationType } from '../src/model/relation-rules';
import { LABEL_GAP } from './label-placement';
import type { ApiRelationRule } from './types';

/**
 * The look of the graph as data: one entry per entity kind and relation type (typed as total records, so a new kind
 * or type fails to compile until it has a style), the Cytoscape stylesheet built from them, and the legend.
 */

export type NodeShape = 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'star' | 'round-triangle' | 'octagon';

export interface KindStyle {
  readonly label: string;
  readonly color: string;
  readonly shape: NodeShape;
  /** Node diameter in model pixels. */
  readonly size: number;
}

export interface TypeStyle {
  readonly label: string;
  readonly color: string;
}

export const KIND_STYLES: Readonly<Record<EntityKind, KindStyle>> = {
  PERSON: { label: 'Person', color: '#e8a33d', shape: 'ellipse', size: 22 },
  ORGANIZATION: { label: 'Organization', color: '#4e79a7', shape: 'round-rectangle', size: 26 },
  STATE: { label: 'State', color: '#3f9a55', shape: 'hexagon', size: 34 },
  LOCATION: { label: 'Location', color: '#9c755f', shape: 'diamond', size: 24 },
  EVENT: { label: 'Event', color: '#d9434a', shape: 'star', size: 30 },
};

export const TYPE_STYLES: Readonly<Record<RelationType, TypeStyle>> = {
  LEADS: { label: 'leads', color: '#2f5fb3' },
  MEMBER_OF: { label: 'member of', color: '#7b9be0' },
  PART_OF: { label: 'part of', color: '#8a8a8a' },
  BACKS: { label: 'backs', color: '#1f9e3a' },
  SUPPLIED: { label: 'supplied', color: '#12a4b5' },
  ALLIED_WITH: { label: 'allied with', color: '#93c02f' },
  OPPOSED: { label: 'opposed', color: '#c0392b' },
  FRONT_FOR: { label: 'front for', color: '#8e5cc4' },
  CONTROLS: { label: 'controls', color: '#7a4a2a' },
  LOCATED_AT: { label: 'located at', color: '#c8ab83' },
  PERPETRATED: { label: 'perpetrated', color: '#d2549f' },
  TARGETED: { label: 'targeted', color: '#f28e2b' },
  ATTACKED: { label: 'attacked', color: '#8b0000' },
  KILLED: { label: 'killed', color: '#222222' },
  KIDNAPPED: { label: 'kidnapped', color: '#a3a01c' },
  THREATENED: { label: 'threatened', color: '#f08080' },
};

/** What the client says of a relationship without dates, wherever it says it (panel, hover, legend). */
export const UNDATED_TEXT = 'undated: always shown';

/** How special states of the view look; the legend explains the ones an analyst needs to read the graph. */
export const MARKS = {
  disputed: { label: 'disputed claim', color: '#c0392b', description: 'Dashed with a hollow diamond: the claim contradicts well-established fact; see its evidence.' },
  undated: {
    label: UNDATED_TEXT,
    color: '#6b7280',
    description: 'No start or end date, so the as-of rule shows it at every date; dotted while a date is set. Untick "undated" under Time to hide these.',
  },
  path: { label: 'on a found path', color: '#ffb000', description: 'Thick and bright; everything else is faded.' },
  selected: { color: '#111111' },
} as const;

const DEFAULT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Model size of node labels, and of the labels of emphasised edges (hovered, selected, on a path, around a selection). */
export const LABEL_FONT_SIZE = 12;
/** Smallest label, in screen pixels, the client draws on purpose (label-visibility.ts scales labels up to keep it). */
export const MIN_LABEL_PX = 11;
const NODE_LABEL_WIDTH = 100;
/** Label scale steps (1.1, 1.2, … ×), applied as classes `ls-1` … by label-visibility.ts when zoomed out. */
export const LABEL_SCALE_STEPS = 12;
export const LABEL_SCALE_STEP = 0.1;

/**
 * Drawing order (every element compared by z-index): what is emphasised is drawn over everything else, and among
 * emphasised elements emphasis.ts sets an order (from `emphasised` up) in which no label is drawn over.
 */
export const Z = { fadedEdge: 1, fadedNode: 2, edge: 10, node: 20, hover: 25, nearNode: 30, selectedNode: 35, nearEdge: 40, emphasised: 100, selectedEdge: 1_000_000 } as const;

const EMPHASISED_EDGES = ['edge.hover', 'edge.on-path', 'edge.near', 'edge:selected'];

export function stylesheet(): StylesheetJson {
  const kindRules = ENTITY_KINDS.map((kind) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': KIND_STYLES[kind].color, shape: KIND_STYLES[kind].shape, width: KIND_STYLES[kind].size, height: KIND_STYLES[kind].size },
  }));
  const typeRules = (Object.keys(TYPE_STYLES) as RelationType[]).map((type) => ({
    selector: `edge[type = "${type}"]`,
    style: { 'line-color': TYPE_STYLES[type].color, 'target-arrow-color': TYPE_STYLES[type].color, 'mid-target-arrow-color': TYPE_STYLES[type].color },
  }));
  const scaleRules = Array.from({ length: LABEL_SCALE_STEPS }, (_, i) => {
    const scale = 1 + (i + 1) * LABEL_SCALE_STEP;
    return [
      { selector: `node.ls-${i + 1}`, style: { 'font-size': LABEL_FONT_SIZE * scale, 'text-max-width': `${Math.round(NODE_LABEL_WIDTH * scale)}px` } },
      { selector: EMPHASISED_EDGES.map((selector) => `${selector}.ls-${i + 1}`).join(', '), style: { 'font-size': LABEL_FONT_SIZE * scale } },
    ];
  }).flat();
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': DEFAULT_FONT,
        'font-size': LABEL_FONT_SIZE,
        color: '#1d2330',
        'text-wrap': 'wrap',
        'text-max-width': `${NODE_LABEL_WIDTH}px`,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': LABEL_GAP,
        // Opaque, and nodes are drawn over edges: an edge that passes a label goes under it, never through its text.
        'text-background-color': '#ffffff',
        'text-background-opacity': 1,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': MIN_LABEL_PX - 1,
        'border-width': 1,
        'border-color': '#ffffff',
        'overlay-padding': 4,
        'z-index-compare': 'manual',
        'z-index': Z.node,
      },
    },
    ...kindRules,
    // Label sides chosen by label-placement.ts so that edges do not run through labels.
    { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': -LABEL_GAP } },
    { selector: 'node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-justification': 'left', 'text-margin-y': 0, 'text-margin-x': LABEL_GAP } },
    { selector: 'node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-justification': 'right', 'text-margin-y': 0, 'text-margin-x': -LABEL_GAP } },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        opacity: 0.8,
        label: 'data(label)',
        'font-family': DEFAULT_FONT,
        'font-size': 7,
        color: '#333a48',
        // One line: Cytoscape clips wrapped labels that are rotated along their edge.
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        // Edge labels appear only when zoomed in enough for them to be readable (or when emphasised, below).
        'min-zoomed-font-size': MIN_LABEL_PX,
        'z-index-compare': 'manual',
        'z-index': Z.edge,
      },
    },
    ...typeRules,
    { selector: 'edge[?symmetric]', style: { 'target-arrow-shape': 'none' } },
    { selector: 'edge[temporality = "EVENT"]', style: { width: 1.8 } },
    { selector: 'edge.undated-at-date', style: { 'line-style': 'dotted' } },
    {
      selector: 'edge[?disputed]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 3], 'mid-target-arrow-shape': 'diamond', 'mid-target-arrow-fill': 'hollow', 'arrow-scale': 1 },
    },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: '.faded, .dimmed', style: { opacity: 0.12, 'text-opacity': 0.15, 'z-index': Z.fadedEdge } },
    { selector: 'node.faded, node.dimmed', style: { 'z-index': Z.fadedNode } },
    { selector: EMPHASISED_EDGES.join(', '), style: { 'font-size': LABEL_FONT_SIZE, 'min-zoomed-font-size': 0, 'text-background-opacity': 1, opacity: 1, 'text-opacity': 1 } },
    { selector: 'edge.hover', style: { label: 'data(hoverLabel)', width: 3, 'z-index': Z.hover } },
    { selector: 'node.hover', style: { 'border-width': 2, 'border-color': '#333333', 'text-opacity': 1, 'z-index': Z.hover } },
    { selector: 'node.near', style: { opacity: 1, 'text-opacity': 1, 'z-index': Z.nearNode } },
    { selector: 'edge.near', style: { width: 2.6, 'z-index': Z.nearEdge } },
    { selector: 'node.on-path', style: { opacity: 1, 'text-opacity': 1, 'border-width': 4, 'border-color': MARKS.path.color, 'z-index': Z.nearNode } },
    { selector: 'edge.on-path', style: { width: 5, 'z-index': Z.nearEdge, 'underlay-color': MARKS.path.color, 'underlay-opacity': 0.55, 'underlay-padding': 4 } },
    // Labels label-visibility.ts hid because they would overlap others at this zoom; hovering shows them.
    { selector: '.label-hidden', style: { 'text-opacity': 0 } },
    { selector: '.label-hidden.hover', style: { 'text-opacity': 1 } },
    // Its label moved nearer an end (edge-labels.ts), where it is drawn as a source or target label.
    { selector: 'edge.label-moved', style: { label: '' } },
    ...scaleRules,
    { selector: 'node.ego-root', style: { 'border-width': 4, 'border-color': '#555555' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': MARKS.selected.color, 'text-opacity': 1, 'z-index': Z.selectedNode } },
    { selector: 'edge:selected', style: { width: 4, 'z-index': Z.selectedEdge } },
  ] as StylesheetJson;
}

export interface LegendKind {
  readonly kind: EntityKind;
  readonly label: string;
  readonly color: string;
  readonly shape: NodeShape;
  readonly definition: string;
}

export interface LegendType {
  readonly type: RelationType;
  readonly label: string;
  readonly color: string;
  readonly symmetric: boolean;
  readonly definition: string;
  readonly reading: string;
}

export interface Legend {
  readonly kinds: readonly LegendKind[];
  readonly types: readonly LegendType[];
  readonly marks: readonly { readonly id: 'disputed' | 'undated' | 'path'; readonly label: string; readonly color: string; readonly description: string }[];
}

/** The legend: every kind, every relation type the API knows (in its order, with its definition), and the marks. */
export function legend(rules: readonly ApiRelationRule[]): Legend {
  return {
    kinds: ENTITY_KINDS.map((kind) => ({ kind, ...KIND_STYLES[kind], definition: ENTITY_KIND_DEFINITIONS[kind] })),
    types: rules.map((rule) => ({
      type: rule.type,
      label: TYPE_STYLES[rule.type]?.label ?? rule.type.toLowerCase(),
      color: TYPE_STYLES[rule.type]?.color ?? '#999999',
      symmetric: rule.symmetric,
      definition: rule.definition,
      reading: rule.reading,
    })),
    marks: [
      { id: 'disputed', ...MARKS.disputed },
      { id: 'undated', ...MARKS.undated },
      { id: 'path', ...MARKS.path },
    ],
  };
}

export function typeLabel(type: RelationType): string {
  return TYPE_STYLES[type]?.label ?? type.toLowerCase().replace(/_/g, ' ');
}

export function kindLabel(kind: EntityKind): string {
  return KIND_STYLES[kind]?.label ?? kind;
}
