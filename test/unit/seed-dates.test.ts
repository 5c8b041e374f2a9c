import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGraph, readDataset } from '../../src/load';
import { ruleFor, toInterval, type Dataset, type EntityRecord, type EvidenceRecord, type RelationshipRecord } from '../../src/model';
import { network } from '../../src/queries';
import { FIXTURES, SEED_DATASET } from '../helpers/fixture-datasets';

// The dates the main article states, by paragraph (facts written down by hand; see the file's "about").
const ARTICLE = JSON.parse(readFileSync(join(FIXTURES, 'seed-article-dates.json'), 'utf8')) as { source: string; paragraphs: Record<string, string[]> };

const { dataset, problems } = readDataset(SEED_DATASET);
const graph = loadGraph(SEED_DATASET);
const sourceIds = new Set(dataset.sources.map((source) => source.id));

/** The article supports a date when one of the cited paragraph's dates is that date or lies within it ("2020-01" supports "2020"). */
function articleSupports(locator: string | undefined, date: string): boolean {
  return (ARTICLE.paragraphs[locator ?? ''] ?? []).some((stated) => stated === date || stated.startsWith(`${date}-`));
}

/** A date is sourced when some evidence item is another source, or the article at a paragraph that states it. */
function dateSourced(evidence: readonly EvidenceRecord[], date: string): boolean {
  return evidence.some((item) => (item.source === ARTICLE.source ? articleSupports(item.locator, date) : sourceIds.has(item.source)));
}

/** Each date of a relationship that no evidence item supports, as "id start 2007". */
function unsourcedRelationshipDates(relationships: readonly RelationshipRecord[]): string[] {
  return relationships.flatMap((relationship) =>
    (['start', 'end'] as const).filter((key) => relationship[key] && !dateSourced(relationship.evidence, relationship[key]!)).map((key) => `${relationship.id} ${key} ${relationship[key]}`),
  );
}

/**
 * Each date of an entity (other than an event, whose date its relationships carry) without a source: the attributes
 * `start_source` / `end_source` name a source, with `start_locator` / `end_locator` when the source is the article.
 */
function unsourcedEntityDates(entities: readonly EntityRecord[], sources: Dataset['sources']): string[] {
  const known = new Set(sources.map((source) => source.id));
  return entities
    .filter((entity) => entity.kind !== 'EVENT')
    .flatMap((entity) =>
      (['start', 'end'] as const)
        .filter((key) => entity[key])
        .filter((key) => {
          const source = entity.attributes?.[`${key}_source`];
          if (typeof source !== 'string' || !known.has(source) || !entity.attributes?.[`${key}_note`]) return true;
          return source === ARTICLE.source && !articleSupports(String(entity.attributes?.[`${key}_locator`] ?? ''), entity[key]!);
        })
        .map((key) => `${entity.id} ${key} ${entity[key]}`),
    );
}

const idsAsOf = (asOf: string) => {
  const shown = network(graph, { asOf });
  return { nodes: shown.nodes.map((node) => node.id), edges: shown.edges.map((edge) => edge.id) };
};

test('the seed dataset is valid', () => {
  expect(problems).toEqual([]);
});

describe("the seed's main source can be traced", () => {
  const article = dataset.sources.find((source) => source.id === ARTICLE.source)!;

  test('it names its publisher and an http(s) address', () => {
    expect(article.publisher).toBe('The Jerusalem Post');
    expect(article.url).toMatch(/^https:\/\/www\.jpost\.com\/.+-\d+$/);
    expect(article.published).toBe('2024-04-21');
  });

  test('every source is cited by some relationship, so exports that carry evidence (STIX) keep it', () => {
    const cited = new Set(dataset.relationships.flatMap((relationship) => relationship.evidence.map((evidence) => evidence.source)));
    expect(dataset.sources.map((source) => source.id).filter((id) => !cited.has(id))).toEqual([]);
  });

  test('every source that dates an entity names its publisher and address too', () => {
    const cited = new Set(dataset.entities.flatMap((entity) => [entity.attributes?.start_source, entity.attributes?.end_source]).filter((id): id is string => typeof id === 'string'));
    expect(cited.size).toBeGreaterThan(1);
    for (const source of dataset.sources.filter((record) => cited.has(record.id))) {
      expect([source.id, source.publisher && source.url?.startsWith('http')]).toEqual([source.id, true]);
    }
  });
});

describe('every date in the seed has a source', () => {
  test('each relationship date is stated by the cited article paragraph or backed by another source', () => {
    expect(unsourcedRelationshipDates(dataset.relationships)).toEqual([]);
  });

  test('each date of an organisation, person or place names its source and says why', () => {
    expect(unsourcedEntityDates(dataset.entities, dataset.sources)).toEqual([]);
  });

  test('the check is not vacuous: a day the article does not give, or a paragraph that does not give it, is caught', () => {
    const killed = dataset.relationships.find((relationship) => relationship.id === 'united-states-killed-qasem-soleimani')!;
    const articleOnly = { ...killed, evidence: killed.evidence.filter((item) => item.source === ARTICLE.source) };
    expect(articleOnly.evidence.length).toBeGreaterThan(0);
    // The article says January 2020; the 3rd comes from elsewhere.
    expect(unsourcedRelationshipDates([articleOnly])).toEqual(['united-states-killed-qasem-soleimani start 2020-01-03']);
    expect(unsourcedRelationshipDates([{ ...articleOnly, start: '2020-01' }])).toEqual([]);
    expect(unsourcedRelationshipDates([{ ...articleOnly, start: '2020-01', evidence: [{ ...articleOnly.evidence[0], locator: '¶6' }] }])).toEqual(['united-states-killed-qasem-soleimani start 2020-01']);

    const kh = dataset.entities.find((entity) => entity.id === 'kataib-hezbollah')!;
    expect(unsourcedEntityDates([kh], dataset.sources)).toEqual([]);
    expect(unsourcedEntityDates([{ ...kh, attributes: { ...kh.attributes, start_source: ARTICLE.source, start_locator: '¶12' } }], dataset.sources)).toEqual(['kataib-hezbollah start 2007']);
    expect(unsourcedEntityDates([{ ...kh, attributes: {} }], dataset.sources)).toEqual(['kataib-hezbollah start 2007']);
  });
});

describe('a span relationship lies within the lives of both its ends', () => {
  // Disputed claims are exempt: Badr's IRGC backing "from 1980" is recorded as the article states it, and contradicted.
  const entities = new Map(dataset.entities.map((entity) => [entity.id, entity]));
  const spans = dataset.relationships.filter((relationship) => ruleFor(relationship.type).temporality === 'SPAN' && !relationship.disputed);

  test.each(['start', 'end'] as const)('no %s falls outside the dates of its source and target', (key) => {
    const outside = spans.flatMap((relationship) => {
      if (!relationship[key]) return [];
      const day = key === 'start' ? toInterval(relationship[key]!).lo : toInterval(relationship[key]!).hi;
      return [relationship.source, relationship.target]
        .map((id) => entities.get(id)!)
        .filter((entity) => (entity.start && day < toInterval(entity.start).lo) || (entity.end && day > toInterval(entity.end).hi))
        .map((entity) => `${relationship.id} ${key} ${relationship[key]} vs ${entity.id} ${entity.start ?? ''}..${entity.end ?? ''}`);
    });
    expect(outside).toEqual([]);
  });
});

describe('the network as of 2003', () => {
  const in2003 = idsAsOf('2003');

  test('leaves out groups founded later and the cover name first used in 2023', () => {
    for (const later of ['kataib-hezbollah', 'asaib-ahl-al-haq', 'islamic-resistance-in-iraq', 'popular-mobilization-units', 'isis', 'iranian-base-albukamal']) {
      expect(in2003.nodes).not.toContain(later);
    }
  });

  test('keeps the groups that existed then, and Saddam Hussein', () => {
    for (const earlier of ['badr-organization', 'hezbollah', 'irgc', 'hamas', 'saddam-hussein', 'camp-kalsu']) expect(in2003.nodes).toContain(earlier);
  });

  test('leaves out relationships that began later, and keeps those of the time', () => {
    for (const later of ['iran-backs-kataib-hezbollah', 'muhandis-leads-kataib-hezbollah', 'khazali-leads-asaib-ahl-al-haq', 'iran-backs-islamic-resistance-in-iraq', 'islamic-resistance-in-iraq-front-for-iran-backed-militias', 'iran-backs-popular-mobilization-units', 'iran-controls-iranian-base-albukamal', 'us-military-located-at-syria', 'iraq-controls-camp-kalsu']) {
      expect(in2003.edges).not.toContain(later);
    }
    for (const then of ['saddam-hussein-leads-iraq', 'badr-organization-opposed-saddam-hussein', 'iran-backs-badr-organization', 'iran-backs-hezbollah', 'us-military-located-at-iraq-2003-2011', 'united-states-controls-camp-kalsu']) {
      expect(in2003.edges).toContain(then);
    }
  });
});

test('US forces are in Iraq from the invasion to the 2011 withdrawal and again from June 2014, not in between', () => {
  const inIraq = (asOf: string) => idsAsOf(asOf).edges.filter((id) => id.startsWith('us-military-located-at-iraq'));
  expect(inIraq('2003-04')).toEqual(['us-military-located-at-iraq-2003-2011']);
  expect(inIraq('2011-12-18')).toEqual(['us-military-located-at-iraq-2003-2011']);
  expect(inIraq('2012')).toEqual([]);
  expect(inIraq('2014-05')).toEqual([]);
  expect(inIraq('2014-06')).toEqual(['us-military-located-at-iraq']);
});

test('Camp Kalsu passes from US to Iraqi control in December 2011', () => {
  const holders = (asOf: string) => idsAsOf(asOf).edges.filter((id) => id.endsWith('-controls-camp-kalsu'));
  expect(holders('2003-04')).toEqual([]);
  expect(holders('2008')).toEqual(['united-states-controls-camp-kalsu']);
  expect(holders('2011-12').sort()).toEqual(['iraq-controls-camp-kalsu', 'united-states-controls-camp-kalsu']);
  expect(holders('2013')).toEqual(['iraq-controls-camp-kalsu']);
});
