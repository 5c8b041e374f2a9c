import { ApiError } from '../api';
import type { EditApi } from '../edit-api';
import type { RelationshipRef } from '../edit-types';
import { countOf } from '../record-form';
import { typeLabel } from '../style';
import { openDialog } from './dialog';
import { append, clear, h } from './dom';
import { busy } from './form-fields';

const describe = (relationship: RelationshipRef) => `${relationship.source.name} ${typeLabel(relationship.type)} ${relationship.target.name}`;

/**
 * Asks before deleting an entity, listing every relationship the delete removes with it (cascade); the server is told
 * which ones were shown and refuses if the entity has others by then, so nothing goes that the analyst did not see.
 */
export async function confirmDeleteEntity(api: EditApi, id: string, onDeleted: (message: string) => void): Promise<void> {
  let entity = await api.entity(id);
  if (!entity) {
    onDeleted('That entity is already gone.');
    return;
  }
  const list = h('div', { className: 'cascade' });
  const message = h('p', { className: 'form-message', role: 'alert' });
  const confirm = h('button', { type: 'button', className: 'danger' }, 'Delete');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const render = () => {
    clear(list);
    const relationships = entity!.relationships;
    confirm.textContent = relationships.length === 0 ? `Delete ${entity!.name}` : `Delete ${entity!.name} and ${countOf(relationships.length, 'relationship')}`;
    append(
      list,
      relationships.length === 0
        ? h('p', {}, `${entity!.name} has no relationships: only the entity is deleted.`)
        : h('p', {}, `Deleting ${entity!.name} also deletes ${relationships.length === 1 ? 'its relationship, with its evidence' : `all ${relationships.length} of its relationships, with their evidence`}:`),
      relationships.length > 0 ? h('ul', { className: 'cascade-list' }, ...relationships.map((relationship) => h('li', { 'data-id': relationship.id }, describe(relationship)))) : null,
      h('p', { className: 'muted' }, 'The history keeps every version: an editor can restore them from it.'),
    );
  };
  render();
  const dialog = openDialog(`Delete ${entity.name}?`, { className: 'delete-dialog' }, list, message, h('div', { className: 'button-row' }, confirm, cancel));
  cancel.addEventListener('click', () => dialog.close());
  confirm.addEventListener('click', () =>
    void busy(confirm, async () => {
      try {
        const result = await api.deleteEntity(entity!.id, entity!.version, entity!.relationships.map((relationship) => relationship.id));
        dialog.close();
        onDeleted(`Deleted ${entity!.name}${result.deletedRelationships.length > 0 ? ` and ${countOf(result.deletedRelationships.length, 'relationship')}` : ''}.`);
      } catch (error) {
        const fresh = await api.entity(id);
        if (!fresh) {
          dialog.close();
          onDeleted(`${entity!.name} was deleted by someone else meanwhile.`);
          return;
        }
        entity = fresh;
        render();
        message.textContent =
          error instanceof ApiError && (error.code === 'CONFLICT' || error.extensions.argument === 'expectedRelationships')
            ? 'It changed while you were deciding: here is what the delete removes now. Confirm again.'
            : `Could not delete: ${(error as Error).message}`;
      }
    }),
  );
  cancel.focus();
}

/** Asks before deleting a relationship (with its evidence). */
export async function confirmDeleteRelationship(api: EditApi, id: string, onDeleted: (message: string) => void): Promise<void> {
  const relationship = await api.relationship(id);
  if (!relationship) {
    onDeleted('That relationship is already gone.');
    return;
  }
  const name = `${relationship.source.name} ${typeLabel(relationship.type)} ${relationship.target.name}`;
  const message = h('p', { className: 'form-message', role: 'alert' });
  const confirm = h('button', { type: 'button', className: 'danger' }, 'Delete relationship');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const dialog = openDialog(
    'Delete this relationship?',
    { className: 'delete-dialog' },
    h('p', {}, `${name}, with its evidence (${countOf(relationship.evidence.length, 'piece')}).`),
    h('p', { className: 'muted' }, 'The history keeps every version: an editor can restore it from it.'),
    message,
    h('div', { className: 'button-row' }, confirm, cancel),
  );
  cancel.addEventListener('click', () => dialog.close());
  confirm.addEventListener('click', () =>
    void busy(confirm, async () => {
      try {
        await api.deleteRelationship(id, relationship.version);
        dialog.close();
        onDeleted(`Deleted ${name}.`);
      } catch (error) {
        message.textContent = error instanceof ApiError && error.code === 'CONFLICT' ? 'Someone changed it meanwhile: close this, look at it again, then delete.' : `Could not delete: ${(error as Error).message}`;
      }
    }),
  );
  cancel.focus();
}
