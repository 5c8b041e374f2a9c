import type { Core, ElementDefinition, Position } from 'cytoscape';
import type { AnalysisApi, AnalysisFilters, ApiChanges } from './analysis-api';
import { entityToNode, relationshipToEdge } from './mapping';
import type { ApiEntity, ApiRelationship } from './types';

/**
 * Compare mode: the network as of the slider's date against the network as of a pinned date. What is drawn (the
 * slider's date) is marked by class (compare-began / compare-ended, the rest compare-same); what only the other date
 * has is added as a ghost (ids prefixed GHOST, class compare-ghost), placed where it last stood. The graph view's
 * own redraws remove ghosts with everything else they did not ask for; they never touch them otherwise.
 */

export const GHOST = 'ghost:';
const CLASSES = 'compare-began compare-ended compare-same compare-ghost';

export interface Comparison {
  readonly pinned: string;
  readonly current: string;
  readonly changes: ApiChanges;
}

type Mark = 'began' | 'ended';

export class CompareOverlay {
  private pinnedDate: string | null = null;
  private readonly positions = new Map<string, Position>();
  private cache: { key: string; changes: ApiChanges } | null = null;
  private request = 0;
  private last: Comparison | null = null;

  constructor(
    private readonly cy: Core,
    private readonly api: AnalysisApi,
  ) {
    // Where each entity stood when it was last taken off the canvas, so its ghost comes back to the same place.
    cy.on('remove', 'node', (event) => {
      const id = event.target.id() as string;
      if (!id.startsWith(GHOST)) this.positions.set(id, { ...event.target.position() });
    });
  }

  get pinned(): string | null {
    return this.pinnedDate;
  }

  get comparison(): Comparison | null {
    return this.last;
  }

  pin(date: string | null): void {
    this.pinnedDate = date;
    if (!date) this.clear();
  }

  /** Compares the pinned date with `current` (the date drawn) under the filters and marks the canvas; null when there is nothing to compare. */
  async refresh(current: string | null, filters: AnalysisFilters): Promise<Comparison | null> {
    const pinned = this.pinnedDate;
    if (!pinned || !current) {
      this.clear();
      return null;
    }
    const [from, to] = pinned <= current ? [pinned, current] : [current, pinned];
    const key = JSON.stringify([from, to, filters.kinds, filters.types]);
    let changes = this.cache?.key === key ? this.cache.changes : null;
    if (!changes) {
      const request = ++this.request;
      changes = await this.api.changes(from, to, filters);
      if (request !== this.request || this.pinnedDate !== pinned) return null;
      this.cache = { key, changes };
    }
    this.last = { pinned, current, changes };
    this.apply(this.last);
    return this.last;
  }

  clear(): void {
    this.last = null;
    this.cy.batch(() => {
      this.cy.elements().filter((element) => element.id().startsWith(GHOST)).remove();
      this.cy.elements().removeClass(CLASSES);
    });
  }

  private apply({ pinned, current, changes }: Comparison): void {
    // The drawn network is the later one when the slider is after the pinned date: then what ended is the ghost.
    const laterDrawn = current >= pinned;
    this.cy.batch(() => {
      this.cy.elements().filter((element) => element.id().startsWith(GHOST)).remove();
      this.cy.elements().removeClass(CLASSES).addClass('compare-same');
      const entities = new Map<string, ApiEntity>();
      for (const item of [...changes.appeared.items, ...changes.disappeared.items]) entities.set(item.entity.id, item.entity);
      for (const item of [...changes.began.items, ...changes.ended.items]) if (item.via) entities.set(item.via.id, item.via);
      for (const item of changes.appeared.items) this.markEntity(item.entity, 'began', !laterDrawn);
      for (const item of changes.disappeared.items) this.markEntity(item.entity, 'ended', laterDrawn);
      for (const item of changes.began.items) this.markRelationship(item.relationship, 'began', !laterDrawn, entities);
      for (const item of changes.ended.items) this.markRelationship(item.relationship, 'ended', laterDrawn, entities);
    });
  }

  private markEntity(entity: ApiEntity, mark: Mark, ghost: boolean): string | null {
    if (!ghost) {
      const node = this.cy.getElementById(entity.id);
      node.removeClass('compare-same').addClass(`compare-${mark}`);
      return node.nonempty() ? entity.id : null;
    }
    return this.ghostNode(entity, mark);
  }

  private ghostNode(entity: ApiEntity, mark: Mark): string {
    const id = GHOST + entity.id;
    if (this.cy.getElementById(id).nonempty()) return id;
    const definition = entityToNode(entity);
    const position = this.positions.get(entity.id) ?? { x: 0, y: 0 };
    this.cy.add({ ...definition, data: { ...definition.data, id }, position: { ...position }, classes: `compare-${mark} compare-ghost` });
    return id;
  }

  private markRelationship(relationship: ApiRelationship, mark: Mark, ghost: boolean, entities: ReadonlyMap<string, ApiEntity>): void {
    if (!ghost) {
      this.cy.getElementById(relationship.id).removeClass('compare-same').addClass(`compare-${mark}`);
      return;
    }
    const end = (id: string): string | null => {
      if (this.cy.getElementById(id).nonempty()) return id;
      if (this.cy.getElementById(GHOST + id).nonempty()) return GHOST + id;
      const entity = entities.get(id);
      return entity ? this.ghostNode(entity, mark) : null;
    };
    const source = end(relationship.source.id);
    const target = end(relationship.target.id);
    // An end the view does not draw (another neighbourhood, a hidden kind): the ghost cannot be placed.
    if (!source || !target) return;
    const definition: ElementDefinition = relationshipToEdge(relationship);
    this.cy.add({ ...definition, data: { ...definition.data, id: GHOST + relationship.id, source, target }, classes: `compare-${mark} compare-ghost` });
  }
}
