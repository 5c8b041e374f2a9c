import { ApiError } from '../api';
import type { EditApi } from '../edit-api';
import type { Role, SessionInfo, Viewer } from '../edit-types';
import { clearToken, currentToken, saveToken } from '../session';
import { openDialog } from './dialog';
import { append, clear, h } from './dom';
import { busy, field } from './form-fields';

const ROLE_LABELS: Record<Role, string> = { READER: 'reader', EDITOR: 'editor', ADMIN: 'admin' };

/** What the page says when the server stops taking the token the tab signed in with. */
export const TOKEN_GONE = 'Your token is no longer valid: you were signed out.';

export function canEdit(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.role !== 'READER';
}

export function isAdmin(viewer: Viewer | null): boolean {
  return viewer?.role === 'ADMIN';
}

export interface SessionView {
  readonly state: SessionInfo;
  /** Called after signing in or out (and when a token stops working). */
  onChange(listener: (state: SessionInfo) => void): void;
  openSignIn(): void;
  /** The token stopped working (revoked): sign out and say so. */
  expire(message: string): void;
  /** Buttons shown beside "Sign out" for the role (New entity, Tokens). */
  setActions(actions: readonly HTMLElement[]): void;
}

/**
 * Signing in and out: a "Sign in" button opens a dialog asking for the token, which is checked with the server, then
 * kept in sessionStorage (session.ts); the header shows who is signed in and with which role. Reading needs no sign-in
 * unless the server says so (PROXYGRAPH_READ_ACCESS=token): then the dialog opens at start and cannot be dismissed.
 */
export async function startSession(container: HTMLElement, api: EditApi, announce: (text: string) => void): Promise<SessionView> {
  let state: SessionInfo = { viewer: null, editable: false };
  let actions: readonly HTMLElement[] = [];
  const listeners: ((state: SessionInfo) => void)[] = [];

  const render = () => {
    clear(container);
    if (!state.editable) return;
    if (state.viewer) {
      append(
        container,
        ...actions,
        h('span', { className: 'session-who', title: 'The history records your edits under this name' }, h('span', { className: 'visually-hidden' }, 'Signed in as '), state.viewer.name, h('span', { className: 'role-badge' }, ROLE_LABELS[state.viewer.role])),
      );
      const signOut = h('button', { type: 'button', id: 'sign-out-button' }, 'Sign out');
      signOut.addEventListener('click', () => {
        clearToken();
        void set({ viewer: null, editable: state.editable }, 'Signed out: the token was removed from this tab.');
      });
      container.appendChild(signOut);
    } else {
      const signIn = h('button', { type: 'button', id: 'sign-in-button' }, 'Sign in');
      signIn.addEventListener('click', () => void ask(false));
      container.appendChild(signIn);
    }
  };

  const set = async (next: SessionInfo, message?: string) => {
    state = next;
    render();
    if (message) announce(message);
    for (const listener of listeners) listener(state);
  };

  /** The dialog. Resolves once signed in (or when dismissed, unless `required`). */
  const ask = (required: boolean): Promise<void> =>
    new Promise((resolve) => {
      const input = h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false', name: 'token' });
      const token = field('Token', input, { hint: 'The secret of a token from your admin (it starts with pxg_). It is kept in this browser tab only, until you sign out or close the tab.', required: true });
      const submit = h('button', { type: 'submit', className: 'primary' }, 'Sign in');
      const cancel = required ? null : h('button', { type: 'button' }, 'Cancel');
      const form = h(
        'form',
        { className: 'sign-in-form', novalidate: true },
        required ? h('p', {}, 'This server needs a token to read the graph.') : null,
        token.element,
        h('div', { className: 'button-row' }, submit, cancel),
      );
      const dialog = openDialog('Sign in', { className: 'sign-in-dialog', onClose: () => resolve(), required }, form);
      cancel?.addEventListener('click', () => dialog.close());
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const secret = input.value.trim();
        if (!secret) {
          token.setError('Paste your token.');
          input.focus();
          return;
        }
        void busy(submit, async () => {
          try {
            const viewer = await api.checkToken(secret);
            if (!viewer) throw new Error('the server did not recognise the token');
            saveToken(secret);
            input.value = '';
            const session = await api.session();
            dialog.close();
            await set(session, `Signed in as ${viewer.name} (${ROLE_LABELS[viewer.role]}).`);
          } catch (error) {
            token.setError(error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? 'This token is not valid: it is unknown or was revoked.' : `Could not sign in: ${(error as Error).message}`);
            input.select();
          }
        });
      });
      input.focus();
    });

  // Start: the stored token (if any) is checked; a token that no longer works is dropped; a server that needs a
  // token to read gets the dialog before anything else is loaded.
  for (;;) {
    try {
      state = await api.session();
      break;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'UNAUTHENTICATED')) throw error;
      if (currentToken()) {
        clearToken();
        announce(TOKEN_GONE);
        continue;
      }
      await ask(true);
    }
  }
  render();
  return {
    get state() {
      return state;
    },
    onChange: (listener) => void listeners.push(listener),
    openSignIn: () => void ask(false),
    expire(message) {
      if (!currentToken()) return;
      clearToken();
      void set({ viewer: null, editable: state.editable }, message).then(async () => {
        // A server that needs a token to read asks for another one at once.
        try {
          await api.session();
        } catch (error) {
          if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') await ask(true);
        }
      });
    },
    setActions(next) {
      actions = next;
      render();
    },
  };
}
