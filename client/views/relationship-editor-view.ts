import { partialDateProblem } from '../../src/model/dates';
import type { EntityKind, RelationType } from '../../src/model';
import { ApiError } from '../api';
import type { EditApi } from '../edit-api';
import type { EditableRelationship, LiveChange } from '../edit-types';
import { patchOf, remoteChangeNotice, type Fields } from '../record-form';
import { relationshipId, typeChoices } from '../relation-choices';
import { typeLabel } from '../style';
import type { ApiEntity, ApiRelationRule, ApiSource } from '../types';
import { editorConflictFlow, showConflict } from './conflict-flow';
import { clear, h } from './dom';
import { entityPicker } from './entity-picker';
import { evidenceFieldset } from './evidence-editor-view';
import { busy, dateField, field, showErrors, textInput, type Field } from './form-fields';
import type { PaneContent } from './editor-pane';

type End = { readonly id: string; readonly name: string; readonly kind: EntityKind };

const LABELS: Record<string, string> = { type: 'Type', source: 'Source', target: 'Target', start: 'Start', end: 'End', confidence: 'Confidence', disputed: 'Disputed', evidence: 'Evidence' };
const FIELDS = ['type', 'source', 'target', 'start', 'end', 'confidence', 'disputed', 'evidence'];

/** Evidence as stored (the shape compared and sent): stance only when it contradicts. */
function storedEvidence(item: { source: string; locator?: string | null; note?: string | null; stance?: string | null }): Record<string, string> {
  return { source: item.source, ...(item.locator ? { locator: item.locator } : {}), ...(item.note ? { note: item.note } : {}), ...(item.stance === 'CONTRADICTS' ? { stance: 'CONTRADICTS' } : {}) };
}

export function relationshipFields(relationship: EditableRelationship): Fields {
  return {
    type: relationship.type,
    source: relationship.source.id,
    target: relationship.target.id,
    start: relationship.start ?? '',
    end: relationship.end ?? '',
    confidence: relationship.confidence,
    disputed: relationship.disputed,
    evidence: relationship.evidence.map((item) => storedEvidence({ ...item, source: item.source.id })),
  };
}

export interface RelationshipEditorDeps {
  readonly api: EditApi;
  readonly rules: readonly ApiRelationRule[];
  readonly sources: readonly ApiSource[];
  /** Waits for a click on an entity of the graph (null when cancelled). */
  readonly pickOnGraph: (end: 'source' | 'target') => Promise<ApiEntity | null>;
  readonly onSaved: (relationship: EditableRelationship, created: boolean) => void;
  readonly onCancel: () => void;
}

/** An end of the relationship: a search box, and a button to pick the entity on the graph instead. */
function endField(deps: RelationshipEditorDeps, end: 'source' | 'target', initial: End | null, onChange: () => void) {
  let value: End | null = initial;
  const label = end === 'source' ? 'Source' : 'Target';
  const picker = entityPicker({ label, search: (text, signal) => deps.api.search(text, null, signal), onChoose: (entity) => set(entity) });
  const pick = h('button', { type: 'button', className: 'pick-button', 'aria-label': `Pick the ${end} on the graph` }, 'Pick on graph');
  const error = h('p', { className: 'field-error', 'aria-live': 'polite', id: `${picker.input.id}-error` });
  picker.input.setAttribute('aria-describedby', error.id);
  const set = (entity: End | null) => {
    value = entity;
    picker.setValue(entity ? { id: entity.id, name: entity.name } : null);
    onChange();
  };
  if (initial) picker.setValue({ id: initial.id, name: initial.name });
  picker.input.addEventListener('input', () => {
    if (value) {
      value = null;
      onChange();
    }
  });
  pick.addEventListener('click', () =>
    void deps.pickOnGraph(end).then((entity) => {
      if (entity) set(entity);
      picker.input.focus();
    }),
  );
  const element = h('div', { className: 'form-field end-field' }, h('div', { className: 'field-row' }, picker.element, pick), error);
  const asField: Field = {
    element,
    control: picker.input,
    setError(message) {
      error.textContent = message ?? '';
      if (message) picker.input.setAttribute('aria-invalid', 'true');
      else picker.input.removeAttribute('aria-invalid');
    },
  };
  return { field: asField, value: () => value, set };
}

/**
 * The form to create a relationship or edit one: the two ends (by search or by a click on the graph), the type (only
 * the types the relation rules allow between the two kinds), dates, confidence, disputed, and evidence (at least one
 * piece when creating; existing pieces can be removed and one added when editing).
 */
export function relationshipEditor(deps: RelationshipEditorDeps, existing: EditableRelationship | null, preset: { source?: End; target?: End } = {}): PaneContent {
  let base = existing;
  const element = h('div', { className: 'editor' });
  const general = h('p', { className: 'form-message', role: 'alert' });
  const notice = h('p', { className: 'form-notice', role: 'status' });
  const typeSelect = h('select', {});
  const typeHint = h('p', { className: 'field-hint', id: 'relationship-type-reading' });
  const idInput = textInput('', { maxlength: '128' });
  let idEdited = false;
  idInput.addEventListener('input', () => (idEdited = idInput.value !== ''));
  const confidence = h('input', { type: 'number', min: '0', max: '1', step: '0.05', inputmode: 'decimal' });
  if (existing?.confidence !== null && existing?.confidence !== undefined) confidence.value = String(existing.confidence);
  const disputed = h('input', { type: 'checkbox' });
  disputed.checked = existing?.disputed ?? false;

  const updateTypes = () => {
    const source = ends.source.value();
    const target = ends.target.value();
    const previous = typeSelect.value || existing?.type || '';
    const { types, swapped } = typeChoices(deps.rules, source?.kind ?? null, target?.kind ?? null);
    clear(typeSelect);
    if (!source || !target) typeSelect.append(h('option', { value: '' }, 'Choose both ends first'));
    else if (types.length === 0) typeSelect.append(h('option', { value: '' }, 'No type connects these kinds'));
    for (const type of types) typeSelect.append(h('option', { value: type }, typeLabel(type)));
    typeSelect.disabled = types.length === 0;
    typeSelect.value = types.includes(previous as RelationType) ? previous : (types[0] ?? '');
    const rule = deps.rules.find((candidate) => candidate.type === typeSelect.value);
    typeHint.textContent =
      types.length === 0 && swapped.length > 0
        ? `Nothing goes from a ${source!.kind.toLowerCase()} to a ${target!.kind.toLowerCase()}; swap the ends for ${swapped.map(typeLabel).join(', ')}.`
        : rule
          ? `Read: ${rule.reading}. ${rule.definition}`
          : '';
    if (!base && !idEdited && source && target && typeSelect.value) idInput.value = relationshipId(source.id, typeSelect.value as RelationType, target.id);
  };
  typeSelect.addEventListener('change', updateTypes);

  const ends = {
    source: endField(deps, 'source', existing ? existing.source : (preset.source ?? null), () => updateTypes()),
    target: endField(deps, 'target', existing ? existing.target : (preset.target ?? null), () => updateTypes()),
  };
  const swap = h('button', { type: 'button', className: 'swap-button' }, '⇅ Swap ends');
  swap.addEventListener('click', () => {
    const source = ends.source.value();
    ends.source.set(ends.target.value());
    ends.target.set(source);
  });

  // Evidence: the pieces it has (editing), each removable, and one new piece.
  const kept = new Set<number>(existing?.evidence.map((_, index) => index) ?? []);
  const existingList = existing
    ? h(
        'ul',
        { className: 'evidence-edit-list', 'aria-label': 'Evidence it cites' },
        ...existing.evidence.map((item, index) => {
          const remove = h('button', { type: 'button', className: 'link-button' }, 'Remove');
          const row = h('li', {}, h('span', {}, `${item.source.title}${item.locator ? `, ${item.locator}` : ''}${item.stance === 'CONTRADICTS' ? ' (contradicts)' : ''}`), ' ', remove);
          remove.addEventListener('click', () => {
            const removing = kept.has(index);
            if (removing) kept.delete(index);
            else kept.add(index);
            row.classList.toggle('removed', removing);
            remove.textContent = removing ? 'Keep' : 'Remove';
          });
          return row;
        }),
      )
    : null;
  const evidence = evidenceFieldset(deps.api, deps.sources, existing ? 'Add evidence (optional)' : 'Evidence');

  const fields: Record<string, Field> = {
    source: ends.source.field,
    target: ends.target.field,
    type: field('Type', typeSelect),
    start: dateField('Start', existing?.start ?? null, partialDateProblem),
    end: dateField('End', existing?.end ?? null, partialDateProblem),
    confidence: field('Confidence', confidence, { hint: 'From 0 (a guess) to 1 (certain); leave empty when unknown.' }),
    evidence: evidence.field,
  };
  if (!existing) fields.id = field('Id', idInput, { hint: 'Made from the ends and the type; a lowercase slug.' });
  typeSelect.setAttribute('aria-describedby', `${typeSelect.getAttribute('aria-describedby') ?? ''} ${typeHint.id}`.trim());
  fields.type.element.insertBefore(typeHint, fields.type.element.lastChild);
  updateTypes();

  const current = (): Fields => {
    const added = evidence.value();
    const evidenceList = [...(existing?.evidence.filter((_, index) => kept.has(index)).map((item) => storedEvidence({ ...item, source: item.source.id })) ?? []), ...(added ? [storedEvidence(added)] : [])];
    return {
      type: typeSelect.value,
      source: ends.source.value()?.id ?? '',
      target: ends.target.value()?.id ?? '',
      start: fields.start.control.value.trim(),
      end: fields.end.control.value.trim(),
      confidence: confidence.value === '' ? null : Number(confidence.value),
      disputed: disputed.checked,
      evidence: evidenceList,
    };
  };
  const initial = existing ? relationshipFields(existing) : current();

  const save = h('button', { type: 'submit', className: 'primary' }, 'Save');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', () => deps.onCancel());
  const form = h(
    'form',
    { className: 'editor-form', novalidate: true, 'aria-label': existing ? 'Edit relationship' : 'New relationship' },
    notice,
    ends.source.field.element,
    h('div', { className: 'swap-row' }, swap),
    ends.target.field.element,
    fields.type.element,
    fields.id?.element,
    h('div', { className: 'date-pair' }, fields.start.element, fields.end.element),
    fields.confidence.element,
    h('div', { className: 'form-field checkbox-field' }, h('label', {}, disputed, ' Disputed: the claim contradicts well-established fact (cite the evidence that says so)')),
    existingList ? h('h4', {}, 'Evidence it cites') : null,
    existingList,
    evidence.element,
    general,
    h('div', { className: 'button-row' }, save, cancel),
  );
  element.appendChild(form);

  const conflict = editorConflictFlow<EditableRelationship>(
    { noun: 'relationship', fields: FIELDS, labels: LABELS, element, form, notice, general, valuesOf: relationshipFields, base: () => base!, rebase: (theirs) => (base = theirs) },
    { load: (id) => deps.api.relationship(id), history: (id) => deps.api.history(id), update: (id, version, patch) => deps.api.updateRelationship(id, version, patch), saved: deps.onSaved },
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(save, async () => {
      try {
        await evidence.commitSource();
      } catch {
        return;
      }
      const values = current();
      if (!values.type) {
        fields.type.setError(values.source && values.target ? 'No relation type connects these two kinds: change an end, or swap them.' : 'Choose both ends first: the types depend on their kinds.');
        (values.source ? ends.target : ends.source).field.control.focus();
        return;
      }
      try {
        if (!base) {
          deps.onSaved(await deps.api.createRelationship({ id: idInput.value.trim(), ...patchOf({}, values), disputed: values.disputed, evidence: values.evidence }), true);
          return;
        }
        const patch = patchOf(relationshipFields(base), values);
        if (Object.keys(patch).length === 0) {
          general.textContent = 'Nothing changed.';
          return;
        }
        deps.onSaved(await deps.api.updateRelationship(base.id, base.version, patch), false);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONFLICT' && base) await showConflict(conflict, values);
        else (showErrors(error, fields, general)?.control ?? general).focus?.();
      }
    });
  });

  return {
    title: existing ? `Edit: ${existing.source.name} ${typeLabel(existing.type)} ${existing.target.name}` : 'New relationship',
    element,
    dirty: () => Object.keys(patchOf(initial, current())).length > 0,
    focus: () => (ends.source.value() ? (ends.target.value() ? typeSelect : ends.target.field.control) : ends.source.field.control).focus(),
    remoteChange(change: LiveChange) {
      const text = remoteChangeNotice('relationship', base, change);
      if (text) notice.textContent = text;
    },
  };
}
