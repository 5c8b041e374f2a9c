import { join } from 'node:path';
import { readReport, type ReportReading } from '../../../src/ingest';
import { loadGraph } from '../../../src/load';
import { ruleFor } from '../../../src/model';
import { evalTexts, readEvalText, ROOT, seedArticle, seedWithoutRelationships, type EvalSet } from './eval-data';
import { scoreMentions, scoreRelationships, type Score } from './score';

/**
 * npm run eval:ingest [-- --seed PATH] [--verbose]: recall, precision and mention linking on the evaluation texts
 * (those seen while the reader was written, and the held-out ones, apart), and recall and precision on the seed
 * article when its path is given (`--seed PATH` or PROXYGRAPH_SEED_ARTICLE), with what it misses.
 */
function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const verbose = process.argv.includes('--verbose');

/** What every reading must hold, whatever its recall: quotes inside their paragraph, ends of the kinds the rules allow. */
function brokenPromises(reading: ReportReading): string[] {
  const problems: string[] = [];
  for (const proposal of reading.proposals) {
    if (!reading.paragraphs[proposal.evidence.paragraph - 1]?.includes(proposal.evidence.quote)) problems.push(`${proposal.id}: its quote is not in ¶${proposal.evidence.paragraph}`);
    const rule = ruleFor(proposal.type);
    if (!rule.sourceKinds.includes(proposal.source.kind!) || !rule.targetKinds.includes(proposal.target.kind!)) problems.push(`${proposal.id}: ${proposal.type} from ${proposal.source.kind} to ${proposal.target.kind} breaks the relation rules`);
  }
  return problems;
}

function printMisses(score: Score, indent = '    '): void {
  for (const missed of score.missed) console.log(`${indent}missed ${missed.type} ${missed.source} ${missed.target}`);
  for (const wrong of score.wrong) console.log(`${indent}not expected ${wrong}`);
}

const graph = loadGraph(join(ROOT, 'graph'));
let failures = 0;

function evaluate(set: EvalSet, title: string): void {
  let expected = 0;
  let found = 0;
  let proposed = 0;
  let correct = 0;
  let mentions = 0;
  let linked = 0;
  console.log(`\n${title}\n\n| text | recall | precision | mention linking |\n| --- | ---: | ---: | ---: |`);
  for (const text of evalTexts(set)) {
    const reading = readEvalText(set, text, graph);
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
      printMisses(score);
      for (const wrong of mention.wrong) console.log(`    mention ${wrong}`);
    }
    for (const problem of brokenPromises(reading)) {
      console.log(`    BROKEN ${problem}`);
      failures++;
    }
  }
  console.log(`| all | ${found}/${expected} = ${percent(found / expected)} | ${correct}/${proposed} = ${percent(proposed ? correct / proposed : 1)} | ${linked}/${mentions} = ${percent(linked / mentions)} |`);
}

evaluate('seen', 'Texts seen while the reader was written (test/fixtures/ingest/eval):');
evaluate('heldOut', 'Held-out texts, never tuned on (test/fixtures/ingest/heldout):');

const seedPath = option('--seed') ?? process.env.PROXYGRAPH_SEED_ARTICLE;
const seed = seedArticle(seedPath);
if (seed === null) {
  console.log('\nseed article: NOT MEASURED (give its path: npm run eval:ingest -- --seed ../shared/seed/000_2a9b255bc8e0ae1b.txt, or set PROXYGRAPH_SEED_ARTICLE)');
} else {
  const { graph: bare, curated } = seedWithoutRelationships();
  const reading = readReport(bare, { text: seed, source: { title: 'Seed article', published: '2024-04-21' } });
  const score = scoreRelationships(reading, curated);
  console.log(`\nseed article (${reading.paragraphs.length} paragraphs) against graph/ without relationships: recall ${score.found}/${score.expected} = ${percent(score.recall)}, precision ${score.correct}/${score.proposed} = ${percent(score.precision)}`);
  printMisses(score);
  const problems = brokenPromises(reading);
  for (const problem of problems) console.log(`    BROKEN ${problem}`);
  failures += problems.length;
  if (problems.length === 0) console.log(`every quote of its ${reading.proposals.length} proposals is in its paragraph, and every proposal obeys the relation rules`);
}
if (failures > 0) process.exitCode = 1;
