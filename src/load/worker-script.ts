import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The compiled script of a worker thread that sits beside the module `directory` (its __dirname) as `name`.js. Run
 * from the TypeScript sources (ts-jest), there is no .js beside it: the build's copy under dist/ is used.
 */
export function workerScript(directory: string, name: string): string {
  const beside = join(directory, `${name}.js`);
  if (existsSync(beside)) return beside;
  const root = join(__dirname, '..', '..');
  const built = join(root, 'dist', relative(root, directory), `${name}.js`);
  if (existsSync(built)) return built;
  throw new Error(`the worker ${name} is not built (neither ${beside} nor ${built}): run npm run build`);
}
