import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readReport, type ReportReading } from '../../../src/ingest';
import { buildGraph, loadDataset, type KnowledgeGraph } from '../../../src/load';
import type { ExpectedMention, ExpectedRelationship } from './score';

/** The project's root: the nearest parent holding graph/ (this file also runs compiled, from dist/eval/). */
export const ROOT = (() => {
  let directory = resolve(__dirname);
  while (!existsSync(join(directory, 'graph', 'entities.yaml')) && dirname(directory) !== directory) directory = dirname(directory);
  return directory;
})();
/** Texts whose misses were seen while the reader was written, and texts kept apart to measure it (held out). */
export const EVAL_SETS = { seen: join(ROOT, 'test', 'fixtures', 'ingest', 'eval'), heldOut: join(ROOT, 'test', 'fixtures', 'ingest', 'heldout') } as const;
export type EvalSet = keyof typeof EVAL_SETS;
export const SEED_SOURCE = 'article-2024-04-21';
/** The seed article is not part of the project (its text is not ours to copy): its SHA-256 says which file it is. */
export const SEED_ARTICLE_SHA256 = '64547851ab882b5408857314233d5b40b1e640c053ae53dda6b151bf67c06ef8';

export interface EvalText {
  readonly file: string;
  readonly source: { title: string; publisher: string; published: string; url: string };
  readonly relationships: readonly ExpectedRelationship[];
  readonly mentions: readonly ExpectedMention[];
}

export function evalTexts(set: EvalSet): EvalText[] {
  return (JSON.parse(readFileSync(join(EVAL_SETS[set], 'expected.json'), 'utf8')) as { texts: EvalText[] }).texts;
}

export function readEvalText(set: EvalSet, text: EvalText, graph: KnowledgeGraph): ReportReading {
  return readReport(graph, { text: readFileSync(join(EVAL_SETS[set], text.file), 'utf8'), source: text.source });
}

/**
 * The seed article, read from the path given (`--seed PATH` or PROXYGRAPH_SEED_ARTICLE): it is not part of the project
 * (its text is not ours to copy), so nothing looks for it anywhere else. Checked by its hash, since the curated
 * relationships it is scored against belong to that one text. Null when no path is given.
 */
export function seedArticle(path: string | undefined): string | null {
  if (!path) return null;
  if (!existsSync(path)) throw new Error(`--seed ${path}: no such file (give the path of the seed article, such as ../shared/seed/000_2a9b255bc8e0ae1b.txt)`);
  const text = readFileSync(path, 'utf8');
  const hash = createHash('sha256').update(text).digest('hex');
  if (hash !== SEED_ARTICLE_SHA256) throw new Error(`--seed ${path}: not the seed article (SHA-256 ${hash.slice(0, 12)}…, expected ${SEED_ARTICLE_SHA256.slice(0, 12)}…); the curated relationships describe that one text`);
  return text;
}

/** The seed graph with every relationship removed (entities and sources kept), and the relationships the article backs. */
export function seedWithoutRelationships(): { graph: KnowledgeGraph; curated: ExpectedRelationship[] } {
  const dataset = loadDataset(join(ROOT, 'graph'));
  const curated = dataset.relationships.filter((relationship) => relationship.evidence.some((evidence) => evidence.source === SEED_SOURCE && evidence.stance !== 'CONTRADICTS'));
  return { graph: buildGraph({ ...dataset, relationships: [] }), curated: curated.map(({ type, source, target }) => ({ type, source, target })) };
}
