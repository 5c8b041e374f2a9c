import { append, h, type Child } from './dom';

export interface Dialog {
  readonly element: HTMLDialogElement;
  /** The area under the title, to fill. */
  readonly body: HTMLElement;
  close(): void;
}

/**
 * A modal dialog (the native <dialog>: focus stays inside, Escape closes it) titled for screen readers; closing it
 * removes it and gives focus back to where it was.
 */
export function openDialog(title: string, options: { className?: string; onClose?: () => void; required?: boolean } = {}, ...children: Child[]): Dialog {
  const previous = document.activeElement as HTMLElement | null;
  const heading = h('h2', { className: 'dialog-title' }, title);
  heading.id = `dialog-${Date.now().toString(36)}`;
  const body = h('div', { className: 'dialog-body' });
  append(body, ...children);
  const close = h('button', { type: 'button', className: 'icon-button dialog-close', 'aria-label': 'Close the dialog' }, '×');
  const element = h('dialog', { className: `dialog ${options.className ?? ''}`.trim(), 'aria-labelledby': heading.id }, options.required ? null : close, heading, body);
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    if (element.open) element.close();
    element.remove();
    options.onClose?.();
    previous?.focus?.();
  };
  close.addEventListener('click', finish);
  element.addEventListener('close', finish);
  // A required dialog (a token before anything can be read) is closed only by the code that opened it.
  if (options.required) element.addEventListener('cancel', (event) => event.preventDefault());
  document.body.appendChild(element);
  element.showModal();
  return { element, body, close: finish };
}
