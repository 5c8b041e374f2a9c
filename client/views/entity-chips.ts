import type { ApiEntity } from '../types';
import { clear, h } from './dom';
import { entityPicker } from './entity-picker';

export interface EntityChipsOptions {
  readonly id: string;
  readonly label: string;
  readonly placeholder: string;
  /** What the list of chips is called ("Entities to avoid"). */
  readonly chipsLabel: string;
  /** What the remove button of a chip says, for a name ("Stop avoiding Iran"). */
  readonly removeLabel: (name: string) => string;
  readonly search: (text: string, signal: AbortSignal) => Promise<ApiEntity[]>;
}

export interface EntityChips {
  /** The picker and, under it, the chips. */
  readonly elements: readonly HTMLElement[];
  ids(): string[];
  set(entities: readonly { id: string; name: string }[]): void;
}

/** Several entities chosen one by one with a search box, each shown as a chip that can be removed. */
export function entityChips(options: EntityChipsOptions): EntityChips {
  const chosen = new Map<string, string>();
  const list = h('ul', { className: 'chips', 'aria-label': options.chipsLabel });
  const render = () => {
    clear(list);
    for (const [id, name] of chosen) {
      const remove = h('button', { type: 'button', className: 'chip-remove', 'aria-label': options.removeLabel(name) }, '×');
      remove.addEventListener('click', () => {
        chosen.delete(id);
        render();
      });
      list.appendChild(h('li', { className: 'chip' }, h('span', {}, name), remove));
    }
  };
  const picker = entityPicker({
    id: options.id,
    label: options.label,
    placeholder: options.placeholder,
    search: options.search,
    clearOnChoose: true,
    onChoose: (entity) => {
      chosen.set(entity.id, entity.name);
      render();
    },
  });
  return {
    elements: [picker.element, list],
    ids: () => [...chosen.keys()],
    set(entities) {
      chosen.clear();
      for (const { id, name } of entities) chosen.set(id, name);
      render();
    },
  };
}
