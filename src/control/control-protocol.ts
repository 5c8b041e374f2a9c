import { join } from 'node:path';
import type { Role } from '../store';

/**
 * The local control socket of a server on an embedded store. One process at a time may open an embedded store, and
 * a running server holds it; commands that need the store while it runs (`proxygraph token ...`) ask the server
 * through a Unix socket inside PROXYGRAPH_HOME, readable and writable by its owner only (0600): whoever may use it
 * could as well read the store's files. One JSON request per line, one JSON answer per line.
 */
export const CONTROL_SOCKET = 'proxygraph.sock';

/** Unix socket paths are limited to about 107 bytes (sun_path). */
export const MAX_SOCKET_PATH = 100;

export function controlSocketPath(home: string): string {
  return join(home, CONTROL_SOCKET);
}

export type ControlRequest =
  | { readonly command: 'token.create'; readonly name: string; readonly role: Role }
  | { readonly command: 'token.list' }
  | { readonly command: 'token.revoke'; readonly name: string };

export interface ControlToken {
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}

export type ControlResponse =
  | { readonly ok: true; readonly pid: number; readonly secret?: string; readonly tokens?: readonly ControlToken[]; readonly revoked?: boolean }
  | { readonly ok: false; readonly pid: number; readonly error: string };
