import { createToken, isRole, listTokens, revokeToken, ROLES } from '../store';
import { parseOptions, withStore } from './store-command';
import type { CommandOutput } from './validate-command';

export const TOKEN_USAGE = `usage:
  proxygraph token create --name NAME --role ${ROLES.join('|')}   prints the new token's secret (once: it is stored hashed)
  proxygraph token list                                   names, roles, and when each was created or revoked
  proxygraph token revoke NAME                            the token stops working at once`;

/** `proxygraph token create|list|revoke`: the bearer tokens of the store of the environment. */
export async function tokenCommand(argv: readonly string[], output: CommandOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [action, ...args] = argv;
  const { options, rest } = parseOptions(args);
  switch (action) {
    case 'create': {
      const name = options.get('name');
      const role = options.get('role');
      if (!name || !role || rest.length > 0) {
        output.err(TOKEN_USAGE);
        return 2;
      }
      if (!isRole(role)) {
        output.err(`proxygraph: ${JSON.stringify(role)} is not a role: use ${ROLES.join(', ')}`);
        return 2;
      }
      return withStore(env, output, async (store) => {
        const secret = await createToken(store, name, role);
        output.err(`created token "${name}" (${role}); this is its secret, shown this once:`);
        output.out(secret);
        return 0;
      });
    }
    case 'list':
      return withStore(env, output, async (store) => {
        const tokens = await listTokens(store);
        if (tokens.length === 0) output.out('no tokens (create one with `proxygraph token create --name NAME --role editor`)');
        for (const token of tokens) {
          output.out(`${token.name}\t${token.role}\tcreated ${token.createdAt.toISOString()}${token.revokedAt ? `\trevoked ${token.revokedAt.toISOString()}` : ''}`);
        }
        return 0;
      });
    case 'revoke': {
      if (rest.length !== 1) {
        output.err(TOKEN_USAGE);
        return 2;
      }
      return withStore(env, output, async (store) => {
        if (!(await revokeToken(store, rest[0]))) {
          output.err(`proxygraph: no token "${rest[0]}" to revoke (see \`proxygraph token list\`)`);
          return 1;
        }
        output.out(`revoked token "${rest[0]}"`);
        return 0;
      });
    }
    default:
      output.err(TOKEN_USAGE);
      return 2;
  }
}
