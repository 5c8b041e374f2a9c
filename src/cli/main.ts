import { writeFileSync } from 'node:fs';
import { dataDirectory } from '../config';
import { validateCommand, type CommandOutput } from './validate-command';

const USAGE = `usage: proxygraph <command> [options]

commands:
  validate [DIR]     check a dataset directory (default: $PROXYGRAPH_DATA or the shipped graph/)
  serve              serve the API and client (same as npm start)
  schema [--out F]   print (or write to F) the GraphQL schema (SDL) generated from the code
`;

const console_: CommandOutput = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

export async function run(argv: readonly string[], output: CommandOutput = console_): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return validateCommand(rest[0] ?? dataDirectory(), output);
    case 'serve': {
      const { main } = await import('../main');
      await main();
      return -1; // keeps running
    }
    case 'schema': {
      const { printGeneratedSchema } = await import('../api/print-schema');
      const sdl = await printGeneratedSchema();
      if (rest[0] === '--out' && rest[1]) {
        writeFileSync(rest[1], sdl);
        output.out(`wrote ${rest[1]}`);
      } else {
        output.out(sdl.trimEnd());
      }
      return 0;
    }
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      output.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      output.err(`proxygraph: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
