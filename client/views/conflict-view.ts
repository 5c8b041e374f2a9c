import type { ChangeEntry } from '../edit-types';
import { conflictRows, reapplyPatch, showValue, type Fields } from '../record-form';
import { h, uid } from './dom';
import { busy } from './form-fields';

export interface ConflictOptions {
  readonly fields: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** The record as you read it, as you edited it, and as it is now. */
  readonly base: Fields;
  readonly mine: Fields;
  readonly theirs: Fields;
  /** The changes saved since the version you read (who, when). */
  readonly changes: readonly ChangeEntry[];
  /** Saves the patch on top of the current version. */
  readonly reapply: (patch: Record<string, unknown>) => Promise<void>;
  readonly useTheirs: () => void;
  readonly back: () => void;
}

const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * A stale save (CONFLICT): who changed the record since you read it, and every field either of you changed, side by
 * side. Nothing is overwritten silently: your edit is re-applied on top of theirs only when you say so, and where you
 * both changed a field you choose whose value stays.
 */
export function conflictView(options: ConflictOptions): HTMLElement {
  const rows = conflictRows(options.fields, options.base, options.mine, options.theirs);
  const keepTheirs = new Set<string>();
  const who = [...new Set(options.changes.map((change) => change.actor))];
  const last = options.changes[options.changes.length - 1];
  const message = h('p', { className: 'form-message', role: 'alert' });
  const table = h(
    'table',
    { className: 'conflict-table' },
    h('caption', { className: 'visually-hidden' }, 'Fields changed by you and by them'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, `Theirs (${who.join(', ') || 'someone'})`), h('th', { scope: 'col' }, 'Yours'))),
    h(
      'tbody',
      {},
      ...rows.map((row) => {
        const label = options.labels[row.field] ?? row.field;
        const note = row.change === 'mine' ? 'only you changed it' : row.change === 'theirs' ? 'only they changed it: stays as they saved it' : row.change === 'same' ? 'you both made the same change' : 'you both changed it: choose';
        let keepMine: HTMLElement | null = null;
        let keepOther: HTMLElement | null = null;
        if (row.change === 'both') {
          // Both changed it: the analyst picks the value to keep, in the cell that shows it.
          const name = uid('choice');
          const mine = h('input', { type: 'radio', name, value: 'mine', checked: true, 'aria-label': `Keep your ${label}` });
          const theirs = h('input', { type: 'radio', name, value: 'theirs', 'aria-label': `Keep their ${label}` });
          const update = () => (theirs.checked ? keepTheirs.add(row.field) : keepTheirs.delete(row.field));
          mine.addEventListener('change', update);
          theirs.addEventListener('change', update);
          keepMine = h('label', { className: 'conflict-keep' }, mine, ' keep yours');
          keepOther = h('label', { className: 'conflict-keep' }, theirs, ' keep theirs');
        }
        return h(
          'tr',
          { className: `conflict-${row.change}`, 'data-field': row.field },
          h('th', { scope: 'row' }, label, h('span', { className: 'conflict-note' }, note)),
          h('td', { className: 'conflict-theirs' }, h('span', { className: 'conflict-value' }, showValue(row.theirs)), keepOther),
          h('td', { className: 'conflict-mine' }, h('span', { className: 'conflict-value' }, showValue(row.mine)), keepMine),
        );
      }),
    ),
  );
  const reapply = h('button', { type: 'button', className: 'primary' }, 'Re-apply mine on top');
  const useTheirs = h('button', { type: 'button' }, 'Use theirs, drop mine');
  const back = h('button', { type: 'button' }, 'Back to my edit');
  reapply.addEventListener('click', () =>
    void busy(reapply, async () => {
      const patch = reapplyPatch(rows, keepTheirs);
      if (Object.keys(patch).length === 0) {
        options.useTheirs();
        return;
      }
      try {
        await options.reapply(patch);
      } catch (error) {
        message.textContent = `Could not save: ${(error as Error).message}`;
      }
    }),
  );
  useTheirs.addEventListener('click', () => options.useTheirs());
  back.addEventListener('click', () => options.back());
  const element = h(
    'section',
    { className: 'conflict', 'aria-labelledby': 'conflict-heading' },
    h('h3', { id: 'conflict-heading', tabindex: '-1' }, 'Someone saved a change first'),
    h(
      'p',
      {},
      last
        ? `${who.join(' and ')} changed this since you opened it (now version ${last.version}, ${formatTime(last.at)}). Your edit was not saved. Compare, then re-apply yours on top of theirs:`
        : 'This changed since you opened it. Your edit was not saved. Compare, then re-apply yours on top of theirs:',
    ),
    rows.length > 0 ? table : h('p', { className: 'muted' }, 'None of the fields differ.'),
    message,
    h('div', { className: 'button-row' }, reapply, useTheirs, back),
  );
  queueMicrotask(() => element.querySelector<HTMLElement>('#conflict-heading')?.focus());
  return element;
}
