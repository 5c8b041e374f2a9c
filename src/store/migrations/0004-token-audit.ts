import type { Migration } from './migration';

/**
 * Who created and who revoked each token: tokens are now also managed over the API by admins, so the admin page (and
 * an audit) must say which admin made or withdrew a token, not only when.
 */
export const tokenAudit: Migration = {
  version: 4,
  name: 'token-audit',
  sql: `
ALTER TABLE tokens ADD COLUMN created_by text;
ALTER TABLE tokens ADD COLUMN revoked_by text;
`,
};
