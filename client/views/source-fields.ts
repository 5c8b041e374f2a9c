import { partialDateProblem } from '../../src/model/dates';
import type { SourceInput } from '../edit-types';
import type { Fields } from '../record-form';
import { slugify } from '../record-form';
import type { ApiSource } from '../types';
import { dateField, field, textInput, type Field } from './form-fields';

export const SOURCE_LABELS: Readonly<Record<string, string>> = { title: 'Title', id: 'Source id', publisher: 'Publisher', published: 'Published', url: 'URL' };
/** The fields of a source that can change (its id cannot). */
export const SOURCE_FIELDS = ['title', 'publisher', 'published', 'url'] as const;

export interface SourceFieldSet {
  /** By the API's field names, so that its validation problems land beside them. */
  readonly fields: Readonly<Record<string, Field>>;
  /** The fields' elements, in form order. */
  readonly elements: readonly HTMLElement[];
  /** The editable fields as typed ('' = none). */
  values(): Fields;
  /** A new source as typed (its id made from the title unless edited). */
  input(): SourceInput;
  focus(): void;
}

/** A source's editable fields as the form holds them. */
export function sourceValues(source: ApiSource): Fields {
  return { title: source.title, publisher: source.publisher ?? '', published: source.published ?? '', url: source.url ?? '' };
}

/**
 * Title, Publisher, Published (a partial date, checked as typed) and URL; for a new source also "Source id", made from
 * the title until edited.
 */
export function sourceFieldSet(existing: ApiSource | null): SourceFieldSet {
  const title = textInput(existing?.title ?? '', { maxlength: '500' });
  const id = textInput('', { maxlength: '128' });
  const publisher = textInput(existing?.publisher ?? '', { maxlength: '200' });
  const url = textInput(existing?.url ?? '', { placeholder: 'https://…', inputmode: 'url' });
  const fields: Record<string, Field> = { title: field('Title', title, { required: true }) };
  if (!existing) fields.id = field('Source id', id, { hint: 'Made from the title; a lowercase slug. It cannot change later.' });
  fields.publisher = field('Publisher', publisher);
  fields.published = dateField('Published', existing?.published ?? null, partialDateProblem);
  fields.url = field('URL', url);
  let idEdited = false;
  id.addEventListener('input', () => (idEdited = id.value !== ''));
  title.addEventListener('input', () => {
    if (!idEdited) id.value = slugify(title.value);
  });
  const values = (): Fields => ({ title: title.value.trim(), publisher: publisher.value.trim(), published: fields.published.control.value.trim(), url: url.value.trim() });
  return {
    fields,
    elements: Object.values(fields).map((each) => each.element),
    values,
    input() {
      const typed = values();
      const orNull = (value: unknown) => (value ? String(value) : null);
      return { id: id.value.trim(), title: String(typed.title), publisher: orNull(typed.publisher), published: orNull(typed.published), url: orNull(typed.url) };
    },
    focus: () => title.focus(),
  };
}
