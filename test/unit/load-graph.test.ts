import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildGraph, loadDataset, loadGraph, readDataset } from '../../src/load';
import { DataValidationError, RELATION_RULES } from '../../src/model';
import { datasetWithOverrides, MINI_DATASET, removeCreatedDatasets, SEED_DATASET } from '../helpers/fixture-datasets';

afterAll(removeCreatedDatasets);

describe('the shipped seed dataset', () => {
  const { dataset, problems } = readDataset(SEED_DATASET);

  test('validates without a single problem', () => {
    expect(problems).toEqual([]);
  });

  test('is a real dataset: about forty entities and well over sixty relationships', () => {
    expect(dataset.entities.length).toBeGreaterThanOrEqual(40);
    expect(dataset.relationships.length).toBeGreaterThan(60);
  });

  test('every relationship cites evidence with a note, and the article by paragraph', () => {
    for (const relationship of dataset.relationships) {
      expect(relationship.evidence.length).toBeGreaterThan(0);
      for (const evidence of relationship.evidence) {
        expect(evidence.note).toBeTruthy();
        if (evidence.source === 'article-2024-04-21') expect(evidence.locator).toMatch(/^¶([1-9]|1[0-2])$/);
      }
    }
  });

  test('disputed claims carry contradicting evidence from another source', () => {
    const disputed = dataset.relationships.filter((relationship) => relationship.disputed);
    expect(disputed.length).toBeGreaterThan(0);
    for (const relationship of disputed) {
      const contradicting = relationship.evidence.filter((evidence) => evidence.stance === 'CONTRADICTS');
      expect(contradicting.length).toBeGreaterThan(0);
      expect(contradicting.every((evidence) => evidence.source !== 'article-2024-04-21')).toBe(true);
    }
  });

  test('the article is recorded as a source published on 2024-04-21', () => {
    expect(dataset.sources.find((source) => source.id === 'article-2024-04-21')?.published).toBe('2024-04-21');
  });

  test('no note, description or text attribute copies twelve words of the article in a row', () => {
    const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter(Boolean);
    // The fixture holds only truncated SHA-256 hashes of the article's 12-word windows, not its text.
    const windows = new Set(readFileSync(`${__dirname}/../fixtures/seed-article-windows.sha256`, 'utf8').split('\n'));
    const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
    const texts = [
      ...dataset.entities.map((entity) => entity.description ?? ''),
      ...dataset.relationships.flatMap((relationship) => relationship.evidence.map((evidence) => evidence.note ?? '')),
      ...[...dataset.entities, ...dataset.relationships].flatMap((record) => Object.values(record.attributes ?? {}).filter((value): value is string => typeof value === 'string')),
    ];
    for (const text of texts) {
      const w = words(text);
      for (let i = 0; i + 12 <= w.length; i++) expect(windows.has(hash(w.slice(i, i + 12).join(' ')))).toBe(false);
    }
  });
});

describe('loading', () => {
  test('builds a multi directed graph keyed by ids, with every relationship an edge', () => {
    const graph = loadGraph(MINI_DATASET);
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(9);
    expect(graph.size).toBe(8);
    expect(graph.extremities('iran-backs-kataib-hezbollah')).toEqual(['iran', 'kataib-hezbollah']);
    expect(graph.getAttribute('sources').get('report-a')?.title).toBe('Test report on militias');
  });

  test('is deterministic: the same records in any order give the same graph', () => {
    const dataset = loadDataset(MINI_DATASET);
    const first = buildGraph(dataset).export();
    const reversed = buildGraph({
      sources: [...dataset.sources].reverse(),
      entities: [...dataset.entities].reverse(),
      relationships: [...dataset.relationships].reverse(),
    }).export();
    expect(JSON.stringify(reversed)).toEqual(JSON.stringify(first));
    expect(JSON.stringify(loadGraph(MINI_DATASET).export())).toEqual(JSON.stringify(first));
  });

  test('a dataset with any problem is never loaded, not even partly', () => {
    expect(() => loadGraph(datasetWithOverrides('three-errors'))).toThrow(DataValidationError);
    try {
      loadGraph(datasetWithOverrides('three-errors'));
    } catch (error) {
      expect((error as DataValidationError).problems).toHaveLength(3);
    }
  });

  test('hostile keys never pollute Object.prototype', () => {
    expect(() => loadGraph(datasetWithOverrides('unsafe-key'))).toThrow(DataValidationError);
    expect(() => loadGraph(datasetWithOverrides('unsafe-id-proto'))).toThrow(DataValidationError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('every relation rule allows at least one kind at each end and has a definition', () => {
    for (const rule of RELATION_RULES) {
      expect(rule.sourceKinds.length).toBeGreaterThan(0);
      expect(rule.targetKinds.length).toBeGreaterThan(0);
      expect(rule.definition.length).toBeGreaterThan(20);
    }
  });
});
