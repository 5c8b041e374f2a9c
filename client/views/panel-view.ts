import type { RelationType } from '../../src/model/relation-rules';
import { MAX_FOCUS_DEPTH } from '../url-state';
import { formatDates } from '../mapping';
import { kindLabel, typeLabel } from '../style';
import type { ApiEntity, ApiEntityDetail, ApiRelationship } from '../types';
import { append, clear, h, type Child } from './dom';
import { evidenceList, relationshipFacts } from './evidence-view';

export interface PanelActions {
  readonly onSelect: (id: string) => void;
  readonly onExpand: (id: string, types: RelationType[]) => void;
  readonly onHide: (id: string) => void;
  readonly onFocus: (id: string, depth: number) => void;
  /** The next page of the shown entity's relationships, for an entity with more than one page. */
  readonly onMoreRelationships: (entity: ApiEntityDetail) => void;
  readonly onClose: () => void;
}

/** What the panel needs to know of the view besides the entity. */
export interface PanelContext {
  /** The ego network in use, if any. */
  readonly focus?: { readonly id: string; readonly depth: number } | null;
}

export interface PanelView {
  /** Shows an entity; the panel scrolls back to its top when the entity is not the one already shown. */
  showEntity(entity: ApiEntityDetail, asOf: string | null, relationTypes: readonly RelationType[], context?: PanelContext): void;
  showRelationship(relationship: ApiRelationship, source: ApiEntity | null, target: ApiEntity | null): void;
  showMessage(text: string): void;
  hide(): void;
  /** Moves keyboard focus to the panel's title (after a choice in the search box). */
  focusTitle(): void;
}

/** How many relationships the panel asks for at a time (the API's default page). */
export const RELATIONSHIP_PAGE = 100;

/** "12", or "100 of 1,234" when the panel lists only some of them. */
function shownOf(entity: ApiEntityDetail): string {
  const listed = entity.relationships.length;
  const all = entity.degree ?? listed;
  return all > listed ? `${listed.toLocaleString('en-US')} of ${all.toLocaleString('en-US')}` : String(listed);
}

/** The side panel: the selected entity (with its relationships grouped by type and their evidence) or relationship. */
export function panelView(container: HTMLElement, actions: PanelActions): PanelView {
  /** The id of what is shown, so a new choice starts at the top and a refresh of the same one keeps the reader's place. */
  let shown: string | null = null;
  const show = (id: string | null, ...children: Child[]) => {
    const scroller = container.closest<HTMLElement>('.details') ?? container.parentElement;
    // Emptying the panel would scroll the column back: keep the place to restore it for the same entity.
    const place = scroller?.scrollTop ?? 0;
    clear(container);
    const close = h('button', { type: 'button', className: 'icon-button panel-close', 'aria-label': 'Close the details' }, '×');
    close.addEventListener('click', () => actions.onClose());
    append(container, close, ...children);
    container.hidden = false;
    if (scroller) {
      if (id !== shown) scrollToTop(scroller);
      else scroller.scrollTop = place;
    }
    shown = id;
  };
  /** Scrolls the column the panel is in to its top, or to the panel's top when something (path results) is above it. */
  const scrollToTop = (scroller: HTMLElement) => {
    const above = container.previousElementSibling;
    if (!(above instanceof HTMLElement) || above.hidden) {
      scroller.scrollTop = 0;
      return;
    }
    const offset = container.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    scroller.scrollTop = Math.max(0, scroller.scrollTop + offset - 8);
  };

  const entityLink = (entity: { id: string; name?: string }) => {
    const button = h('button', { type: 'button', className: 'link-button' }, entity.name ?? entity.id);
    button.addEventListener('click', () => actions.onSelect(entity.id));
    return button;
  };

  const entityActions = (entity: ApiEntityDetail, relationTypes: readonly RelationType[], focus: PanelContext['focus']) => {
    const typeSelect = h('select', { id: 'expand-type', 'aria-label': 'Relation type to expand through' }, h('option', { value: '' }, 'all relation types'), ...relationTypes.map((type) => h('option', { value: type }, typeLabel(type))));
    const expand = h('button', { type: 'button' }, 'Expand');
    expand.addEventListener('click', () => actions.onExpand(entity.id, typeSelect.value ? [typeSelect.value as RelationType] : []));
    // The depth in use: this entity's ego network when it is the one shown, else the depth of the one shown.
    const depth = focus?.depth ?? 1;
    const focused = focus?.id === entity.id;
    const depthSelect = h(
      'select',
      { id: 'focus-depth', 'aria-label': 'Depth of the ego network', 'aria-describedby': focused ? 'focus-note' : null },
      ...Array.from({ length: MAX_FOCUS_DEPTH }, (_, i) => h('option', { value: String(i + 1), selected: i + 1 === depth }, `${i + 1} hop${i ? 's' : ''}`)),
    );
    depthSelect.value = String(depth);
    const focusButton = h('button', { type: 'button' }, focused ? 'Change depth' : 'Show only its network');
    focusButton.addEventListener('click', () => actions.onFocus(entity.id, Number(depthSelect.value)));
    const note = focused ? h('p', { id: 'focus-note', className: 'focus-note' }, `Showing only its network: entities within ${depth} hop${depth === 1 ? '' : 's'}. Reset shows the whole network.`) : null;
    const hide = h('button', { type: 'button' }, 'Hide');
    hide.addEventListener('click', () => actions.onHide(entity.id));
    return h(
      'div',
      { className: 'panel-actions', role: 'group', 'aria-label': 'Actions on this entity' },
      h('div', { className: 'action-row' }, h('label', { for: 'expand-type', className: 'visually-hidden' }, 'Expand through'), typeSelect, expand),
      h('div', { className: 'action-row' }, h('label', { for: 'focus-depth', className: 'visually-hidden' }, 'Depth'), depthSelect, focusButton),
      note,
      h('div', { className: 'action-row' }, hide),
    );
  };

  /** A button for the next page when the entity has more relationships than the panel has (the panel asks for a page at a time). */
  const moreRelationships = (entity: ApiEntityDetail) => {
    const left = (entity.degree ?? 0) - entity.relationships.length;
    if (left <= 0) return null;
    const button = h('button', { type: 'button', className: 'more-relationships' }, `Show ${Math.min(left, RELATIONSHIP_PAGE)} more of ${left.toLocaleString('en-US')} not listed`);
    button.addEventListener('click', () => {
      button.disabled = true;
      actions.onMoreRelationships(entity);
    });
    return button;
  };

  return {
    showEntity(entity, asOf, relationTypes, context = {}) {
      const dates = formatDates(entity.start, entity.end, entity.kind === 'EVENT' ? 'EVENT' : 'SPAN');
      const aliases = entity.aliasDetails?.map((alias) => (alias.lang ? `${alias.name} (${alias.lang})` : alias.name)) ?? [...entity.aliases];
      const groups = new Map<RelationType, ApiRelationship[]>();
      for (const relationship of entity.relationships) {
        const list = groups.get(relationship.type) ?? [];
        list.push(relationship);
        groups.set(relationship.type, list);
      }
      const sections = [...groups.entries()].map(([type, relationships]) =>
        h(
          'section',
          { className: 'relation-group' },
          h('h4', {}, `${typeLabel(type)} (${relationships.length})`),
          h(
            'ul',
            { className: 'relation-list' },
            ...relationships.map((relationship) => {
              const outgoing = relationship.source.id === entity.id;
              const other = outgoing ? relationship.target : relationship.source;
              return h(
                'li',
                { className: 'relation-item' },
                h('p', { className: 'relation-line' }, outgoing ? `${entity.name} ${typeLabel(type)} ` : '', entityLink(other), outgoing ? '' : ` ${typeLabel(type)} ${entity.name}`),
                relationshipFacts(relationship),
                evidenceList(relationship),
              );
            }),
          ),
        ),
      );
      show(
        entity.id,
        h('h2', { tabindex: '-1', className: 'panel-title' }, entity.name),
        h('p', { className: 'panel-kind' }, h('span', { className: `kind-dot kind-${entity.kind.toLowerCase()}`, 'aria-hidden': 'true' }), kindLabel(entity.kind), dates ? ` · ${dates}` : ''),
        aliases.length > 0 ? h('p', { className: 'aliases' }, h('span', { className: 'muted' }, 'Also known as: '), aliases.join(' · ')) : null,
        entity.description ? h('p', { className: 'description' }, entity.description) : null,
        entityActions(entity, relationTypes, context.focus ?? null),
        h('h3', {}, `Relationships${asOf ? ` as of ${asOf}` : ''} (${shownOf(entity)})`),
        ...(sections.length > 0 ? sections : [h('p', { className: 'muted' }, 'None.')]),
        moreRelationships(entity),
      );
    },
    showRelationship(relationship, source, target) {
      const sourceRef = source ?? relationship.source;
      const targetRef = target ?? relationship.target;
      show(
        relationship.id,
        h('h2', { tabindex: '-1', className: 'panel-title' }, `${sourceRef.name ?? sourceRef.id} ${typeLabel(relationship.type)} ${targetRef.name ?? targetRef.id}`),
        h('p', { className: 'panel-kind' }, `Relationship · ${typeLabel(relationship.type)}`),
        h('p', { className: 'relation-line' }, entityLink(sourceRef), ` ${typeLabel(relationship.type)} `, entityLink(targetRef)),
        relationshipFacts(relationship),
        h('h3', {}, 'Evidence'),
        evidenceList(relationship),
      );
    },
    showMessage(text) {
      show(null, h('p', { className: 'muted' }, text));
    },
    hide() {
      clear(container);
      container.hidden = true;
      shown = null;
    },
    focusTitle() {
      container.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    },
  };
}
