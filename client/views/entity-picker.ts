import { visibleText } from '../../src/model/text';
import { kindLabel } from '../style';
import type { ApiEntity } from '../types';
import { clear, h, uid } from './dom';

export interface EntityPickerOptions {
  /** Id of the input (the list is `${id}-list`). */
  readonly id?: string;
  readonly label: string;
  readonly placeholder?: string;
  /** Hides the label visually (it stays for screen readers). */
  readonly hideLabel?: boolean;
  readonly search: (text: string, signal: AbortSignal) => Promise<ApiEntity[]>;
  readonly onChoose: (entity: ApiEntity) => void;
  /** Empty the box after a choice (the main search) or keep the chosen name (the path finder). */
  readonly clearOnChoose?: boolean;
  readonly debounceMs?: number;
}

export interface EntityPicker {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** The chosen entity, or null. */
  value(): { id: string; name: string } | null;
  setValue(value: { id: string; name: string } | null): void;
  /** The chosen entity or, when text was typed but nothing chosen, the best match for the text (then chosen). */
  resolve(): Promise<{ id: string; name: string } | null>;
}

/** A search-as-you-type box following the ARIA combobox pattern (list autocomplete, arrow keys, Enter, Escape). */
export function entityPicker(options: EntityPickerOptions): EntityPicker {
  const inputId = options.id ?? uid('picker');
  const listId = `${inputId}-list`;
  const input = h('input', {
    id: inputId,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: options.placeholder ?? '',
  });
  const list = h('ul', { id: listId, role: 'listbox', className: 'picker-list', 'aria-label': `${options.label}: suggestions`, hidden: true });
  const live = h('span', { className: 'visually-hidden', 'aria-live': 'polite' });
  const label = h('label', { for: inputId, className: options.hideLabel ? 'visually-hidden' : 'picker-label' }, options.label);
  const element = h('div', { className: 'picker' }, label, h('div', { className: 'picker-box' }, input, list), live);

  let results: ApiEntity[] = [];
  let active = -1;
  let chosen: { id: string; name: string } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (index: number) => {
    active = index;
    [...list.children].forEach((item, i) => item.setAttribute('aria-selected', String(i === index)));
    if (index >= 0 && list.children[index]) {
      input.setAttribute('aria-activedescendant', list.children[index].id);
      (list.children[index] as HTMLElement).scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const choose = (entity: ApiEntity) => {
    chosen = { id: entity.id, name: entity.name };
    input.value = options.clearOnChoose ? '' : visibleText(entity.name);
    close();
    live.textContent = `${visibleText(entity.name)} chosen`;
    options.onChoose(entity);
  };

  const render = () => {
    clear(list);
    results.forEach((entity, index) => {
      const item = h(
        'li',
        { id: `${listId}-${index}`, role: 'option', 'aria-selected': 'false', className: 'picker-option', 'data-id': entity.id },
        h('span', { className: `kind-dot kind-${entity.kind.toLowerCase()}`, 'aria-hidden': 'true' }),
        h('span', { className: 'picker-name' }, entity.name),
        h('span', { className: 'picker-kind' }, kindLabel(entity.kind)),
      );
      // mousedown, not click: choosing must happen before the input loses focus.
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(entity);
      });
      list.appendChild(item);
    });
    if (results.length === 0) {
      list.appendChild(h('li', { className: 'picker-empty', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', id: `${listId}-none` }, 'No match'));
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    live.textContent = results.length === 1 ? '1 suggestion' : `${results.length} suggestions`;
    highlight(-1);
  };

  const lookUp = async (text: string) => {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    try {
      const found = await options.search(text, mine.signal);
      if (controller !== mine || input.value.trim() !== text) return;
      results = found;
      render();
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      results = [];
      live.textContent = `Search failed: ${(error as Error).message}`;
      close();
    }
  };

  input.addEventListener('input', () => {
    chosen = null;
    clearTimeout(timer);
    const text = input.value.trim();
    if (!/[\p{L}\p{N}]/u.test(text)) {
      controller?.abort();
      results = [];
      close();
      return;
    }
    timer = setTimeout(() => void lookUp(text), options.debounceMs ?? 180);
  });

  input.addEventListener('keydown', (event) => {
    const open = !list.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open && results.length > 0) render();
        if (results.length > 0) highlight((active + 1) % results.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open && results.length > 0) highlight(active <= 0 ? results.length - 1 : active - 1);
        break;
      case 'Enter':
        if (open && results.length > 0) {
          event.preventDefault();
          choose(results[active >= 0 ? active : 0]);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (input.value) {
          input.value = '';
          chosen = null;
        }
        break;
      case 'Tab':
        close();
        break;
      default:
    }
  });
  input.addEventListener('blur', () => close());

  return {
    element,
    input,
    value: () => chosen,
    setValue: (value) => {
      chosen = value;
      input.value = value ? visibleText(value.name) : '';
    },
    resolve: async () => {
      if (chosen) return chosen;
      const text = input.value.trim();
      if (!/[\p{L}\p{N}]/u.test(text)) return null;
      const [best] = await options.search(text, new AbortController().signal);
      if (!best) return null;
      chosen = { id: best.id, name: best.name };
      input.value = visibleText(best.name);
      close();
      return chosen;
    },
  };
}
