import { ApiError } from '../api';
import type { EditApi } from '../edit-api';
import type { EditableRelationship, EvidenceInput } from '../edit-types';
import type { ApiSource } from '../types';
import { h } from './dom';
import { busy, clearErrors, field, select, showErrors, textArea, textInput, type Field } from './form-fields';
import type { PaneContent } from './editor-pane';
import { sourceFieldSet } from './source-fields';

export interface EvidenceFieldset {
  readonly element: HTMLElement;
  /** The evidence as filled in (empty fields left out); null when nothing was filled in. */
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
  const described = sourceFieldSet(null);
  const sourceFields = described.fields;
  const sourceGeneral = h('p', { className: 'form-message', role: 'alert' });
  const newSource = h(
    'fieldset',
    { className: 'new-source', hidden: true },
    h('legend', {}, 'New source'),
    ...described.elements,
    sourceGeneral,
  );
  newSourceButton.addEventListener('click', () => {
    const open = newSource.hidden;
    newSource.hidden = !open;
    newSourceButton.setAttribute('aria-expanded', String(open));
    newSourceButton.textContent = open ? 'Pick a known source' : 'New source';
    sourceSelect.disabled = open;
    if (open) described.focus();
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
      const source = describingSource() ? described.input().id : sourceSelect.value;
      if (!source && !locator.value.trim() && !note.value.trim() && !(describingSource() && described.input().title)) return null;
      // Fields left empty are left out: the API takes null as a value, and refuses a null stance.
      const [where, what] = [locator.value.trim(), note.value.trim()];
      return { source, ...(where ? { locator: where } : {}), ...(what ? { note: what } : {}), ...(stance.value === 'CONTRADICTS' ? { stance: 'CONTRADICTS' as const } : {}) };
    },
    async commitSource() {
      if (!describingSource()) return;
      try {
        const created = await api.createSource(described.input());
        sourceSelect.append(h('option', { value: created.id }, sourceLabel(created)));
        sourceSelect.value = created.id;
        newSourceButton.click();
        clearErrors(sourceFields, sourceGeneral);
      } catch (error) {
        const first = showErrors(error, sourceFields, sourceGeneral);
        if (first) first.control.focus();
        else described.focus();
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
