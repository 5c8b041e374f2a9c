import { ApiError } from '../api';
import type { ChangeEntry } from '../edit-types';
import type { Fields } from '../record-form';
import { conflictView } from './conflict-view';
import { clear } from './dom';

interface Versioned {
  readonly id: string;
  readonly version: number;
}

/** What an editor lends the conflict comparison: its form and messages, how to read and save its kind of record. */
export interface ConflictFlow<R extends Versioned> {
  readonly noun: string;
  readonly fields: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** The comparison replaces the form in `element`; going back puts the form there again. */
  readonly element: HTMLElement;
  readonly form: HTMLElement;
  readonly notice: HTMLElement;
  readonly general: HTMLElement;
  readonly valuesOf: (record: R) => Fields;
  readonly load: (id: string) => Promise<R | null | undefined>;
  readonly history: (id: string) => Promise<readonly ChangeEntry[]>;
  readonly update: (theirs: R, patch: Record<string, unknown>) => Promise<void>;
  readonly useTheirs: (theirs: R) => void;
  /** The version the form edits, and the move to theirs once you go on from it. */
  readonly base: () => R;
  readonly rebase: (theirs: R) => void;
}

/** How an editor reads and saves its kind of record; `saved` hears of every record saved or taken over. */
export interface VersionedCalls<R extends Versioned> {
  readonly load: (id: string) => Promise<R | null | undefined>;
  readonly history: (id: string) => Promise<readonly ChangeEntry[]>;
  readonly update: (id: string, version: number, patch: Record<string, unknown>) => Promise<R>;
  readonly saved: (record: R, created: boolean) => void;
}

type EditorParts<R extends Versioned> = Pick<ConflictFlow<R>, 'noun' | 'fields' | 'labels' | 'element' | 'form' | 'notice' | 'general' | 'valuesOf' | 'base' | 'rebase'>;

/** The conflict flow of an editor form: re-applying saves on top of theirs, taking theirs reports it as saved. */
export function editorConflictFlow<R extends Versioned>(parts: EditorParts<R>, calls: VersionedCalls<R>): ConflictFlow<R> {
  return {
    ...parts,
    load: calls.load,
    history: calls.history,
    update: async (theirs, patch) => calls.saved(await calls.update(theirs.id, theirs.version, patch), false),
    useTheirs: (theirs) => calls.saved(theirs, false),
  };
}

/** A stale save (CONFLICT): compare with the current version; re-applying on top of it meets a newer one the same way. */
export async function showConflict<R extends Versioned>(flow: ConflictFlow<R>, mine: Fields): Promise<void> {
  const base = flow.base();
  const theirs = await flow.load(base.id);
  if (!theirs) {
    flow.general.textContent = `Someone deleted this ${flow.noun} while you were editing it. Its history can restore it.`;
    return;
  }
  const changes = (await flow.history(base.id)).filter((change) => change.version > base.version);
  clear(flow.element);
  flow.element.append(
    conflictView({
      fields: flow.fields,
      labels: flow.labels,
      base: flow.valuesOf(base),
      mine,
      theirs: flow.valuesOf(theirs),
      changes,
      reapply: async (patch) => {
        try {
          await flow.update(theirs, patch);
        } catch (error) {
          if (!(error instanceof ApiError && error.code === 'CONFLICT')) throw error;
          flow.rebase(theirs);
          await showConflict(flow, { ...flow.valuesOf(theirs), ...patch });
        }
      },
      useTheirs: () => flow.useTheirs(theirs),
      back: () => {
        flow.rebase(theirs);
        clear(flow.element);
        flow.element.append(flow.form);
        flow.notice.textContent = `You are now editing version ${theirs.version}; your unsaved edits are still in the form.`;
      },
    }),
  );
}
