import { writeFileSync } from 'node:fs';
import { dataDirectory } from '../config';
import { validateCommand, type CommandOutput } from './validate-command';

const USAGE = `usage: proxygraph <command> [options]

commands:
  validate [DIR]     check a dataset directory (default: $PROXYGRAPH_DATA or the shipped graph/)
  serve              serve the API and client (same as npm start)
  schema [--out F]   print (or write to F) the GraphQL schema (SDL) generated from the code
  import DIR         upsert a dataset directory into the store ($PROXYGRAPH_HOME, or $DATABASE_URL)
  export DIR         write the store as dataset files into DIR
  import --format F [--to DIR] FILE...   import CSV, JSON, Graphology, GEXF, GraphML, STIX or edge lists
  export --format F [--as-of D] OUT      export to those formats, Cypher or neo4j-admin CSV (import --help)
  token ...          create, list or revoke bearer tokens (proxygraph token for details)
  ingest FILE --title T --published YYYY-MM-DD [--json]   what an article proposes (nothing is stored)
`;

const console_: CommandOutput = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

export async function run(argv: readonly string[], output: CommandOutput = console_): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return validateCommand(rest[0] ?? dataDirectory(), output);
    case 'serve': {
      const { runMain } = await import('../main');
      runMain();
      return -1; // keeps running
    }
    case 'import':
    case 'export': {
      const { formatCommand, isFormatCommand } = await import('./format-commands');
      if (isFormatCommand(rest)) return formatCommand(command, rest, output);
      if (rest.length !== 1) {
        output.err(`usage: proxygraph ${command} DIR`);
        return 2;
      }
      const { importCommand } = await import('./import-command');
      const { exportCommand } = await import('./export-command');
      return command === 'import' ? importCommand(rest[0], output) : exportCommand(rest[0], output);
    }
    case 'token': {
      const { tokenCommand } = await import('./token-command');
      return tokenCommand(rest, output);
    }
    case 'ingest': {
      const { ingestCommand } = await import('./ingest-command');
      return ingestCommand(rest, output);
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
