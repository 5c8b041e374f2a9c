#!/usr/bin/env node
import { run } from './main';

// `proxygraph validate | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`proxygraph: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
