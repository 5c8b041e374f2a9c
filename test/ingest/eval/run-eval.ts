import { loadGraph } from '../../../src/load';
import { join } from 'node:path';
import { readReport } from '../../../src/ingest';
import { evalTexts, readEvalText, ROOT, seedArticle, seedWithoutRelationships } from './eval-data';
import { scoreMentions, scoreRelationships } from './score';

/** npm run eval:ingest: recall, precision and mention linking on the evaluation texts, and recall on the seed article. */
function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

const graph = loadGraph(join(ROOT, 'graph'));
let expected = 0;
let found = 0;
let proposed = 0;
let correct = 0;
let mentions = 0;
let linked = 0;
const verbose = process.argv.includes('--verbose');
console.log('| text | recall | precision | mention linking |\n| --- | ---: | ---: | ---: |');
for (const text of evalTexts()) {
  const reading = readEvalText(text, graph);
  const score = scoreRelationships(reading, text.relationships);
  const mention = scoreMentions(reading, text.mentions);
  expected += score.expected;
  found += score.found;
  proposed += score.proposed;
  correct += score.correct;
  mentions += mention.total;
  linked += mention.right;
  console.log(`| ${text.file} | ${score.found}/${score.expected} | ${score.correct}/${score.proposed} | ${mention.right}/${mention.total} |`);
  if (verbose) {
    for (const missed of score.missed) console.log(`    missed ${missed.type} ${missed.source} ${missed.target}`);
    for (const wrong of score.wrong) console.log(`    not expected ${wrong}`);
    for (const wrong of mention.wrong) console.log(`    mention ${wrong}`);
  }
}
console.log(`| all | ${found}/${expected} = ${percent(found / expected)} | ${correct}/${proposed} = ${percent(proposed ? correct / proposed : 1)} | ${linked}/${mentions} = ${percent(linked / mentions)} |`);

const seed = seedArticle();
if (seed === null) {
  console.log('\nseed article: not on this machine (set PROXYGRAPH_SEED_ARTICLE to its file): not measured');
} else {
  const { graph: bare, curated } = seedWithoutRelationships();
  const reading = readReport(bare, { text: seed, source: { title: 'Seed article', published: '2024-04-21' } });
  const score = scoreRelationships(reading, curated);
  console.log(`\nseed article against graph/ without relationships: recall ${score.found}/${score.expected} = ${percent(score.recall)}, precision ${score.correct}/${score.proposed} = ${percent(score.precision)}`);
  if (verbose) for (const missed of score.missed) console.log(`    missed ${missed.type} ${missed.source} ${missed.target}`);
}
