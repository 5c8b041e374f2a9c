import type { EditApi } from '../edit-api';
import type { EditableSource, LiveChange, RelationshipRef } from '../edit-types';
import { countOf } from '../record-form';
import { openDialog } from './dialog';
import { append, clear, h } from './dom';
import { historyView } from './history-view';
import { sourceDeleteView } from './source-delete-view';
import { sourceEditor } from './source-editor-view';

export interface SourcesPageDeps {
  readonly api: EditApi;
  readonly announce: (text: string) => void;
  /** Records changed here (a delete removed evidence, a revert): the graph should be read again. */
  readonly onGraphChanged: () => void;
  /** Shows a relationship on the graph (the page closes first). */
  readonly onShowRelationship: (relationship: RelationshipRef) => void;
  readonly onClose: () => void;
}

export interface SourcesPage {
  /** A change saved by anyone (live): the list, or the source open, is read again. */
  remoteChange(change: LiveChange): void;
  close(): void;
}

const citedByText = (source: EditableSource) => {
  const { relationshipCount, evidenceCount, entityCount } = source.citations;
  if (relationshipCount + entityCount === 0) return 'nothing';
  return [relationshipCount > 0 && `${countOf(relationshipCount, 'relationship')} (${countOf(evidenceCount, 'piece')})`, entityCount > 0 && `${countOf(entityCount, 'entity date', 'entity dates')}`].filter(Boolean).join(' · ');
};

/**
 * The Sources page (a dialog, like the tokens page): every source with what cites it, a filter, "New source", and per
 * source Edit, History (with revert) and Delete… (with a confirmation listing what the cascade changes). One view at
 * a time below the title: the list, or the form, history or confirmation of one source with a way back.
 */
export function openSourcesPage(deps: SourcesPageDeps): SourcesPage {
  const { api } = deps;
  const rows = h('tbody', {});
  const message = h('p', { className: 'form-message', role: 'alert' });
  const filter = h('input', { type: 'search', id: 'sources-filter', autocomplete: 'off', placeholder: 'Title, publisher or id' });
  const newSource = h('button', { type: 'button', className: 'primary' }, 'New source');
  const count = h('p', { className: 'muted sources-count', 'aria-live': 'polite' });
  const list = h(
    'div',
    { className: 'sources-list' },
    h('div', { className: 'sources-toolbar' }, h('label', { for: 'sources-filter' }, 'Filter'), filter, newSource),
    count,
    h(
      'div',
      { className: 'sources-scroll' },
      h(
        'table',
        { className: 'token-table sources-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col' }, 'Publisher'), h('th', { scope: 'col' }, 'Published'), h('th', { scope: 'col' }, 'Cited by'), h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, 'Actions')))),
        rows,
      ),
    ),
    message,
  );
  const detailTitle = h('h3', { className: 'sources-detail-title', tabindex: '-1' });
  const detailBody = h('div', {});
  const back = h('button', { type: 'button', className: 'link-button' }, '← All sources');
  const detail = h('div', { className: 'sources-detail', hidden: true }, back, detailTitle, detailBody);

  let sources: EditableSource[] = [];
  /** What the detail shows, to forward live changes to it; null while the list shows. */
  let current: { id: string | null; remoteChange?: (change: LiveChange) => void } | null = null;
  let lastFocused: string | null = null;

  const render = () => {
    const words = filter.value.trim().toLowerCase();
    const shown = sources.filter((source) => !words || [source.title, source.publisher ?? '', source.id].some((text) => text.toLowerCase().includes(words)));
    count.textContent = words ? `${shown.length} of ${countOf(sources.length, 'source')}` : countOf(sources.length, 'source');
    clear(rows);
    for (const source of shown) {
      const action = (label: string, run: () => void, className = '') => {
        const button = h('button', { type: 'button', className, 'aria-label': `${label === 'History' ? 'History of' : label} ${source.title}`, 'data-action': label.toLowerCase() }, label === 'Delete' ? 'Delete…' : label);
        button.addEventListener('click', () => {
          lastFocused = `${source.id}:${label}`;
          run();
        });
        return button;
      };
      rows.append(
        h(
          'tr',
          { 'data-source': source.id },
          h('th', { scope: 'row' }, h('span', { className: 'source-title' }, source.title), h('code', { className: 'source-id' }, source.id)),
          h('td', {}, source.publisher ?? ''),
          h('td', {}, source.published ?? ''),
          h('td', { className: 'cited-by' }, citedByText(source)),
          h('td', { className: 'row-actions' }, action('Edit', () => edit(source)), action('History', () => history(source)), action('Delete', () => void confirmDelete(source), 'danger')),
        ),
      );
    }
  };

  const load = async () => {
    try {
      sources = (await api.sourcesForEdit()).sort((a, b) => a.title.localeCompare(b.title));
      render();
    } catch (error) {
      message.textContent = `Could not list the sources: ${(error as Error).message}`;
    }
  };

  const showList = async (announcement: string | null = null) => {
    current = null;
    clear(detailBody);
    detail.hidden = true;
    list.hidden = false;
    if (announcement) deps.announce(announcement);
    await load();
    const [id, label] = lastFocused?.split(':') ?? [];
    const button = id ? rows.querySelector<HTMLElement>(`tr[data-source="${CSS.escape(id)}"] button[data-action="${label.toLowerCase()}"]`) : null;
    (button ?? filter).focus();
  };

  const showDetail = (title: string, element: HTMLElement, view: { id: string | null; remoteChange?: (change: LiveChange) => void }, focus?: () => void) => {
    current = view;
    list.hidden = true;
    detail.hidden = false;
    clear(detailTitle);
    append(detailTitle, title);
    clear(detailBody);
    detailBody.append(element);
    if (focus) focus();
    else detailTitle.focus();
  };

  const edit = (source: EditableSource | null) => {
    const editor = sourceEditor({ api, onDone: (text) => void showList(text), onCancel: () => void showList() }, source);
    showDetail(source ? `Edit ${source.title}` : 'New source', editor.element, { id: source?.id ?? null, remoteChange: editor.remoteChange }, editor.focus);
  };

  const history = (source: EditableSource) => {
    const view = historyView(
      {
        api,
        canEdit: () => true,
        onReverted: (_id, _kind, text) => {
          deps.announce(text);
          deps.onGraphChanged();
        },
      },
      source.id,
      source.title,
      'SOURCE',
    );
    showDetail(`History of ${source.title}`, view.element, { id: source.id, remoteChange: view.remoteChange });
  };

  const confirmDelete = async (source: EditableSource) => {
    const full = await api.sourceForDelete(source.id);
    if (!full) return showList(`${source.title} is already gone.`);
    const view = sourceDeleteView(
      {
        api,
        onDeleted: (text) => {
          lastFocused = null;
          deps.onGraphChanged();
          void showList(text);
        },
        onCancel: () => void showList(),
        onShowRelationship: (relationship) => {
          dialog.close();
          deps.onShowRelationship(relationship);
        },
      },
      full,
    );
    showDetail(`Delete ${source.title}?`, view.element, { id: source.id }, view.focus);
  };

  filter.addEventListener('input', render);
  newSource.addEventListener('click', () => {
    lastFocused = null;
    edit(null);
  });
  back.addEventListener('click', () => void showList());

  const dialog = openDialog(
    'Sources',
    { className: 'admin-dialog sources-dialog', onClose: deps.onClose },
    h('p', { className: 'muted' }, 'The reports that evidence and dates cite. A source cited as the only evidence of a relationship cannot be deleted until it has other evidence.'),
    list,
    detail,
  );
  void load();
  filter.focus();

  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    remoteChange(change) {
      if (current) {
        current.remoteChange?.(change);
        return;
      }
      // Counts change with any evidence edit: read the list again once the burst is over.
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 200);
    },
    close: () => dialog.close(),
  };
}
