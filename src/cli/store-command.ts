import { createLogger } from '../logger';
import { DataValidationError, formatProblem, ProxygraphError } from '../model';
import { openStore, storeConfigFromEnv, type Store } from '../store';
import type { CommandOutput } from './validate-command';

/** Runs a command against the store of the environment (PROXYGRAPH_HOME or DATABASE_URL), closing it afterwards. */
export async function withStore(env: NodeJS.ProcessEnv, output: CommandOutput, work: (store: Store) => Promise<number>): Promise<number> {
  const logger = createLogger({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'silent' });
  let store: Store;
  try {
    store = await openStore(storeConfigFromEnv(env), logger);
  } catch (error) {
    if (error instanceof ProxygraphError) {
      output.err(`proxygraph: ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    return await work(store);
  } catch (error) {
    if (error instanceof DataValidationError) {
      for (const problem of error.problems) output.err(formatProblem(problem));
      output.err(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; nothing was changed`);
      return 1;
    }
    if (error instanceof ProxygraphError) {
      output.err(`proxygraph: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

/** `--name VALUE` or `--name=VALUE` from the arguments; the rest, in order. */
/** Options that take no value. */
const FLAGS = new Set(['force']);

export function parseOptions(argv: readonly string[]): { options: Map<string, string>; rest: string[] } {
  const options = new Map<string, string>();
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argument);
    if (!match) rest.push(argument);
    else if (match[2] !== undefined) options.set(match[1], match[2]);
    else if (FLAGS.has(match[1])) options.set(match[1], 'true');
    else options.set(match[1], argv[++index] ?? '');
  }
  return { options, rest };
}
