import type { Selection } from '../controller';
import type { EditApi } from '../edit-api';
import type { MergeInfo } from '../edit-types';
import { clear, h } from './dom';

export interface EditToolsActions {
  readonly onEdit: (selection: Selection) => void;
  readonly onDelete: (selection: Selection) => void;
  readonly onHistory: (selection: Selection) => void;
  readonly onMerge: (selection: Extract<Selection, { kind: 'node' }>) => void;
  readonly onNewRelationship: (selection: Extract<Selection, { kind: 'node' }>) => void;
  readonly onAddEvidence: (selection: Extract<Selection, { kind: 'edge' }>) => void;
  readonly onUnmerge: (merge: MergeInfo, keepName: string) => void;
}

export interface EditToolsView {
  /** Shows the tools for the selection: editing ones when `canEdit`, the history whenever the server keeps one. */
  show(selection: Selection | null, access: { readonly editable: boolean; readonly canEdit: boolean }): void;
}

const formatDay = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** The editing strip above the details panel: what can be done to the selected entity or relationship. */
export function editToolsView(container: HTMLElement, api: EditApi, actions: EditToolsActions): EditToolsView {
  let request = 0;
  const button = (label: string, onClick: () => void, className = '') => {
    const element = h('button', { type: 'button', className }, label);
    element.addEventListener('click', onClick);
    return element;
  };
  return {
    show(selection, access) {
      const mine = ++request;
      clear(container);
      container.hidden = !selection || !access.editable;
      if (!selection || !access.editable) return;
      const row = h('div', { className: 'edit-tools-row', role: 'toolbar', 'aria-label': selection.kind === 'node' ? 'Edit this entity' : 'Edit this relationship' });
      if (access.canEdit) row.append(button('Edit', () => actions.onEdit(selection), 'primary'));
      if (access.canEdit && selection.kind === 'node') {
        row.append(button('New relationship', () => actions.onNewRelationship(selection)), button('Merge…', () => actions.onMerge(selection)));
      }
      if (access.canEdit && selection.kind === 'edge') row.append(button('Add evidence', () => actions.onAddEvidence(selection)));
      row.append(button('History', () => actions.onHistory(selection)));
      if (access.canEdit) row.append(button('Delete…', () => actions.onDelete(selection), 'danger'));
      container.append(row);
      if (!access.canEdit || selection.kind !== 'node') return;
      const entity = selection.entity;
      void api.merges(entity.id).then(
        (merges) => {
          const standing = merges.filter((merge) => merge.keep === entity.id && !merge.undoneAt);
          if (mine !== request || standing.length === 0) return;
          container.append(
            h(
              'div',
              { className: 'merged-here' },
              h('h3', {}, 'Merged into this entity'),
              h(
                'ul',
                {},
                ...standing.map((merge) =>
                  h(
                    'li',
                    {},
                    h('span', {}, `${merge.mergedName} (${merge.merged}), by ${merge.actor}, ${formatDay(merge.at)} `),
                    button(`Unmerge ${merge.mergedName}…`, () => actions.onUnmerge(merge, entity.name), 'link-button'),
                  ),
                ),
              ),
            ),
          );
        },
        () => undefined,
      );
    },
  };
}
