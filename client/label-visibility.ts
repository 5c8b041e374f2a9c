import type { Core, NodeSingular } from 'cytoscape';
import { orderEmphasised } from './emphasis';
import { overlaps, type Rect } from './label-placement';
import { restyle } from './restyle';
import { LABEL_FONT_SIZE, LABEL_SCALE_STEP, LABEL_SCALE_STEPS, MIN_LABEL_PX } from './style';

/**
 * Keeps labels readable at any zoom: when zoomed out so far that 12 px labels would be drawn smaller than MIN_LABEL_PX,
 * labels grow (classes `ls-1` … `ls-12`) so they are drawn at MIN_LABEL_PX; labels that would then overlap a more
 * important label or another node are hidden (`label-hidden`) until hovered or zoomed in. Important: the selection and
 * what is emphasised around it, then entities with more relationships.
 */

/** The label scale step for a zoom: 0 when labels are readable as they are. */
export function labelScaleStep(zoom: number): number {
  const needed = MIN_LABEL_PX / (LABEL_FONT_SIZE * zoom);
  if (needed <= 1) return 0;
  return Math.min(LABEL_SCALE_STEPS, Math.ceil((needed - 1) / LABEL_SCALE_STEP - 1e-9));
}

export interface LabelCandidate {
  readonly id: string;
  readonly label: Rect;
  readonly body: Rect;
  /** Shown whatever it overlaps (the selection and what is emphasised). */
  readonly keep: boolean;
}

/** The labels to hide: candidates in priority order; a label is hidden when it overlaps a shown label or another node. */
export function labelsToHide(candidates: readonly LabelCandidate[]): Set<string> {
  const hidden = new Set<string>();
  const shown: Rect[] = [];
  for (const candidate of candidates) {
    const blocked =
      !candidate.keep &&
      (shown.some((box) => overlaps(box, candidate.label)) || candidates.some((other) => other.id !== candidate.id && overlaps(other.body, candidate.label)));
    if (blocked) hidden.add(candidate.id);
    else shown.push(candidate.label);
  }
  return hidden;
}

/** Past this many drawn nodes, labels are not decluttered (Cytoscape still hides labels drawn too small to read). */
const MAX_DECLUTTERED_NODES = 1500;

export function readableLabels(cy: Core): { refresh(): void } {
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
    const nodes = cy.nodes(':visible');
    if (nodes.length <= MAX_DECLUTTERED_NODES) {
      const priority = (node: NodeSingular) => (node.selected() ? 3 : node.hasClass('near') || node.hasClass('on-path') ? 2 : node.hasClass('dimmed') || node.hasClass('faded') ? 0 : 1);
      const ordered = nodes
        .toArray()
        .map((node) => node as NodeSingular)
        .sort((a, b) => priority(b) - priority(a) || b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1));
      const candidates: LabelCandidate[] = ordered.map((node) => ({
        id: node.id(),
        label: node.boundingBox({ includeNodes: false, includeLabels: true, includeEdges: false, includeOverlays: false }),
        body: node.boundingBox({ includeNodes: true, includeLabels: false, includeEdges: false, includeOverlays: false }),
        keep: priority(node) >= 2,
      }));
      const hidden = labelsToHide(candidates);
      cy.batch(() => nodes.forEach((node) => void node.toggleClass('label-hidden', hidden.has(node.id()))));
    }
    orderEmphasised(cy);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 60);
  };
  cy.on('viewport add remove dragfree select unselect', schedule);
  return { refresh: schedule };
}
