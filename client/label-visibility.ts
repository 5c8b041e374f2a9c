import type { Core, EdgeSingular, NodeSingular, SingularElementArgument } from 'cytoscape';
import { edgeLine, orderEmphasised, placeEmphasisedEdgeLabels } from './emphasis';
import { edgeLabelShape } from './edge-labels';
import { corners, polygonsOverlap, type Polygon } from './geometry';
import { restyle } from './restyle';
import { LABEL_FONT_SIZE, LABEL_SCALE_STEP, LABEL_SCALE_STEPS, MIN_LABEL_PX } from './style';

/**
 * Keeps labels readable at any zoom: when zoomed out so far that 12 px labels would be drawn smaller than MIN_LABEL_PX,
 * labels grow (classes `ls-1` … `ls-12`) so they are drawn at MIN_LABEL_PX; labels that would then overlap a more
 * important label or another node are hidden (`label-hidden`) until hovered or zoomed in. Most important: the selection
 * and the entities on a found path (always shown), then the neighbours of the selection, then entities with more
 * relationships.
 */

/** The label scale step for a zoom: 0 when labels are readable as they are. */
export function labelScaleStep(zoom: number): number {
  const needed = MIN_LABEL_PX / (LABEL_FONT_SIZE * zoom);
  if (needed <= 1) return 0;
  return Math.min(LABEL_SCALE_STEPS, Math.ceil((needed - 1) / LABEL_SCALE_STEP - 1e-9));
}

export interface LabelCandidate {
  readonly id: string;
  /** The label: a box, or a box turned along its edge. */
  readonly label: Polygon;
  /** A node's body (no label may cover it); none for an edge or a faded node. */
  readonly body?: Polygon;
  /** Shown whatever it overlaps (the selection and what is emphasised). */
  readonly keep: boolean;
}

/** The labels to hide: candidates in priority order; a label is hidden when it overlaps a shown label or another node. */
export function labelsToHide(candidates: readonly LabelCandidate[]): Set<string> {
  const hidden = new Set<string>();
  const shown: Polygon[] = [];
  for (const candidate of candidates) {
    const blocked =
      !candidate.keep &&
      (shown.some((label) => polygonsOverlap(label, candidate.label)) ||
        candidates.some((other) => other.id !== candidate.id && other.body !== undefined && polygonsOverlap(other.body, candidate.label)));
    if (blocked) hidden.add(candidate.id);
    else shown.push(candidate.label);
  }
  return hidden;
}

/** Whose label wins where labels would overlap: the selection, what is on a path, then around the selection, then the rest. */
function labelPriority(element: SingularElementArgument): number {
  if (element.selected()) return 6;
  if (element.hasClass('on-path')) return element.isNode() ? 5 : 4;
  if (element.hasClass('near')) return element.isNode() ? 3 : 2;
  return element.hasClass('dimmed') || element.hasClass('faded') ? 0 : 1;
}

function degree(element: SingularElementArgument): number {
  return element.isNode() ? (element as NodeSingular).degree(false) : 0;
}

/** Past this many drawn nodes, labels are not decluttered (Cytoscape still hides labels drawn too small to read). */
const MAX_DECLUTTERED_NODES = 1500;

export interface ReadableLabels {
  /** Checks the labels again soon (after the drawn elements or the emphasis changed). */
  refresh(): void;
  /** Whether a check is due (for tests that read what is drawn). */
  readonly pending: boolean;
}

export function readableLabels(cy: Core): ReadableLabels {
  let step = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    const next = labelScaleStep(cy.zoom());
    if (next !== step) {
      cy.batch(() => {
        if (step > 0) cy.elements().removeClass(`ls-${step}`);
        if (next > 0) cy.elements().addClass(`ls-${next}`);
      });
      restyle(cy.elements());
      step = next;
    }
    placeEmphasisedEdgeLabels(cy);
    const nodes = cy.nodes(':visible');
    if (nodes.length <= MAX_DECLUTTERED_NODES) {
      // Labels of emphasised edges take part too (those on a path are always shown); other edges show no label here.
      const edges = cy.edges('.near, .on-path').filter((edge) => edge.visible());
      const ordered = nodes
        .union(edges)
        .toArray()
        .sort((a, b) => labelPriority(b) - labelPriority(a) || degree(b) - degree(a) || (a.id() < b.id() ? -1 : 1));
      const candidates: LabelCandidate[] = [];
      for (const element of ordered) {
        const line = element.isEdge() ? edgeLine(element as EdgeSingular) : null;
        const box = element.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
        const label = line ? edgeLabelShape(element as EdgeSingular, line) : box.w > 0 && box.h > 0 ? corners(box) : null;
        if (!label) continue;
        candidates.push({
          id: element.id(),
          label,
          // A node's body is kept clear of labels, unless faded (a path or a selection is being read).
          body: element.isNode() && labelPriority(element) > 0 ? corners(element.boundingBox({ includeNodes: true, includeLabels: false, includeEdges: false, includeOverlays: false })) : undefined,
          keep: element.selected() || element.hasClass('on-path'),
        });
      }
      const hidden = labelsToHide(candidates);
      cy.batch(() => {
        cy.elements().removeClass('label-hidden');
        for (const id of hidden) cy.getElementById(id).addClass('label-hidden');
      });
    }
    orderEmphasised(cy);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      update();
    }, 60);
  };
  cy.on('viewport add remove dragfree select unselect', schedule);
  return {
    refresh: schedule,
    get pending() {
      return timer !== undefined;
    },
  };
}
