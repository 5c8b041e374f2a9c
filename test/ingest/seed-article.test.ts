import { readReport } from '../../src/ingest';
import { ruleFor } from '../../src/model';
import { seedArticle, seedWithoutRelationships } from './eval/eval-data';
import { scoreRelationships } from './eval/score';

// The seed article is not in the project (its text is not ours to copy). Where this machine has it (the workplace's
// shared/seed, or PROXYGRAPH_SEED_ARTICLE), it is read against graph/ with every relationship removed.
const article = seedArticle();

/**
 * The recall this reader reaches on the seed article's curated relationships (see README, "Reading new reporting":
 * the issue asks for 60%, which it does not reach). A drop below it is a regression.
 */
const SEED_RECALL_FLOOR = 0.29;

if (article) describe('the seed article, against graph/ without relationships', () => {
  const { graph, curated } = seedWithoutRelationships();
  const reading = readReport(graph, { text: article!, source: { title: 'Seed article', published: '2024-04-21' } });

  test('paragraphs follow the ¶ locators of the curated evidence (12 blocks, the heading ¶4)', () => {
    expect(reading.paragraphs).toHaveLength(12);
    expect(reading.paragraphs[3].split(/\s+/).length).toBeLessThan(12);
  });

  test('every quote is an exact substring of its paragraph and no proposal breaks a relation rule', () => {
    expect(reading.proposals.length).toBeGreaterThan(20);
    for (const proposal of reading.proposals) {
      expect(reading.paragraphs[proposal.evidence.paragraph - 1]).toContain(proposal.evidence.quote);
      const rule = ruleFor(proposal.type);
      expect(rule.sourceKinds).toContain(proposal.source.kind);
      expect(rule.targetKinds).toContain(proposal.target.kind);
    }
  });

  test(`recovers at least ${Math.round(SEED_RECALL_FLOOR * 100)}% of the curated relationships (same type and ends)`, () => {
    const score = scoreRelationships(reading, curated);
    expect(score.recall).toBeGreaterThanOrEqual(SEED_RECALL_FLOOR);
    expect(score.precision).toBeGreaterThanOrEqual(0.8);
  });
});

if (!article) {
  test('the seed article is not on this machine: its tests did not run', () => {
    process.stderr.write('\n!!! the seed article is not on this machine (set PROXYGRAPH_SEED_ARTICLE): its ingestion tests DID NOT RUN\n\n');
    expect(article).toBeNull();
  });
}
