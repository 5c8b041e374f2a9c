'use strict';
// Loaded with `node --require` into a server process by tests and the seed-memory bench: on SIGUSR2 it writes what the
// process holds (the CommonJS modules loaded, process.memoryUsage(), V8's heap spaces, VmRSS) as JSON to the file
// named by PROXYGRAPH_PROBE_FILE, then renames it into place so a reader never sees half a file.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const v8 = require('node:v8');

const target = process.env.PROXYGRAPH_PROBE_FILE;
if (!target) throw new Error('process-probe: set PROXYGRAPH_PROBE_FILE to the file the probe writes');
process.on('SIGUSR2', () => {
  const status = readFileSync('/proc/self/status', 'utf8');
  const report = {
    modules: Object.keys(require.cache),
    memory: process.memoryUsage(),
    heapSpaces: Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size])),
    rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)[1]),
  };
  writeFileSync(`${target}.part`, JSON.stringify(report));
  renameSync(`${target}.part`, target);
});
