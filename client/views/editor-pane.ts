import type { LiveChange } from '../edit-types';
import { clear, h } from './dom';

/** What the editing pane shows: one form at a time (entity, relationship, evidence, history). */
export interface PaneContent {
  readonly title: string;
  readonly element: HTMLElement;
  /** True while it holds edits not saved. */
  dirty(): boolean;
  /** Moves focus into it. */
  focus(): void;
  /** It only reads (a history): it may stay open after signing out. */
  readonly readOnly?: boolean;
  /** Someone saved a change (live): a form about the same record says so. */
  remoteChange?(change: LiveChange): void;
}

export interface EditorPane {
  open(content: PaneContent): boolean;
  close(): void;
  readonly current: PaneContent | null;
  /** Asks before dropping unsaved edits; true when the pane may be replaced or closed. */
  mayLeave(): boolean;
}

/** The editing column beside the details panel. Non-modal, so that the graph stays usable (to pick ends on it). */
export function editorPane(container: HTMLElement, onLayout: () => void): EditorPane {
  let current: PaneContent | null = null;
  const pane: EditorPane = {
    get current() {
      return current;
    },
    mayLeave() {
      return !current || !current.dirty() || window.confirm(`Discard your unsaved changes in "${current.title}"?`);
    },
    open(content) {
      if (current && current !== content && !pane.mayLeave()) return false;
      current = content;
      clear(container);
      const close = h('button', { type: 'button', className: 'icon-button pane-close', 'aria-label': `Close: ${content.title}` }, '×');
      close.addEventListener('click', () => {
        if (pane.mayLeave()) pane.close();
      });
      container.append(close, h('h2', { className: 'pane-title', tabindex: '-1' }, content.title), content.element);
      container.hidden = false;
      onLayout();
      content.focus();
      return true;
    },
    close() {
      current = null;
      clear(container);
      container.hidden = true;
      onLayout();
    },
  };
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented && current && !(event.target instanceof HTMLSelectElement) && pane.mayLeave()) {
      event.preventDefault();
      pane.close();
    }
  });
  return pane;
}
