import { ApiError } from '../api';
import type { EditApi } from '../edit-api';
import type { EditableSource, LiveChange } from '../edit-types';
import { patchOf, remoteChangeNotice } from '../record-form';
import { showConflict, type ConflictFlow } from './conflict-flow';
import { h } from './dom';
import { busy, showErrors } from './form-fields';
import { SOURCE_FIELDS, SOURCE_LABELS, sourceFieldSet, sourceValues } from './source-fields';

export interface SourceEditorDeps {
  readonly api: EditApi;
  /** Saved (or, after a conflict, their version kept): back to the list. */
  readonly onDone: (message: string | null) => void;
  readonly onCancel: () => void;
}

export interface SourceEditor {
  readonly element: HTMLElement;
  focus(): void;
  /** Someone saved a change (live): say so when it is this source. */
  remoteChange(change: LiveChange): void;
}

/**
 * The form to create a source ("New source") or edit one: Title, Publisher, Published, URL (and Source id for a new
 * one). Only the fields changed are sent, with the version read; a CONFLICT opens the comparison, as for entities.
 */
export function sourceEditor(deps: SourceEditorDeps, existing: EditableSource | null): SourceEditor {
  let base = existing;
  const set = sourceFieldSet(existing);
  const element = h('div', { className: 'source-editor' });
  const general = h('p', { className: 'form-message', role: 'alert' });
  const notice = h('p', { className: 'form-notice', role: 'status' });
  const save = h('button', { type: 'submit', className: 'primary' }, existing ? 'Save' : 'Create source');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', () => deps.onCancel());
  const form = h(
    'form',
    { className: 'editor-form source-form', novalidate: true, 'aria-label': existing ? `Edit ${existing.title}` : 'New source' },
    notice,
    existing ? h('p', { className: 'muted' }, 'Id: ', h('code', {}, existing.id)) : null,
    ...set.elements,
    general,
    h('div', { className: 'button-row' }, save, cancel),
  );
  element.append(form);

  const conflict: ConflictFlow<EditableSource> = {
    noun: 'source',
    fields: SOURCE_FIELDS,
    labels: SOURCE_LABELS,
    element,
    form,
    notice,
    general,
    valuesOf: sourceValues,
    load: async (id) => (await deps.api.sourcesForEdit()).find((source) => source.id === id),
    history: (id) => deps.api.history(id, 'SOURCE'),
    update: async (theirs, patch) => {
      const saved = await deps.api.updateSource(theirs.id, theirs.version, patch);
      deps.onDone(`Saved ${saved.title} (version ${saved.version}).`);
    },
    useTheirs: () => deps.onDone(null),
    base: () => base!,
    rebase: (theirs) => (base = theirs),
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(save, async () => {
      const values = set.values();
      try {
        if (!base) {
          const created = await deps.api.createSource(set.input());
          deps.onDone(`Created source ${created.title}.`);
          return;
        }
        const patch = patchOf(sourceValues(base), values);
        if (Object.keys(patch).length === 0) {
          general.textContent = 'Nothing changed.';
          return;
        }
        const saved = await deps.api.updateSource(base.id, base.version, patch);
        deps.onDone(`Saved ${saved.title} (version ${saved.version}).`);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONFLICT' && base) await showConflict(conflict, values);
        else (showErrors(error, set.fields, general)?.control ?? general).focus?.();
      }
    });
  });

  return {
    element,
    focus: () => set.focus(),
    remoteChange(change) {
      const text = remoteChangeNotice('source', base, change);
      if (text) notice.textContent = text;
    },
  };
}
