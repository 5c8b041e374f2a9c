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
  readonly revokedAt: Date | null;
}

/** Tokens are stored as the SHA-256 of the secret: a stolen database does not give working tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Creates a token; returns its secret, which is not stored and cannot be shown again. */
export async function createToken(store: Store, name: string, role: string): Promise<string> {
  if (!NAME_PATTERN.test(name)) throw new InvalidInputError('name', `${JSON.stringify(name)} is not a token name: use 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit`);
  if (!isRole(role)) throw new InvalidInputError('role', `${JSON.stringify(role)} is not a role: use reader, editor or admin`);
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const { rowCount } = await store.driver.query('INSERT INTO tokens (name, role, secret_hash) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [name, role, hashSecret(secret)]);
  if (rowCount !== 1) throw new InvalidInputError('name', `a token named "${name}" exists already (revoked tokens keep their names, so that the history stays unambiguous); choose another name`);
  return secret;
}

/** Revokes a token at once; false when there is no such token or it was revoked already. */
export async function revokeToken(store: Store, name: string): Promise<boolean> {
  const { rowCount } = await store.driver.query('UPDATE tokens SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL', [name]);
  return rowCount === 1;
}

export async function listTokens(store: Store): Promise<TokenInfo[]> {
  const { rows } = await store.driver.query<{ name: string; role: Role; created_at: Date; revoked_at: Date | null }>('SELECT name, role, created_at, revoked_at FROM tokens ORDER BY name');
  return rows.map((row) => ({ name: row.name, role: row.role, createdAt: new Date(row.created_at), revokedAt: row.revoked_at && new Date(row.revoked_at) }));
}

/** Who a secret belongs to; null when it is no token of this store or was revoked. */
export async function authenticate(store: Store, secret: string): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const { rows } = await store.driver.query<{ name: string; role: Role }>('SELECT name, role FROM tokens WHERE secret_hash = $1 AND revoked_at IS NULL', [hashSecret(secret)]);
  return rows.length > 0 ? { name: rows[0].name, role: rows[0].role } : null;
}
