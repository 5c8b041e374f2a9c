import { askRunningServer } from '../control/control-client';
import type { ControlRequest, ControlResponse, ControlToken } from '../control/control-protocol';
import { runControlCommand } from '../control/control-commands';
import { isRole, ROLES, storeConfigFromEnv } from '../store';
import { parseOptions, withStore } from './store-command';
import type { CommandOutput } from './validate-command';

export const TOKEN_USAGE = `usage:
  proxygraph token create --name NAME --role ${ROLES.join('|')}   prints the new token's secret (once: it is stored hashed)
  proxygraph token list                                   names, roles, and when (and by whom) each was created or revoked
  proxygraph token revoke NAME                            the token stops working at once
These work while a server runs: on PostgreSQL directly, on the embedded store through the running server.`;

type Answer = Extract<ControlResponse, { ok: true }>;

/**
 * Runs a token command: through the server that holds the embedded store when one runs (its control socket), else
 * against the store itself (an embedded store no server holds, or PostgreSQL, which any number of processes share).
 */
async function run(env: NodeJS.ProcessEnv, output: CommandOutput, request: ControlRequest, report: (answer: Answer, via: string) => number): Promise<number> {
  const config = storeConfigFromEnv(env);
  if (config.kind === 'embedded') {
    let answer: ControlResponse | null;
    try {
      answer = await askRunningServer(config.home, request);
    } catch (error) {
      output.err(`proxygraph: ${(error as Error).message}`);
      return 1;
    }
    if (answer && !answer.ok) {
      output.err(`proxygraph: ${answer.error}`);
      return 1;
    }
    if (answer) return report(answer, ` (through the running server, process ${answer.pid})`);
  }
  return withStore(env, output, async (store) => {
    const answer = await runControlCommand(store, request);
    if (!answer.ok) {
      output.err(`proxygraph: ${answer.error}`);
      return 1;
    }
    return report(answer, '');
  });
}

function describe(token: ControlToken): string {
  const created = `created ${token.createdAt}${token.createdBy ? ` by ${token.createdBy}` : ''}`;
  const revoked = token.revokedAt ? `\trevoked ${token.revokedAt}${token.revokedBy ? ` by ${token.revokedBy}` : ''}` : '';
  return `${token.name}\t${token.role}\t${created}${revoked}`;
}

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
      return run(
        env,
        output,
        { command: 'token.create', name, role },
        (answer, via) => {
          output.err(`created token "${name}" (${role})${via}; this is its secret, shown this once:`);
          output.out(answer.secret!);
          return 0;
        },
      );
    }
    case 'list':
      return run(
        env,
        output,
        { command: 'token.list' },
        (answer) => {
          if (answer.tokens!.length === 0) output.out('no tokens (create one with `proxygraph token create --name NAME --role editor`)');
          for (const token of answer.tokens!) output.out(describe(token));
          return 0;
        },
      );
    case 'revoke': {
      if (rest.length !== 1) {
        output.err(TOKEN_USAGE);
        return 2;
      }
      const name = rest[0];
      return run(
        env,
        output,
        { command: 'token.revoke', name },
        (answer, via) => {
          if (!answer.revoked) {
            output.err(`proxygraph: no token "${name}" to revoke (see \`proxygraph token list\`)`);
            return 1;
          }
          output.out(`revoked token "${name}"${via}`);
          return 0;
        },
      );
    }
    default:
      output.err(TOKEN_USAGE);
      return 2;
  }
}
