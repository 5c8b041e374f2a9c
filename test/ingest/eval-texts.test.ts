import { ruleFor } from '../../src/model';
import { evalTexts, readEvalText, type EvalSet } from './eval/eval-data';
import { SEED_GRAPH } from './helpers';

// What the reader must hold on real reporting, whatever its recall (the figures are measured by npm run eval:ingest,
// never asserted here): evidence quoted from its own paragraph, relation rules obeyed, names the graph lacks left
// unlinked.

const texts = (['seen', 'heldOut'] as const).flatMap((set: EvalSet) => evalTexts(set).map((text) => [set, text.file, text] as const));

describe.each(texts)('%s text %s', (set, _file, text) => {
  const reading = readEvalText(set, text, SEED_GRAPH);

  test('every quote is an exact substring of its paragraph, under its ¶ locator', () => {
    for (const proposal of reading.proposals) {
      expect(reading.paragraphs[proposal.evidence.paragraph - 1]).toContain(proposal.evidence.quote);
      expect(proposal.evidence.locator).toBe(`¶${proposal.evidence.paragraph}`);
    }
  });

  test('every proposal obeys the relation rules', () => {
    for (const proposal of reading.proposals) {
      const rule = ruleFor(proposal.type);
      expect(rule.sourceKinds).toContain(proposal.source.kind);
      expect(rule.targetKinds).toContain(proposal.target.kind);
    }
  });

  test('names the graph does not know (namesakes, new people and places) are not linked', () => {
    for (const expected of text.mentions.filter((mention) => mention.entity === null)) {
      const mention = reading.mentions.find((candidate) => candidate.text === expected.text);
      expect({ text: expected.text, entity: mention?.entity ?? null }).toEqual({ text: expected.text, entity: null });
    }
  });
});
