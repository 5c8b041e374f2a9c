import type { LiveChange } from '../edit-types';
import type { LiveState } from '../live-updates';
import { typeLabel } from '../style';
import { clear, h } from './dom';

export interface ActivityActions {
  /** Show the record (an entity or relationship that still exists). */
  readonly onShow: (change: LiveChange) => void;
  readonly onHistory: (change: LiveChange) => void;
}

const MAX = 40;
const VERBS: Record<LiveChange['op'], string> = { create: 'added', update: 'changed', delete: 'deleted' };
/** Operations whose name says more than the verb: a merge deletes, an unmerge or a revert adds back. */
const NOTED: Readonly<Record<string, string>> = { mergeEntities: 'merge', unmerge: 'unmerge', revert: 'revert', import: 'import', seed: 'seed' };
const formatTime = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * Recent changes, newest first, as they arrive live from the server (and from the change log at start): who changed
 * what, when. Each entry shows the record, or opens its history (which can restore a deleted one).
 */
export function activityView(container: HTMLElement, state: HTMLElement, actions: ActivityActions) {
  const list = h('ol', { className: 'activity-list', 'aria-label': 'Recent changes, newest first' });
  const empty = h('p', { className: 'muted' }, 'No changes yet.');
  container.append(empty, list);
  const seen = new Set<number>();
  const entries: LiveChange[] = [];

  const labelOf = (change: LiveChange) => (change.relationship ? `${change.relationship.source.name} ${typeLabel(change.relationship.type)} ${change.relationship.target.name}` : change.label);
  const render = () => {
    clear(list);
    empty.hidden = entries.length > 0;
    for (const change of entries) {
      const label = labelOf(change);
      const name = h('button', { type: 'button', className: 'link-button' }, label);
      name.addEventListener('click', () => actions.onShow(change));
      const history = h('button', { type: 'button', className: 'icon-button', 'aria-label': `History of ${label}`, title: 'History' }, '⟲');
      history.addEventListener('click', () => actions.onHistory(change));
      list.append(
        h(
          'li',
          { className: `activity op-${change.op}`, 'data-seq': String(change.seq) },
          h('span', { className: 'activity-actor' }, change.actor),
          ` ${VERBS[change.op]} ${change.kind === 'relationship' ? 'relationship ' : change.kind === 'source' ? 'source ' : ''}`,
          change.op === 'delete' || change.kind === 'source' ? h('span', { className: 'activity-label' }, label) : name,
          change.kind === 'source' ? null : history,
          h('span', { className: 'activity-time' }, ` ${formatTime(change.at)}${NOTED[change.operation] ? ` · ${NOTED[change.operation]}` : ''}`),
        ),
      );
    }
  };

  return {
    add(changes: readonly LiveChange[]) {
      for (const change of changes) {
        if (seen.has(change.seq)) continue;
        seen.add(change.seq);
        entries.push(change);
      }
      entries.sort((a, b) => b.seq - a.seq);
      entries.splice(MAX);
      render();
    },
    setState(live: LiveState, detail?: string) {
      const text = { connecting: 'connecting…', live: 'live', offline: 'offline: reconnecting', unauthorized: 'signed out' }[live];
      state.textContent = text;
      state.className = `live-state live-${live}`;
      state.title = detail ?? (live === 'live' ? 'Edits by others appear as they are saved.' : '');
    },
  };
}
