import { createHash, randomBytes } from 'node:crypto';
import { InvalidInputError } from '../model';
import { isRole, type Actor, type Role } from './access';
import type { Store } from './store';

const TOKEN_PREFIX = 'pxg_';
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export interface TokenInfo {
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
  /** The admin token (or command, cli) that created it; null for tokens made before this was recorded. */
  readonly createdBy: string | null;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
}

/** What `proxygraph token` commands record as the creator or revoker of a token. */
export const CLI_ACTOR = 'cli';
const RESERVED_NAMES = new Set([CLI_ACTOR, 'seed']);

/** Tokens are stored as the SHA-256 of the secret: a stolen database does not give working tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Creates a token; returns its secret, which is not stored and cannot be shown again. `by`: who creates it. */
export async function createToken(store: Store, name: string, role: string, by: string = CLI_ACTOR): Promise<string> {
  if (!NAME_PATTERN.test(name)) throw new InvalidInputError('name', `${JSON.stringify(name)} is not a token name: use 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit`);
  if (RESERVED_NAMES.has(name)) throw new InvalidInputError('name', `"${name}" names changes made by commands in the history; choose another name`);
  if (!isRole(role)) throw new InvalidInputError('role', `${JSON.stringify(role)} is not a role: use reader, editor or admin`);
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const { rowCount } = await store.driver.query('INSERT INTO tokens (name, role, secret_hash, created_by) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING', [name, role, hashSecret(secret), by]);
  if (rowCount !== 1) throw new InvalidInputError('name', `a token named "${name}" exists already (revoked tokens keep their names, so that the history stays unambiguous); choose another name`);
  return secret;
}

export interface RevokeOptions {
  /** Who revokes it. */
  readonly by?: string;
  /**
   * Refuse to revoke the last admin token that works: over the API, where doing so would leave nobody able to manage
   * tokens except through the command line.
   */
  readonly keepLastAdmin?: boolean;
}

/** Revokes a token at once; false when there is no such token or it was revoked already. */
export async function revokeToken(store: Store, name: string, options: RevokeOptions = {}): Promise<boolean> {
  return store.driver.transaction(async (sql) => {
    // Locks the admin rows, so that two admins revoking each other at once cannot both succeed.
    const { rows } = await sql.query<{ name: string }>("SELECT name FROM tokens WHERE role = 'admin' AND revoked_at IS NULL ORDER BY name FOR UPDATE");
    if (options.keepLastAdmin && rows.length === 1 && rows[0].name === name) {
      throw new InvalidInputError('name', `"${name}" is the last admin token that works; create another admin token first, so that someone can still manage tokens`);
    }
    const { rowCount } = await sql.query('UPDATE tokens SET revoked_at = now(), revoked_by = $2 WHERE name = $1 AND revoked_at IS NULL', [name, options.by ?? CLI_ACTOR]);
    return rowCount === 1;
  });
}

export async function listTokens(store: Store): Promise<TokenInfo[]> {
  return readTokens(store, null);
}

/** One token by name; null when there is none. */
export async function getToken(store: Store, name: string): Promise<TokenInfo | null> {
  return (await readTokens(store, name))[0] ?? null;
}

async function readTokens(store: Store, name: string | null): Promise<TokenInfo[]> {
  const { rows } = await store.driver.query<{ name: string; role: Role; created_at: Date; created_by: string | null; revoked_at: Date | null; revoked_by: string | null }>(
    'SELECT name, role, created_at, created_by, revoked_at, revoked_by FROM tokens WHERE $1::text IS NULL OR name = $1 ORDER BY name',
    [name],
  );
  return rows.map((row) => ({
    name: row.name,
    role: row.role,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    revokedAt: row.revoked_at && new Date(row.revoked_at),
    revokedBy: row.revoked_by,
  }));
}

/** Who a secret belongs to; null when it is no token of this store or was revoked. */
export async function authenticate(store: Store, secret: string): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const { rows } = await store.driver.query<{ name: string; role: Role }>('SELECT name, role FROM tokens WHERE secret_hash = $1 AND revoked_at IS NULL', [hashSecret(secret)]);
  return rows.length > 0 ? { name: rows[0].name, role: rows[0].role } : null;
}
