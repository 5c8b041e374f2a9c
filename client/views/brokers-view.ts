import type { ApiBrokers } from '../analysis-api';
import type { ApiEntity, ApiPath } from '../types';
import { clear, h } from './dom';
import { entityChips } from './entity-chips';

export interface BrokersViewOptions {
  readonly search: (text: string, signal: AbortSignal) => Promise<ApiEntity[]>;
  /** The brokers between the two groups under the view's date and filters. */
  readonly find: (from: readonly string[], to: readonly string[]) => Promise<ApiBrokers>;
  /** Draws and highlights a broker's example path (and lists it hop by hop with evidence). */
  readonly onShowPath: (paths: readonly ApiPath[]) => void;
  readonly onSelect: (id: string) => void;
}

const GROUP_NOTE = { FROM: 'in the first group', TO: 'in the second group' } as const;

/** "37%", or "< 1%" for a share that would round to nothing. */
function percent(share: number): string {
  return share > 0 && share < 0.005 ? '< 1%' : `${Math.round(share * 100)}%`;
}

/**
 * Brokers between two groups: who carries the shortest-path traffic between, say, the militias and the US forces,
 * under the view's date and filters. Each broker shows its share and one example path, which can be drawn.
 */
export function brokersView(container: HTMLElement, options: BrokersViewOptions): void {
  const groups = [
    entityChips({ id: 'brokers-from', label: 'First group', placeholder: 'e.g. Kataib Hezbollah', chipsLabel: 'Entities of the first group', removeLabel: (name) => `Take ${name} out of the first group`, search: options.search }),
    entityChips({ id: 'brokers-to', label: 'Second group', placeholder: 'e.g. United States', chipsLabel: 'Entities of the second group', removeLabel: (name) => `Take ${name} out of the second group`, search: options.search }),
  ];
  const message = h('p', { className: 'form-message', role: 'alert' });
  const find = h('button', { type: 'submit', id: 'brokers-find' }, 'Find brokers');
  const summary = h('p', { className: 'analysis-summary muted', id: 'brokers-summary', 'aria-live': 'polite' });
  const list = h('ol', { className: 'broker-list', id: 'broker-list' });
  const form = h('form', { className: 'brokers-form', 'aria-label': 'Find the brokers between two groups', novalidate: true }, ...groups[0].elements, ...groups[1].elements, message, h('div', { className: 'button-row' }, find));
  container.append(form, summary, list);

  const show = (result: ApiBrokers) => {
    clear(list);
    const pairs = result.connectedPairs + result.unconnectedPairs;
    summary.textContent =
      result.connectedPairs === 0
        ? `No shortest path joins the two groups under the current date and filters (${pairs} pairs).`
        : `${result.connectedPairs} of ${pairs} pairs are joined; the share is the part of their shortest paths through each broker.`;
    if (result.connectedPairs > 0 && result.brokers.length === 0) summary.textContent += ' The groups are adjacent: no one stands between them.';
    for (const broker of result.brokers) {
      const name = h('button', { type: 'button', className: 'link-button' }, broker.entity.name);
      name.addEventListener('click', () => options.onSelect(broker.entity.id));
      const path = broker.paths.length > 0 ? h('button', { type: 'button', className: 'show-path' }, 'Show a path') : null;
      path?.addEventListener('click', () => options.onShowPath(broker.paths));
      list.append(
        h(
          'li',
          { className: 'broker', 'data-id': broker.entity.id },
          name,
          h('span', { className: 'broker-share' }, ` ${percent(broker.share)}`),
          broker.group ? h('span', { className: 'muted' }, ` (${GROUP_NOTE[broker.group]})`) : null,
          path,
        ),
      );
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const [from, to] = groups.map((group) => group.ids());
    if (from.length === 0 || to.length === 0) {
      message.textContent = `Choose at least one entity for the ${from.length === 0 ? 'first' : 'second'} group.`;
      return;
    }
    message.textContent = '';
    find.disabled = true;
    try {
      show(await options.find(from, to));
    } catch (error) {
      clear(list);
      summary.textContent = '';
      message.textContent = (error as Error).message;
    } finally {
      find.disabled = false;
    }
  });
}
