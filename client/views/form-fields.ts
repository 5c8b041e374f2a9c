import { ApiError } from '../api';
import { h, uid } from './dom';

/** Labelled form fields whose errors show beside them, and the mapping of the API's validation errors onto them. */

export type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface Field<C extends Control = Control> {
  readonly element: HTMLElement;
  readonly control: C;
  setError(message: string | null): void;
}

export interface FieldOptions {
  readonly hint?: string;
  /** An extra element after the control (a button such as "Pick on graph"). */
  readonly after?: HTMLElement;
  readonly required?: boolean;
}

/** A label, a control, an optional hint, and an error line tied to the control (aria-describedby, aria-invalid). */
export function field<C extends Control>(label: string, control: C, options: FieldOptions = {}): Field<C> {
  if (!control.id) control.id = uid('field');
  const errorId = `${control.id}-error`;
  const hintId = `${control.id}-hint`;
  const error = h('p', { id: errorId, className: 'field-error', 'aria-live': 'polite' });
  const hint = options.hint ? h('p', { id: hintId, className: 'field-hint' }, options.hint) : null;
  control.setAttribute('aria-describedby', [hint ? hintId : null, errorId].filter(Boolean).join(' '));
  if (options.required) control.setAttribute('aria-required', 'true');
  const element = h(
    'div',
    { className: 'form-field' },
    h('label', { for: control.id, className: options.required ? 'required' : null }, label),
    options.after ? h('div', { className: 'field-row' }, control, options.after) : control,
    hint,
    error,
  );
  return {
    element,
    control,
    setError(message) {
      error.textContent = message ?? '';
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

export function textInput(value = '', attributes: Record<string, string> = {}): HTMLInputElement {
  const input = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attributes });
  input.value = value;
  return input;
}

export function textArea(value = '', rows = 3): HTMLTextAreaElement {
  const area = h('textarea', { rows: String(rows) });
  area.value = value;
  return area;
}

export function select(options: readonly { value: string; label: string }[], value = ''): HTMLSelectElement {
  const element = h('select', {}, ...options.map((option) => h('option', { value: option.value }, option.label)));
  element.value = value;
  if (element.selectedIndex < 0) element.selectedIndex = 0;
  return element;
}

/** A date field that accepts what is typed (YYYY, YYYY-MM or YYYY-MM-DD); `check` says what is wrong, if anything. */
export function dateField(label: string, value: string | null, check: (value: string) => string | null): Field<HTMLInputElement> {
  const input = textInput(value ?? '', { placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD', inputmode: 'numeric', maxlength: '10' });
  const result = field(label, input, { hint: 'A year, a month or a day: as much as the reporting says.' });
  input.addEventListener('change', () => result.setError(input.value.trim() ? check(input.value.trim()) : null));
  return result;
}

interface Problem {
  readonly field?: string;
  readonly code?: string;
  readonly message: string;
  readonly hint?: string;
}

/**
 * Shows an error of the API where it belongs: each validation problem beside the field it names (a field the form
 * does not have goes to the form's general message), an argument error beside its argument, anything else in the
 * general message. Returns the first field given an error, to move focus to.
 */
export function showErrors(error: unknown, fields: Readonly<Record<string, Field>>, general: HTMLElement): Field | null {
  for (const each of Object.values(fields)) each.setError(null);
  general.textContent = '';
  const messages: string[] = [];
  let first: Field | null = null;
  const place = (name: string | undefined, message: string) => {
    const target = name ? fields[name] : undefined;
    if (target) {
      target.setError(message);
      first ??= target;
    } else messages.push(message);
  };
  if (error instanceof ApiError && Array.isArray(error.extensions.problems)) {
    for (const problem of error.extensions.problems as Problem[]) place(problem.field, problem.hint ? `${problem.message} (${problem.hint})` : problem.message);
  } else if (error instanceof ApiError && typeof error.extensions.argument === 'string') {
    place(error.extensions.argument, error.message.replace(/^[^:]+: /, ''));
  } else {
    messages.push(error instanceof Error ? error.message : String(error));
  }
  general.textContent = messages.join(' ');
  return first;
}

export function clearErrors(fields: Readonly<Record<string, Field>>, general: HTMLElement): void {
  for (const each of Object.values(fields)) each.setError(null);
  general.textContent = '';
}

/** A button that shows it is working, and cannot be pressed twice meanwhile. */
export async function busy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
  const text = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = text;
  }
}
