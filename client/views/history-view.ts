import { ApiError } from '../api';
import type { EditApi } from '../edit-api';
import type { ChangeEntry } from '../edit-types';
import { changedFields, showValue } from '../record-form';
import { clear, h } from './dom';
import { busy } from './form-fields';
import type { PaneContent } from './editor-pane';

export interface HistoryDeps {
  readonly api: EditApi;
  /** Whether revert buttons are offered (an editor is signed in). */
  readonly canEdit: () => boolean;
  readonly onReverted: (id: string, kind: ChangeEntry['kind'], message: string) => void;
}

const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const VERBS: Record<ChangeEntry['op'], string> = { CREATE: 'created', UPDATE: 'changed', DELETE: 'deleted' };

/**
 * The history of an entity or relationship, newest first: who, when, with which operation, and each field before →
 * after. An editor can bring back any earlier version ("Revert to this version"): a new change on top, so the history
 * keeps everything; a deleted record is restored the same way.
 */
export function historyView(deps: HistoryDeps, id: string, title: string): PaneContent {
  const element = h('div', { className: 'history' });
  const message = h('p', { className: 'form-message', role: 'alert' });
  const list = h('ol', { className: 'history-list', reversed: true });
  element.append(message, list);

  const render = (changes: readonly ChangeEntry[]) => {
    clear(list);
    if (changes.length === 0) {
      list.append(h('li', { className: 'muted' }, 'No recorded changes.'));
      return;
    }
    const last = changes[changes.length - 1];
    const currentVersion = last.op === 'DELETE' ? null : last.version;
    for (const change of [...changes].reverse()) {
      const diff = changedFields(change.before, change.after);
      const canRevert = deps.canEdit() && change.after !== null && change.version !== currentVersion;
      const revert = canRevert ? h('button', { type: 'button', className: 'revert-button' }, currentVersion === null ? `Restore version ${change.version}` : `Revert to version ${change.version}`) : null;
      revert?.addEventListener('click', () =>
        void busy(revert, async () => {
          try {
            const result = await deps.api.revert(id, change.version, currentVersion);
            deps.onReverted(id, change.kind, `${currentVersion === null ? 'Restored' : 'Reverted'} ${title} to version ${result.revertedTo}, as a new version.`);
            await load();
          } catch (error) {
            message.textContent = error instanceof ApiError && error.code === 'CONFLICT' ? `${title} changed meanwhile; the history is up to date now, try again.` : `Could not revert: ${(error as Error).message}`;
            await load();
          }
        }),
      );
      list.append(
        h(
          'li',
          { className: `history-entry op-${change.op.toLowerCase()}`, 'data-version': String(change.version) },
          h(
            'p',
            { className: 'history-line' },
            h('strong', {}, `Version ${change.version}`),
            change.version === currentVersion ? h('span', { className: 'badge badge-current' }, 'current') : null,
            ` ${VERBS[change.op]} by `,
            h('span', { className: 'history-actor' }, change.actor),
            ` · ${formatTime(change.at)} · `,
            h('code', {}, change.operation),
          ),
          change.op === 'CREATE' && change.after
            ? h(
                'dl',
                { className: 'history-diff' },
                ...Object.entries(change.after)
                  .filter(([field]) => field !== 'id')
                  .flatMap(([field, value]) => [h('dt', {}, field), h('dd', {}, h('ins', {}, showValue(value)))]),
              )
            : null,
          change.op === 'UPDATE' && diff.length > 0
            ? h(
                'dl',
                { className: 'history-diff' },
                ...diff.flatMap((item) => [h('dt', {}, item.field), h('dd', {}, h('del', {}, showValue(item.before)), ' → ', h('ins', {}, showValue(item.after)))]),
              )
            : null,
          revert,
        ),
      );
    }
  };

  const load = async () => {
    try {
      render(await deps.api.history(id));
    } catch (error) {
      message.textContent = `Could not read the history: ${(error as Error).message}`;
    }
  };
  void load();

  return {
    title: `History of ${title}`,
    element,
    readOnly: true,
    dirty: () => false,
    focus: () => element.closest<HTMLElement>('section')?.querySelector<HTMLElement>('.pane-title')?.focus(),
    remoteChange(change) {
      if (change.id === id) void load();
    },
  };
}
