import type { CollectionReturnValue, EdgeCollection, NodeCollection } from 'cytoscape';

/**
 * Applies the stylesheet to elements whose classes just changed. Cytoscape applies styles lazily; a bounding box asked
 * for before that (a fit, a label box) is computed with the old label size and kept, and labels are then drawn into
 * textures of the old size: clipped. Reading a style applies it first, so the boxes are computed from the new one.
 */
export function restyle(elements: CollectionReturnValue | NodeCollection | EdgeCollection): void {
  (elements as CollectionReturnValue).forEach((element) => void element.style('label'));
}
