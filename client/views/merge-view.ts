import type { EntityKind } from '../../src/model/kinds';
import { ApiError } from '../api';
import type { EditApi } from '../edit-api';
import type { MergeInfo, MergePreview, RelationshipRef } from '../edit-types';
import { countOf } from '../record-form';
import { kindLabel, typeLabel } from '../style';
import { openDialog } from './dialog';
import { append, clear, h } from './dom';
import { entityPicker } from './entity-picker';
import { busy } from './form-fields';

type EntityRef = { readonly id: string; readonly name: string; readonly kind: EntityKind };

const describe = (relationship: RelationshipRef) => `${relationship.source.name} ${typeLabel(relationship.type)} ${relationship.target.name}`;

function section(title: string, items: readonly string[], className: string): HTMLElement | null {
  if (items.length === 0) return null;
  return h('section', { className: `preview-section ${className}` }, h('h3', {}, `${title} (${items.length})`), h('ul', {}, ...items.map((item) => h('li', {}, item))));
}

/** What a merge would do, as the server worked it out: what moves, what is folded, what goes. */
function previewOf(preview: MergePreview): HTMLElement {
  const keep = preview.entity;
  const merged = preview.merged;
  return h(
    'div',
    { className: 'merge-preview', 'aria-live': 'polite' },
    h('p', {}, h('strong', {}, merged.name), ` is deleted; `, h('strong', {}, keep.name), ` keeps its id (${keep.id}) and takes over:`),
    section('Names that become aliases', preview.addedAliases, 'preview-aliases'),
    section('Fields it takes, having none', preview.takenFields, 'preview-fields'),
    section(`Relationships moving to ${keep.name}`, preview.repointed.map(describe), 'preview-repointed'),
    section(
      'Duplicates folded into an existing relationship',
      preview.combined.map((item) => `${describe(item.removed)} → ${describe(item.into)} (+${item.addedEvidence} evidence)`),
      'preview-combined',
    ),
    section('Relationships between the two, removed', preview.dropped.map(describe), 'preview-dropped'),
    preview.addedAliases.length + preview.takenFields.length + preview.repointed.length + preview.combined.length + preview.dropped.length === 0
      ? h('p', { className: 'muted' }, 'Nothing else moves: the duplicate has no relationships or names to give.')
      : null,
    h('p', { className: 'muted' }, 'Unmerge (on the kept entity) undoes it.'),
  );
}

/**
 * Merging a duplicate into an entity: pick the duplicate (same kind), read the preview of what moves, then merge. The
 * versions previewed are sent along, so a change made meanwhile refuses the merge instead of merging something else.
 */
export function openMergeDialog(api: EditApi, initialKeep: EntityRef, onMerged: (message: string, keep: string) => void): void {
  let keep = initialKeep;
  let other: EntityRef | null = null;
  let preview: MergePreview | null = null;
  const heading = h('p', {});
  const previewSlot = h('div', { className: 'preview-slot' });
  const message = h('p', { className: 'form-message', role: 'alert' });
  const merge = h('button', { type: 'button', className: 'primary', disabled: true }, 'Merge');
  const swap = h('button', { type: 'button', disabled: true }, 'Keep the other one instead');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const picker = entityPicker({
    label: 'Duplicate to merge',
    search: async (text, signal) => (await api.search(text, [keep.kind], signal)).filter((entity) => entity.id !== keep.id && entity.id !== other?.id),
    onChoose: (entity) => {
      other = { id: entity.id, name: entity.name, kind: entity.kind };
      void load();
    },
  });
  const renderHeading = () => {
    clear(heading);
    append(heading, 'Keep ', h('strong', {}, keep.name), ` (${kindLabel(keep.kind)}) and merge a duplicate of it into it.`);
  };
  const load = async () => {
    clear(previewSlot);
    message.textContent = '';
    preview = null;
    merge.disabled = true;
    swap.disabled = other === null;
    if (!other) return;
    try {
      preview = await api.mergePreview(keep.id, other.id);
      previewSlot.append(previewOf(preview));
      merge.disabled = false;
      merge.textContent = `Merge ${other.name} into ${keep.name}`;
    } catch (error) {
      message.textContent = `These cannot be merged: ${(error as Error).message}`;
    }
  };
  renderHeading();
  const dialog = openDialog('Merge duplicates', { className: 'merge-dialog' }, heading, picker.element, previewSlot, message, h('div', { className: 'button-row' }, merge, swap, cancel));
  cancel.addEventListener('click', () => dialog.close());
  swap.addEventListener('click', () => {
    if (!other) return;
    [keep, other] = [other, keep];
    picker.setValue({ id: other.id, name: other.name });
    renderHeading();
    void load();
  });
  merge.addEventListener('click', () =>
    void busy(merge, async () => {
      if (!preview || !other) return;
      try {
        const result = await api.merge(keep.id, other.id, preview.entity.version, preview.merged.version);
        dialog.close();
        onMerged(`Merged ${other.name} into ${keep.name}: ${countOf(result.repointed.length, 'relationship')} moved, ${result.combined.length} folded, ${result.dropped.length} removed. Unmerge undoes it.`, keep.id);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'CONFLICT')) {
          message.textContent = `Could not merge: ${(error as Error).message}`;
          return;
        }
        await load();
        message.textContent = 'One of them changed meanwhile: here is the new preview. Check it and merge again.';
      }
    }),
  );
  picker.input.focus();
}

/** Asks before undoing a merge, saying what comes back. */
export function confirmUnmerge(api: EditApi, merge: MergeInfo, keepName: string, onDone: (message: string, restored: string) => void): void {
  const message = h('p', { className: 'form-message', role: 'alert' });
  const confirm = h('button', { type: 'button', className: 'primary' }, `Unmerge ${merge.mergedName}`);
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const dialog = openDialog(
    `Unmerge ${merge.mergedName}?`,
    { className: 'unmerge-dialog' },
    h('p', {}, `${merge.mergedName} comes back as its own entity, with the ${countOf(merge.relationships, 'relationship')} the merge moved, folded or removed; ${keepName} loses the names and fields it took from it. Edits made since are kept where they do not clash.`),
    message,
    h('div', { className: 'button-row' }, confirm, cancel),
  );
  cancel.addEventListener('click', () => dialog.close());
  confirm.addEventListener('click', () =>
    void busy(confirm, async () => {
      try {
        const result = await api.unmerge(merge.id);
        dialog.close();
        onDone(
          `Unmerged: ${result.entity.name} is back with ${countOf(result.restored.length, 'relationship')}${result.missing.length > 0 ? `; ${result.missing.length} deleted since could not come back (${result.missing.join(', ')})` : ''}.`,
          result.entity.id,
        );
      } catch (error) {
        message.textContent = `Could not unmerge: ${(error as Error).message}`;
      }
    }),
  );
  cancel.focus();
}
