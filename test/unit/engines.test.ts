import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { subset, validRange } from 'semver';

// The `engines` field must promise only Node versions that every installed package accepts: otherwise `npm ci`
// warns EBADENGINE (as it did for @whatwg-node/promise-helpers 2, which asks for Node >= 22.15), or worse, the
// server runs on a Node that one of its dependencies does not support.

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } | string[] }> };

test('package.json and the lock file promise the same Node versions', () => {
  expect(validRange(manifest.engines.node)).not.toBeNull();
  expect((lock.packages[''].engines as { node?: string }).node).toBe(manifest.engines.node);
});

test("every installed package's engines accept every Node version package.json promises", () => {
  const refusing = Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .flatMap(([path, entry]) => {
      const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return node && !subset(manifest.engines.node, node) ? [`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${node}`] : [];
    });
  expect(refusing).toEqual([]);
});

test('the running Node is one that package.json promises', () => {
  expect(subset(process.versions.node, manifest.engines.node)).toBe(true);
});
