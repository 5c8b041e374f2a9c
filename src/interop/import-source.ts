import type { SourceRecord } from '../model';
import { shortHash, slugify } from './safe-ids';

/** The last part of a path, without node:path (this module is bundled for the browser too). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The source that records imported from a file cite when the format carries no evidence of its own (edge lists,
 * Gephi and GraphML files, CSV without an evidence column): the file itself, with the line or element as locator.
 */
export function fileSource(fileName: string): SourceRecord {
  const base = baseName(fileName);
  const slug = slugify(base, 100);
  return { id: slug ? `import-${slug}` : `import-${shortHash(base)}`, title: `Imported from ${base}` };
}
