import { partialDateProblem } from '../../src/model/dates';
import { ApiError } from '../api';
import type { EditApi } from '../edit-api';
import type { EditableRelationship, EvidenceInput } from '../edit-types';
import { slugify } from '../record-form';
import type { ApiSource } from '../types';
import { h } from './dom';
import { busy, clearErrors, dateField, field, select, showErrors, textArea, textInput, type Field } from './form-fields';
import type { PaneContent } from './editor-pane';

export interface EvidenceFieldset {
  readonly element: HTMLElement;
  /** The evidence as filled in; null when nothing was filled in. */
  value(): EvidenceInput | null;
  /**
   * Creates the new source first when one was described ("New source"), so that the evidence can cite it; throws
   * (with the errors shown beside the source fields) when the server refuses it.
   */
  commitSource(): Promise<void>;
  /** Stands for the evidence in a form's fields: problems the server reports about "evidence" show here. */
  readonly field: Field;
  clear(): void;
  focus(): void;
}

export const sourceLabel = (source: ApiSource) => `${source.title}${source.publisher ? ` — ${source.publisher}` : ''}${source.published ? ` (${source.published})` : ''}`;

/**
 * The fields of one piece of evidence: Source (a picker of the known sources, or "New source" to describe one),
 * Locator (where in the source: ¶5, p. 12), Note (what it supports, in our own words) and Stance.
 */
export function evidenceFieldset(api: EditApi, sources: readonly ApiSource[], legend = 'Evidence'): EvidenceFieldset {
  const sorted = [...sources].sort((a, b) => a.title.localeCompare(b.title));
  const sourceSelect = select([{ value: '', label: 'Choose a source…' }, ...sorted.map((source) => ({ value: source.id, label: sourceLabel(source) }))]);
  const newSourceButton = h('button', { type: 'button', 'aria-expanded': 'false' }, 'New source');
  const locator = textInput('', { placeholder: '¶5, p. 12, 00:14:30', maxlength: '200' });
  const note = textArea('', 2);
  const stance = select([
    { value: 'SUPPORTS', label: 'Supports the relationship' },
    { value: 'CONTRADICTS', label: 'Contradicts it (the claim is disputed)' },
  ]);
  const fields: Record<string, Field> = {
    source: field('Source', sourceSelect, { after: newSourceButton }),
    locator: field('Locator', locator, { hint: 'Where in the source: a paragraph, page or time.' }),
    note: field('Note', note, { hint: 'What it says, in our own words (never copied sentences).' }),
    stance: field('Stance', stance),
  };
  const general = h('p', { className: 'form-message', role: 'alert' });

  // "New source": a source described here is created when the form is saved.
  const title = textInput('', { maxlength: '500' });
  const sourceId = textInput('', { maxlength: '128' });
  const publisher = textInput('', { maxlength: '200' });
  const url = textInput('', { placeholder: 'https://…', inputmode: 'url' });
  const sourceFields: Record<string, Field> = {
    title: field('Title', title, { required: true }),
    id: field('Source id', sourceId, { hint: 'Made from the title; a lowercase slug.' }),
    publisher: field('Publisher', publisher),
    published: dateField('Published', null, partialDateProblem),
    url: field('URL', url),
  };
  const sourceGeneral = h('p', { className: 'form-message', role: 'alert' });
  let idEdited = false;
  sourceId.addEventListener('input', () => (idEdited = sourceId.value !== ''));
  title.addEventListener('input', () => {
    if (!idEdited) sourceId.value = slugify(title.value);
  });
  const newSource = h(
    'fieldset',
    { className: 'new-source', hidden: true },
    h('legend', {}, 'New source'),
    ...Object.values(sourceFields).map((each) => each.element),
    sourceGeneral,
  );
  newSourceButton.addEventListener('click', () => {
    const open = newSource.hidden;
    newSource.hidden = !open;
    newSourceButton.setAttribute('aria-expanded', String(open));
    newSourceButton.textContent = open ? 'Pick a known source' : 'New source';
    sourceSelect.disabled = open;
    if (open) title.focus();
    else sourceSelect.focus();
  });

  const element = h(
    'fieldset',
    { className: 'evidence-fields' },
    h('legend', {}, legend),
    fields.source.element,
    newSource,
    fields.locator.element,
    fields.note.element,
    fields.stance.element,
    general,
  );

  const describingSource = () => !newSource.hidden;
  return {
    element,
    value() {
      const source = describingSource() ? sourceId.value.trim() : sourceSelect.value;
      if (!source && !locator.value.trim() && !note.value.trim() && !(describingSource() && title.value.trim())) return null;
      return { source, locator: locator.value.trim() || null, note: note.value.trim() || null, stance: stance.value === 'CONTRADICTS' ? 'CONTRADICTS' : null };
    },
    async commitSource() {
      if (!describingSource()) return;
      try {
        const created = await api.createSource({
          id: sourceId.value.trim(),
          title: title.value.trim(),
          publisher: publisher.value.trim() || null,
          published: sourceFields.published.control.value.trim() || null,
          url: url.value.trim() || null,
        });
        sourceSelect.append(h('option', { value: created.id }, sourceLabel(created)));
        sourceSelect.value = created.id;
        newSourceButton.click();
        clearErrors(sourceFields, sourceGeneral);
      } catch (error) {
        (showErrors(error, sourceFields, sourceGeneral)?.control ?? title).focus();
        throw error;
      }
    },
    field: {
      element,
      control: sourceSelect,
      setError(message) {
        general.textContent = message ?? '';
      },
    },
    clear() {
      sourceSelect.value = '';
      locator.value = '';
      note.value = '';
      stance.value = 'SUPPORTS';
    },
    focus: () => sourceSelect.focus(),
  };
}

/** "Add evidence" to a relationship: one piece, appended to what it cites (the version read guards against a lost update). */
export function addEvidenceView(api: EditApi, sources: readonly ApiSource[], relationship: EditableRelationship, title: string, onSaved: (message: string) => void, onCancel: () => void): PaneContent {
  const fieldset = evidenceFieldset(api, sources, `Evidence for ${title}`);
  const general = h('p', { className: 'form-message', role: 'alert' });
  const save = h('button', { type: 'submit', className: 'primary' }, 'Add evidence');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', onCancel);
  let version = relationship.version;
  const form = h('form', { className: 'editor-form', novalidate: true }, fieldset.element, general, h('div', { className: 'button-row' }, save, cancel));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(save, async () => {
      general.textContent = '';
      try {
        await fieldset.commitSource();
      } catch {
        return;
      }
      const evidence = fieldset.value();
      if (!evidence || !evidence.source) {
        fieldset.field.setError('Choose the source, or describe a new one.');
        fieldset.focus();
        return;
      }
      try {
        await api.addEvidence(relationship.id, evidence, version);
        onSaved(`Added evidence to ${title}.`);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONFLICT') {
          const current = await api.relationship(relationship.id);
          if (!current) {
            general.textContent = 'The relationship was deleted meanwhile.';
            return;
          }
          version = current.version;
          general.textContent = `The relationship changed meanwhile (now version ${current.version}); your evidence was not added yet. Check it in the panel, then press "Add evidence" again to add it to the current version.`;
          return;
        }
        showErrors(error, { evidence: fieldset.field }, general);
      }
    });
  });
  return { title: `Add evidence: ${title}`, element: form, dirty: () => fieldset.value() !== null, focus: () => fieldset.focus() };
}
