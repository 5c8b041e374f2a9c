import type { EditApi } from '../edit-api';
import type { Role, TokenInfo } from '../edit-types';
import { openDialog } from './dialog';
import { clear, h } from './dom';
import { busy, clearErrors, field, select, showErrors, textInput } from './form-fields';

const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const ROLES: readonly { value: Role; label: string }[] = [
  { value: 'READER', label: 'Reader: reads (where reading needs a token)' },
  { value: 'EDITOR', label: 'Editor: reads and edits the graph' },
  { value: 'ADMIN', label: 'Admin: also manages tokens' },
];

/**
 * The admin page (a dialog): every token with its role, who created it and when, and whether it was revoked; a form to
 * create one (its secret shown once, to hand over); revoking, after a confirmation. Admins only: the API refuses others.
 */
export function openAdminPage(api: EditApi, self: string, announce: (text: string) => void, onSelfRevoked: () => void): void {
  const rows = h('tbody', {});
  const message = h('p', { className: 'form-message', role: 'alert' });
  const secretSlot = h('div', { className: 'secret-slot', 'aria-live': 'polite' });

  const revokeCell = (token: TokenInfo) => {
    const cell = h('td', {});
    if (token.revokedAt) {
      cell.append(`revoked ${formatTime(token.revokedAt)}${token.revokedBy ? ` by ${token.revokedBy}` : ''}`);
      return cell;
    }
    const revoke = h('button', { type: 'button', 'aria-label': `Revoke ${token.name}` }, 'Revoke');
    revoke.addEventListener('click', () => {
      clear(cell);
      const yes = h('button', { type: 'button', className: 'danger' }, `Revoke ${token.name}`);
      const no = h('button', { type: 'button' }, 'Keep');
      cell.append(h('span', {}, token.name === self ? 'Your own token: you will be signed out. ' : 'It stops working at once. '), yes, ' ', no);
      no.addEventListener('click', () => void load());
      yes.addEventListener('click', () =>
        void busy(yes, async () => {
          try {
            await api.revokeToken(token.name);
            announce(`Revoked token "${token.name}".`);
            if (token.name === self) {
              dialog.close();
              onSelfRevoked();
              return;
            }
            await load();
          } catch (error) {
            message.textContent = `Could not revoke: ${(error as Error).message}`;
            await load();
          }
        }),
      );
      yes.focus();
    });
    cell.append('works ', revoke);
    return cell;
  };

  const load = async () => {
    try {
      const tokens = await api.tokens();
      clear(rows);
      for (const token of tokens) {
        rows.append(
          h(
            'tr',
            { 'data-token': token.name, className: token.revokedAt ? 'revoked' : '' },
            h('th', { scope: 'row' }, token.name),
            h('td', {}, token.role.toLowerCase()),
            h('td', {}, `${formatTime(token.createdAt)}${token.createdBy ? ` by ${token.createdBy}` : ''}`),
            revokeCell(token),
          ),
        );
      }
    } catch (error) {
      message.textContent = `Could not list the tokens: ${(error as Error).message}`;
    }
  };

  const name = textInput('', { maxlength: '64' });
  const role = select(ROLES, 'EDITOR');
  const fields = {
    name: field('Name', name, { hint: 'Who will use it, e.g. alice: the history records their edits under this name.', required: true }),
    role: field('Role', role),
  };
  const create = h('button', { type: 'submit', className: 'primary' }, 'Create token');
  const createMessage = h('p', { className: 'form-message', role: 'alert' });
  const form = h('form', { className: 'token-form', novalidate: true, 'aria-label': 'New token' }, h('h3', {}, 'New token'), fields.name.element, fields.role.element, createMessage, h('div', { className: 'button-row' }, create));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(create, async () => {
      try {
        const created = await api.createToken(name.value.trim(), role.value as Role);
        clearErrors(fields, createMessage);
        name.value = '';
        clear(secretSlot);
        const secret = h('input', { type: 'text', readonly: true, className: 'secret', 'aria-label': `Secret of ${created.token.name}` });
        secret.value = created.secret;
        const copy = h('button', { type: 'button' }, 'Copy');
        copy.addEventListener('click', () => void navigator.clipboard.writeText(created.secret).then(() => (copy.textContent = 'Copied')));
        secretSlot.append(
          h(
            'div',
            { className: 'secret-box' },
            h('p', {}, h('strong', {}, `Secret of "${created.token.name}" (${created.token.role.toLowerCase()}): shown this once.`), ' Hand it over privately; only its hash is stored, so it cannot be shown again.'),
            h('div', { className: 'field-row' }, secret, copy),
          ),
        );
        secret.focus();
        secret.select();
        await load();
      } catch (error) {
        (showErrors(error, fields, createMessage)?.control ?? name).focus();
      }
    });
  });

  const dialog = openDialog(
    'Tokens',
    { className: 'admin-dialog' },
    h('p', { className: 'muted' }, 'Bearer tokens of this server. `proxygraph token create` on the server does the same.'),
    h('table', { className: 'token-table' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Created'), h('th', { scope: 'col' }, 'Status'))), rows),
    message,
    form,
    secretSlot,
  );
  void load();
  name.focus();
}
