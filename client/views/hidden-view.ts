import { clear, h } from './dom';

export interface HiddenViewActions {
  /** Shows one hidden entity again. */
  readonly onShow: (id: string) => void;
  /** Shows every hidden entity again. */
  readonly onShowAll: () => void;
}

export interface HiddenView {
  /** Lists the hidden entities (by name where known); the section hides itself when there are none. */
  show(ids: readonly string[], nameOf: (id: string) => string): void;
}

/** The entities the analyst hid, each with a button to show it again, and one to show them all. */
export function hiddenView(section: HTMLElement, list: HTMLElement, actions: HiddenViewActions): HiddenView {
  let last = '';
  return {
    show(ids, nameOf) {
      const key = ids.join(',');
      if (key === last) return;
      last = key;
      clear(list);
      section.hidden = ids.length === 0;
      const heading = section.querySelector('h2');
      if (heading) heading.textContent = `Hidden entities (${ids.length})`;
      if (ids.length === 0) return;
      const items = ids.map((id) => {
        const name = nameOf(id);
        const button = h('button', { type: 'button', className: 'hidden-show', 'data-id': id, 'aria-label': `Show ${name} again` }, 'Show');
        button.addEventListener('click', () => actions.onShow(id));
        return h('li', { className: 'hidden-item' }, h('span', { className: 'hidden-name' }, name), button);
      });
      const all = h('button', { type: 'button', className: 'hidden-show-all' }, `Show all ${ids.length}`);
      all.addEventListener('click', () => actions.onShowAll());
      list.append(h('ul', { className: 'hidden-list', 'aria-label': 'Hidden entities' }, ...items), ids.length > 1 ? all : '');
    },
  };
}
