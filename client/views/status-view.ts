import type { Status } from '../controller';
import { clear, h } from './dom';

/** The message line over the graph (role=status, read out politely). */
export function statusView(container: HTMLElement): { show(status: Status | null): void } {
  return {
    show(status) {
      clear(container);
      if (status) container.appendChild(h('span', { className: `tone-${status.tone}` }, status.text));
    },
  };
}
