import { partialDateProblem } from '../../src/model/dates';
import { ENTITY_KINDS, type EntityKind } from '../../src/model/kinds';
import { ApiError } from '../api';
import type { EditApi } from '../edit-api';
import type { EditableEntity, LiveChange } from '../edit-types';
import { aliasesToText, patchOf, remoteChangeNotice, slugify, textToAliases, type Fields } from '../record-form';
import { kindLabel } from '../style';
import { editorConflictFlow, showConflict } from './conflict-flow';
import { h } from './dom';
import { busy, dateField, field, select, showErrors, textArea, textInput, type Field } from './form-fields';
import type { PaneContent } from './editor-pane';

const LABELS: Record<string, string> = { id: 'Id', name: 'Name', kind: 'Kind', aliases: 'Aliases', description: 'Description', start: 'Start', end: 'End' };
const FIELDS = ['name', 'kind', 'aliases', 'description', 'start', 'end'];

/** An entity's editable fields as the form holds them. */
export function entityFields(entity: EditableEntity): Fields {
  return {
    name: entity.name,
    kind: entity.kind,
    aliases: entity.aliasDetails.map((alias) => (alias.lang ? { name: alias.name, lang: alias.lang } : { name: alias.name })),
    description: entity.description ?? '',
    start: entity.start ?? '',
    end: entity.end ?? '',
  };
}

export interface EntityEditorDeps {
  readonly api: EditApi;
  /** Saved: the entity as stored now. */
  readonly onSaved: (entity: EditableEntity, created: boolean) => void;
  readonly onCancel: () => void;
}

/**
 * The form to create an entity ("New entity") or edit one: Name, Kind, Aliases, Description, Start, End (and Id for a
 * new one, made from the name until edited). Only the fields changed are sent, with the version read; a CONFLICT
 * (someone saved meanwhile) opens the comparison, where the edit can be re-applied on top of theirs.
 */
export function entityEditor(deps: EntityEditorDeps, existing: EditableEntity | null, preset: { kind?: EntityKind; name?: string } = {}): PaneContent {
  let base: EditableEntity | null = existing;
  const element = h('div', { className: 'editor' });
  const general = h('p', { className: 'form-message', role: 'alert' });
  const notice = h('p', { className: 'form-notice', role: 'status' });
  const idInput = textInput('', { maxlength: '128' });
  const nameInput = textInput(existing?.name ?? preset.name ?? '', { maxlength: '500' });
  const kindSelect = select(ENTITY_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) })), existing?.kind ?? preset.kind ?? 'ORGANIZATION');
  const aliasesInput = textArea(existing ? aliasesToText(existing.aliasDetails) : '', 3);
  const descriptionInput = textArea(existing?.description ?? '', 4);
  const fields: Record<string, Field> = {
    name: field('Name', nameInput, { required: true }),
    kind: field('Kind', kindSelect),
    aliases: field('Aliases', aliasesInput, { hint: 'One per line; a language tag in brackets at the end: كتائب حزب الله [ar]' }),
    description: field('Description', descriptionInput, { hint: 'In our own words.' }),
    start: dateField('Start', existing?.start ?? null, partialDateProblem),
    end: dateField('End', existing?.end ?? null, partialDateProblem),
  };
  if (!existing) fields.id = field('Id', idInput, { hint: 'A lowercase slug (a-z, 0-9, -), made from the name; it cannot change later.', required: true });
  let idEdited = false;
  idInput.addEventListener('input', () => (idEdited = idInput.value !== ''));
  nameInput.addEventListener('input', () => {
    if (!idEdited) idInput.value = slugify(nameInput.value);
  });
  if (!existing && preset.name) idInput.value = slugify(preset.name);

  const current = (): Fields => ({
    name: nameInput.value.trim(),
    kind: kindSelect.value,
    aliases: textToAliases(aliasesInput.value),
    description: descriptionInput.value.trim(),
    start: fields.start.control.value.trim(),
    end: fields.end.control.value.trim(),
  });
  const initial = existing ? entityFields(existing) : current();

  const save = h('button', { type: 'submit', className: 'primary' }, 'Save');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', () => deps.onCancel());
  const form = h(
    'form',
    { className: 'editor-form', novalidate: true, 'aria-label': existing ? `Edit ${existing.name}` : 'New entity' },
    notice,
    fields.name.element,
    fields.id?.element,
    fields.kind.element,
    fields.aliases.element,
    fields.description.element,
    h('div', { className: 'date-pair' }, fields.start.element, fields.end.element),
    general,
    h('div', { className: 'button-row' }, save, cancel),
  );
  element.appendChild(form);

  const fail = (error: unknown) => (showErrors(error, fields, general)?.control ?? general).focus?.();

  const conflict = editorConflictFlow<EditableEntity>(
    { noun: 'entity', fields: FIELDS, labels: LABELS, element, form, notice, general, valuesOf: entityFields, base: () => base!, rebase: (theirs) => (base = theirs) },
    { load: (id) => deps.api.entity(id), history: (id) => deps.api.history(id), update: (id, version, patch) => deps.api.updateEntity(id, version, patch), saved: deps.onSaved },
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(save, async () => {
      const values = current();
      try {
        if (!base) {
          const input = { id: idInput.value.trim(), name: values.name, ...patchOf({}, values) };
          deps.onSaved(await deps.api.createEntity(input), true);
          return;
        }
        const patch = patchOf(entityFields(base), values);
        if (Object.keys(patch).length === 0) {
          general.textContent = 'Nothing changed.';
          return;
        }
        deps.onSaved(await deps.api.updateEntity(base.id, base.version, patch), false);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONFLICT' && base) await showConflict(conflict, values);
        else fail(error);
      }
    });
  });

  return {
    title: existing ? `Edit ${existing.name}` : 'New entity',
    element,
    dirty: () => Object.keys(patchOf(initial, current())).length > 0,
    focus: () => nameInput.focus(),
    remoteChange(change: LiveChange) {
      const text = remoteChangeNotice('entity', base, change);
      if (text) notice.textContent = text;
    },
  };
}
