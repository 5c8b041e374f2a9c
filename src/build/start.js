#!/usr/bin/env node
// `npm start`: builds only when the sources changed since the last build, then runs the server in this process.
// package.json runs it with `exec`, so the server is npm's own child: the SIGTERM a process manager sends to npm
// reaches it, and should npm die without passing it on, the server stops when it notices (PROXYGRAPH_EXIT_WITH_PARENT).
'use strict';
const { join } = require('node:path');
const { buildIfStale, ROOT } = require('./build.js');

buildIfStale(ROOT);
if (process.env.PROXYGRAPH_EXIT_WITH_PARENT === undefined) process.env.PROXYGRAPH_EXIT_WITH_PARENT = '1';
require(join(ROOT, 'dist', 'src', 'main.js')).runMain();
