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
export const EVAL_DIRECTORY = join(ROOT, 'test', 'fixtures', 'ingest', 'eval');
export const SEED_SOURCE = 'article-2024-04-21';
/** The seed article is not part of the project (its text is not ours to copy): its SHA-256 says which file it is. */
export const SEED_ARTICLE_SHA256 = '64547851ab882b5408857314233d5b40b1e640c053ae53dda6b151bf67c06ef8';
const SEED_FILE = join('shared', 'seed', '000_2a9b255bc8e0ae1b.txt');

export interface EvalText {
  readonly file: string;
  readonly source: { title: string; publisher: string; published: string; url: string };
  readonly relationships: readonly ExpectedRelationship[];
  readonly mentions: readonly ExpectedMention[];
}

export function evalTexts(): EvalText[] {
  return (JSON.parse(readFileSync(join(EVAL_DIRECTORY, 'expected.json'), 'utf8')) as { texts: EvalText[] }).texts;
}

export function readEvalText(text: EvalText, graph: KnowledgeGraph): ReportReading {
  return readReport(graph, { text: readFileSync(join(EVAL_DIRECTORY, text.file), 'utf8'), source: text.source });
}

/**
 * The seed article, when this machine has it: PROXYGRAPH_SEED_ARTICLE, else shared/seed/ in a parent directory of the
 * project (where the project's workplace keeps it). Checked by its hash; null when absent.
 */
export function seedArticle(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.PROXYGRAPH_SEED_ARTICLE ? [env.PROXYGRAPH_SEED_ARTICLE] : [];
  for (let directory = ROOT, depth = 0; depth < 4; depth++, directory = dirname(directory)) candidates.push(join(directory, SEED_FILE), join(directory, '..', SEED_FILE));
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const text = readFileSync(candidate, 'utf8');
    if (createHash('sha256').update(text).digest('hex') === SEED_ARTICLE_SHA256) return text;
  }
  return null;
}

/** The seed graph with every relationship removed (entities and sources kept), and the relationships the article backs. */
export function seedWithoutRelationships(): { graph: KnowledgeGraph; curated: ExpectedRelationship[] } {
  const dataset = loadDataset(join(ROOT, 'graph'));
  const curated = dataset.relationships.filter((relationship) => relationship.evidence.some((evidence) => evidence.source === SEED_SOURCE && evidence.stance !== 'CONTRADICTS'));
  return { graph: buildGraph({ ...dataset, relationships: [] }), curated: curated.map(({ type, source, target }) => ({ type, source, target })) };
}
