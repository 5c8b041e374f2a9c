import { createToken, isRole, listTokens, revokeToken, type Store } from '../store';
import type { ControlRequest, ControlResponse } from './control-protocol';

/** Runs a token command against a store: in the server that holds it (for the control socket), or in the command itself. */
export async function runControlCommand(store: Store, request: ControlRequest): Promise<ControlResponse> {
  const pid = process.pid;
  switch (request.command) {
    case 'token.create':
      if (typeof request.name !== 'string' || !isRole(request.role)) return { ok: false, pid, error: 'token.create needs a name and a role' };
      return { ok: true, pid, secret: await createToken(store, request.name, request.role) };
    case 'token.list':
      return {
        ok: true,
        pid,
        tokens: (await listTokens(store)).map((token) => ({ ...token, createdAt: token.createdAt.toISOString(), revokedAt: token.revokedAt?.toISOString() ?? null })),
      };
    case 'token.revoke':
      if (typeof request.name !== 'string') return { ok: false, pid, error: 'token.revoke needs a name' };
      return { ok: true, pid, revoked: await revokeToken(store, request.name) };
    default:
      return { ok: false, pid, error: `unknown command ${JSON.stringify((request as { command?: unknown }).command)}` };
  }
}
