#!/usr/bin/env node
// Builds the server (tsc → dist/src) and the client (esbuild → dist/client), then records a hash of everything the
// build reads in dist/.build-inputs, so that `npm start` and `npm test` rebuild only when one of those files changed.
//
//   node src/build/build.js              build
//   node src/build/build.js --if-stale   build only when the inputs changed since the last build (or dist is missing)
//   node src/build/build.js --status     print "up to date" or "stale: <why>"; exit 0 or 1
//   node src/build/build.js --stamp      record the current inputs as built (after building by other means)
//   --root DIR                         a project other than this one (tests)
'use strict';
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

/** What the build reads: the sources (this script among them), their configuration, and the dependencies. */
const INPUTS = ['src', 'client', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
/** What the build writes that the server needs; missing, the build is stale whatever the stamp says. */
const OUTPUTS = ['dist/src/main.js', 'dist/src/cli/bin.js', 'dist/client/index.html', 'dist/client/app.js'];
const STAMP = join('dist', '.build-inputs');

function filesUnder(root, path) {
  return readdirSync(join(root, path), { withFileTypes: true }).flatMap((entry) => {
    const child = join(path, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(root, child);
    return entry.isFile() ? [child] : [];
  });
}

function listInputs(root) {
  return INPUTS.flatMap((input) => {
    const full = join(root, input);
    if (!existsSync(full)) return [];
    return statSync(full).isDirectory() ? filesUnder(root, input) : [input];
  }).sort();
}

/** A hash of the names and bytes of every input file. */
function inputsHash(root) {
  const hash = createHash('sha256');
  for (const file of listInputs(root)) hash.update(file.split(sep).join('/')).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

/** Why the build of `root` is stale, or null when it is up to date. */
function staleness(root) {
  const missing = OUTPUTS.find((output) => !existsSync(join(root, output)));
  if (missing) return `${missing} is missing`;
  if (!existsSync(join(root, STAMP))) return 'no record of the last build';
  if (readFileSync(join(root, STAMP), 'utf8').trim() !== inputsHash(root)) return 'sources changed since the last build';
  return null;
}

function run(root, args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`build failed: node ${args.map((arg) => relative(root, arg) || arg).join(' ')} exited ${result.status ?? result.signal}\n`);
    process.exit(result.status ?? 1);
  }
}

/** Builds `root` and records its inputs as built (hashed before building: a file edited meanwhile makes it stale). */
function build(root) {
  const hash = inputsHash(root);
  run(root, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', 'tsconfig.build.json']);
  run(root, [join(root, 'client', 'build.mjs')]);
  writeFileSync(join(root, STAMP), `${hash}\n`);
}

/** Builds when stale; says so on stderr. Returns true when it built. */
function buildIfStale(root) {
  const why = staleness(root);
  if (why === null) return false;
  process.stderr.write(`proxygraph: building (${why})…\n`);
  build(root);
  return true;
}

module.exports = { build, buildIfStale, inputsHash, staleness, ROOT: join(__dirname, '..', '..') };

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--root');
  const root = at >= 0 ? args[at + 1] : join(__dirname, '..', '..');
  if (args.includes('--status')) {
    const why = staleness(root);
    process.stdout.write(why === null ? 'up to date\n' : `stale: ${why}\n`);
    process.exit(why === null ? 0 : 1);
  } else if (args.includes('--stamp')) {
    writeFileSync(join(root, STAMP), `${inputsHash(root)}\n`);
  } else if (args.includes('--if-stale')) {
    buildIfStale(root);
  } else {
    build(root);
  }
}
