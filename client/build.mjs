// Builds the client into dist/client: the Cytoscape page (index.html, app.js, app.css) and GraphiQL (graphiql.html,
// graphiql.js, graphiql.css, fonts/). Everything is served from our own origin; nothing is fetched from elsewhere.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'dist', 'client');
// Build beside the served directory and swap it in at the end, so a running server never sees it half built.
const out = `${target}.building-${process.pid}`;

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'fonts'), { recursive: true });

const common = {
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  platform: 'browser',
  format: 'iife',
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

await build({ ...common, entryPoints: { app: join(here, 'main.ts') }, outdir: out, tsconfig: join(here, 'tsconfig.json') });
// GraphiQL's dialogs would append <style> elements (refused by the CSP): use constructed stylesheets instead.
const cspStyles = {
  name: 'csp-style-singleton',
  setup(build) {
    build.onResolve({ filter: /^\.\/singleton$/ }, (args) =>
      args.importer.includes(`${'react-style-singleton'}`) ? { path: join(here, 'graphiql', 'csp-style-singleton.ts') } : undefined,
    );
  },
};
await build({ ...common, entryPoints: { graphiql: join(here, 'graphiql', 'main.tsx') }, outdir: out, tsconfig: join(here, 'tsconfig.json'), jsx: 'automatic', plugins: [cspStyles] });

// The server's CSP allows fonts from 'self' only, not data: URLs: move GraphiQL's inlined fonts into files.
const cssFile = join(out, 'graphiql.css');
const fontPattern = /url\((["']?)data:(font\/[\w.+-]+|application\/(?:x-)?font-[\w.+-]+);base64,([A-Za-z0-9+/=]+)\1\)/g;
const extension = { 'font/woff2': 'woff2', 'font/woff': 'woff', 'font/ttf': 'ttf', 'application/font-woff2': 'woff2', 'application/font-woff': 'woff', 'application/x-font-ttf': 'ttf' };
let fonts = 0;
const css = readFileSync(cssFile, 'utf8').replace(fontPattern, (_, _quote, type, data) => {
  const bytes = Buffer.from(data, 'base64');
  const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${extension[type] ?? 'woff2'}`;
  writeFileSync(join(out, 'fonts', name), bytes);
  fonts += 1;
  return `url(fonts/${name})`;
});
writeFileSync(cssFile, css);

for (const [from, to] of [
  ['index.html', 'index.html'],
  ['app.css', 'app.css'],
  ['favicon.svg', 'favicon.svg'],
  ['graphiql/graphiql.html', 'graphiql.html'],
  ['graphiql/graphiql-page.css', 'graphiql-page.css'],
]) {
  copyFileSync(join(here, from), join(out, to));
}
// Compressed copies beside each text asset, served to browsers that accept them (src/api/http/static-files.ts).
// Brotli quality 9 is within a tenth of quality 11 in size at a twentieth of the time; source maps get quality 5.
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.map', '.txt', '.ttf']);
let compressed = 0;
for (const name of readdirSync(out, { recursive: true })) {
  const file = join(out, String(name));
  if (!COMPRESSIBLE.has(extname(file)) || !statSync(file).isFile()) continue;
  const bytes = readFileSync(file);
  const quality = file.endsWith('.map') ? 5 : 9;
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  compressed += 1;
}
rmSync(target, { recursive: true, force: true });
renameSync(out, target);
console.log(`client built into ${target} (${fonts} GraphiQL fonts moved out of the CSS, ${compressed} files compressed)`);
