import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { sendJsonError } from './security-headers';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Compressed copies written beside each text asset by client/build.mjs, best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

/** GraphiQL's page, script, styles, maps and fonts (fonts/ holds only GraphiQL's): all behind PROXYGRAPH_IDE. */
export function isIdeAsset(name: string): boolean {
  return name.startsWith('/graphiql') || name.startsWith('/fonts/');
}

export const IDE_OFF_MESSAGE = 'the GraphQL IDE is turned off on this server (PROXYGRAPH_IDE=false)';

interface Variant {
  readonly path: string;
  readonly size: number;
  readonly etag: string;
}

interface Asset {
  readonly type: string;
  readonly cacheControl: string;
  readonly identity: Variant;
  readonly encoded: Partial<Record<Encoding, Variant>>;
  readonly mtimeMs: number;
}

/** What is known of each served file (hash, compressed copies), until the file changes (a rebuild). */
const assets = new Map<string, Asset>();

function describeAsset(file: string, size: number, mtimeMs: number, name: string): Asset {
  const known = assets.get(file);
  if (known && known.mtimeMs === mtimeMs && known.identity.size === size) return known;
  const hash = createHash('sha256').update(readFileSync(file)).digest('base64url').slice(0, 22);
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  const encoded: Partial<Record<Encoding, Variant>> = {};
  for (const { name: encoding, suffix } of ENCODINGS) {
    // A compressed copy older than the file is stale (a file replaced by hand): never served.
    const path = file + suffix;
    if (!existsSync(path)) continue;
    const stats = statSync(path);
    if (stats.isFile() && stats.mtimeMs >= mtimeMs) encoded[encoding] = { path, size: stats.size, etag: `"${hash}-${encoding}"` };
  }
  const asset: Asset = {
    type,
    // Fonts are named by their content's hash: they never change under their name. Everything else is revalidated.
    cacheControl: name.startsWith('/fonts/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    identity: { path: file, size, etag: `"${hash}"` },
    encoded,
    mtimeMs,
  };
  assets.set(file, asset);
  return asset;
}

/** The encodings a request accepts (Accept-Encoding, q-values honoured; "*" stands for any other). */
function accepted(header: string | undefined): Set<Encoding> {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [token, ...parameters] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    weights.set(token, q === undefined ? 1 : Number(q));
  }
  const result = new Set<Encoding>();
  for (const { name } of ENCODINGS) if ((weights.get(name) ?? weights.get('*') ?? 0) > 0) result.add(name);
  return result;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Serves files below `root`; `/` is index.html and `/graphiql` is graphiql.html; GraphiQL's assets only with `ide`.
 * A browser that accepts brotli or gzip gets the copy compressed at build time; every answer carries an ETag (per
 * encoding) and is revalidated (304 when unchanged), except fonts, which are named by their hash. Returns false when
 * there is no such file.
 */
export function serveStatic(root: string, request: IncomingMessage, response: ServerResponse, pathname: string, options: { ide: boolean }): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const name = pathname === '/' ? '/index.html' : pathname === '/graphiql' ? '/graphiql.html' : pathname;
  if (!options.ide && isIdeAsset(name)) {
    sendJsonError(response, 404, 'NOT_FOUND', IDE_OFF_MESSAGE);
    return true;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    return false;
  }
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root + sep) || decoded.includes('\0') || ENCODINGS.some(({ suffix }) => file.endsWith(suffix))) return false;
  if (!existsSync(file)) return false;
  const stats = statSync(file);
  if (!stats.isFile()) return false;
  const asset = describeAsset(file, stats.size, stats.mtimeMs, name);
  const wanted = accepted(request.headers['accept-encoding']);
  const encoding = ENCODINGS.find(({ name: encoding }) => wanted.has(encoding) && asset.encoded[encoding])?.name;
  const variant = encoding ? asset.encoded[encoding]! : asset.identity;
  const headers: Record<string, string | number> = {
    'content-type': asset.type,
    'cache-control': asset.cacheControl,
    etag: variant.etag,
    ...(Object.keys(asset.encoded).length > 0 && { vary: 'Accept-Encoding' }),
  };
  if (matches(request.headers['if-none-match'], variant.etag)) {
    response.writeHead(304, headers);
    response.end();
    return true;
  }
  response.writeHead(200, { ...headers, 'content-length': variant.size, ...(encoding && { 'content-encoding': encoding }) });
  if (request.method === 'HEAD') response.end();
  else createReadStream(variant.path).pipe(response);
  return true;
}
