import { resolve } from 'node:path';

/** The repository root (dist/src/config.js and src/config.ts both sit two levels below or one level below it). */
export const PACKAGE_ROOT = resolve(__dirname, __dirname.includes(`${'dist'}`) ? '../..' : '..');

/** The dataset directory: PROXYGRAPH_DATA, else the shipped seed dataset in graph/. */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.PROXYGRAPH_DATA ? resolve(env.PROXYGRAPH_DATA) : resolve(PACKAGE_ROOT, 'graph');
}
