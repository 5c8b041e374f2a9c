import type { RelationType } from '../../src/model/relation-rules';
import { typeLabel } from '../style';
import type { ApiEntity } from '../types';
import { PATH_DEFAULTS, type PathOptions } from '../url-state';
import { h } from './dom';
import { entityChips } from './entity-chips';
import { entityPicker } from './entity-picker';

export interface PathFinderOptions {
  readonly search: (text: string, signal: AbortSignal) => Promise<ApiEntity[]>;
  readonly relationTypes: readonly RelationType[];
  readonly onFind: (options: PathOptions) => void;
  readonly onClear: () => void;
}

export interface PathFinderView {
  /** Fills the form from a path search (names: how to show the ids). */
  setOptions(options: PathOptions, names: (id: string) => string): void;
  setBusy(busy: boolean): void;
}

/** The path finder form: two actors, relation types, direction, k, entities to avoid, chronological. */
export function pathFinderView(container: HTMLElement, options: PathFinderOptions): PathFinderView {
  const message = h('p', { className: 'form-message', role: 'alert' });
  const from = entityPicker({ id: 'path-from', label: 'From', placeholder: 'e.g. Iran', search: options.search, onChoose: () => (message.textContent = '') });
  const to = entityPicker({ id: 'path-to', label: 'To', placeholder: 'e.g. Jordan drone attack', search: options.search, onChoose: () => (message.textContent = '') });

  const avoid = entityChips({ id: 'path-avoid', label: 'Avoid (optional)', placeholder: 'entities the paths must not cross', chipsLabel: 'Entities to avoid', removeLabel: (name) => `Stop avoiding ${name}`, search: options.search });

  const typeBoxes = options.relationTypes.map((type) => {
    const box = h('input', { type: 'checkbox', id: `path-type-${type}`, value: type });
    return { type, box, item: h('li', {}, box, h('label', { for: `path-type-${type}` }, typeLabel(type))) };
  });
  const typesSummary = h('summary', {}, 'Relation types: all');
  const updateSummary = () => {
    const chosen = typeBoxes.filter(({ box }) => box.checked).length;
    typesSummary.textContent = chosen === 0 ? 'Relation types: all' : `Relation types: ${chosen} chosen`;
  };
  typeBoxes.forEach(({ box }) => box.addEventListener('change', updateSummary));
  const types = h('details', { className: 'path-types' }, typesSummary, h('ul', { className: 'checkbox-list' }, ...typeBoxes.map(({ item }) => item)));

  const directed = h('input', { type: 'checkbox', id: 'path-directed' });
  const chronological = h('input', { type: 'checkbox', id: 'path-chronological' });
  const k = h('input', { type: 'number', id: 'path-k', min: 1, max: PATH_DEFAULTS.maxK, value: PATH_DEFAULTS.k, inputmode: 'numeric' });
  const find = h('button', { type: 'submit', id: 'path-find', className: 'primary' }, 'Find paths');
  const clearButton = h('button', { type: 'button' }, 'Clear');
  clearButton.addEventListener('click', () => {
    message.textContent = '';
    options.onClear();
  });

  const form = h(
    'form',
    { className: 'path-form', 'aria-label': 'Find paths between two entities', novalidate: true },
    from.element,
    to.element,
    types,
    h('div', { className: 'option-row' }, directed, h('label', { for: 'path-directed', title: 'Follow relationships only from source to target' }, 'Directed')),
    h('div', { className: 'option-row' }, chronological, h('label', { for: 'path-chronological', title: 'Each hop no earlier than the one before' }, 'Chronological')),
    h('div', { className: 'option-row' }, h('label', { for: 'path-k' }, 'Paths (k)'), k),
    ...avoid.elements,
    message,
    h('div', { className: 'button-row' }, find, clearButton),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Typed but not chosen: take the best match, as the suggestions would have offered it first.
    const [start, end] = await Promise.all([from.resolve().catch(() => null), to.resolve().catch(() => null)]);
    if (!start || !end) {
      message.textContent = !start ? 'No entity matches where the paths start: type a name and choose a suggestion.' : 'No entity matches where the paths end: type a name and choose a suggestion.';
      (!start ? from.input : to.input).focus();
      return;
    }
    const count = Number(k.value);
    options.onFind({
      from: start.id,
      to: end.id,
      k: Number.isInteger(count) && count >= 1 && count <= PATH_DEFAULTS.maxK ? count : PATH_DEFAULTS.k,
      types: typeBoxes.filter(({ box }) => box.checked).map(({ type }) => type),
      directed: directed.checked,
      avoid: avoid.ids(),
      chronological: chronological.checked,
    });
  });
  container.appendChild(form);

  return {
    setOptions(path, names) {
      from.setValue({ id: path.from, name: names(path.from) });
      to.setValue({ id: path.to, name: names(path.to) });
      k.value = String(path.k);
      directed.checked = path.directed;
      chronological.checked = path.chronological;
      for (const { type, box } of typeBoxes) box.checked = path.types.includes(type);
      updateSummary();
      avoid.set(path.avoid.map((id) => ({ id, name: names(id) })));
    },
    setBusy(busy) {
      find.disabled = busy;
      find.textContent = busy ? 'Finding…' : 'Find paths';
    },
  };
}
