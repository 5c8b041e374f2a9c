import { NodeTable } from '../../src/load/node-table';
import { packRelationships, resolveEnds, type RelationshipBatch } from '../../src/load/relationship-batch';
import { scanRelationshipsLine } from '../../src/load/relationship-line-scan';
import { RELATION_TYPES } from '../../src/model';
import { seededRandom } from './paths-dataset';

// The scanner must give exactly the batch of JSON.parse + packRelationships, or null (the caller then parses the line).

/** What the reader without the scanner makes of a line: its batch, or null when it is not a plain list of relationships. */
function parsedBatch(line: string): RelationshipBatch | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const list = (value as { relationships?: unknown }).relationships;
  return Array.isArray(list) && Object.keys(value as object).length === 1 ? packRelationships(list) : null;
}

const pick = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)];

const TEXTS = ['a', 'kataib-hezbollah', 'Foo Bar', ' ', '', '¶3', 'é', 'x\u0007y', 'line\nbreak', 'tab\there', 'q"uote', 'back\\slash', '\uD800', '\uD83D\uDE00', '\u0085', '\uFFFE', '__proto__', 'x'.repeat(201), 'A-Z'];
const DATES = ['0099', '0099-12', '0050-02-03', '2001', '2001-02', '2001-02-28', '2001-02-29', '2000-02-29', '2001-13', '0000', '9999-12-31', '1999-1', 2001, 'soon', null];
const NUMBERS = [0, 1, 0.5, -0, -0.1, 1.5, 7, 1e-7, 12.5e3, Number.MAX_SAFE_INTEGER, 2 ** 60, '0.5', null, true];

/** A relationship: most often a valid one, with any of the mistakes and odd shapes a file may hold. */
function relationship(next: () => number, n: number): Record<string, unknown> {
  const odd = () => next() < 0.08;
  const record: Record<string, unknown> = {
    id: odd() ? pick(next, TEXTS) : `r${n}`,
    type: odd() ? pick(next, ['backs', 'NOPE', 3]) : pick(next, RELATION_TYPES),
    source: odd() ? pick(next, TEXTS) : `e${Math.floor(next() * 50)}`,
    target: odd() ? pick(next, TEXTS) : `e${Math.floor(next() * 50)}`,
  };
  if (next() < 0.4) record.start = odd() ? pick(next, DATES) : pick(next, ['1990', '2004-07', '2010-10-10']);
  if (next() < 0.3) record.end = odd() ? pick(next, DATES) : pick(next, ['2020', '2021-01', '2022-02-02', '1980']);
  if (next() < 0.6) record.confidence = odd() ? pick(next, NUMBERS) : Math.round(next() * 100) / 100;
  if (next() < 0.1) record.disputed = odd() ? pick(next, [false, 'yes', null]) : true;
  if (next() < 0.3) record.weight = odd() ? pick(next, NUMBERS) : 1 + Math.floor(next() * 9);
  const evidence = Array.from({ length: odd() ? 0 : 1 + Math.floor(next() * 3) }, () => {
    const item: Record<string, unknown> = { source: odd() ? pick(next, [...TEXTS, 5]) : pick(next, ['s1', 's2']) };
    if (next() < 0.5) item.locator = odd() ? pick(next, [...TEXTS, 12, null]) : `¶${Math.floor(next() * 30)}`;
    if (next() < 0.5) item.note = odd() ? pick(next, [...TEXTS, false]) : 'a note in our words';
    if (next() < 0.2) item.stance = odd() ? pick(next, ['supports', 1]) : pick(next, ['SUPPORTS', 'CONTRADICTS']);
    if (odd()) item.extra = 'x';
    return item;
  });
  if (!odd()) record.evidence = evidence;
  else if (next() < 0.5) record.evidence = pick(next, ['none', null, {}]);
  if (odd()) record.attributes = { count: 3 };
  if (odd()) record.typo = 1;
  if (odd()) {
    // Another order of the fields.
    const keys = Object.keys(record).reverse();
    return Object.fromEntries(keys.map((key) => [key, record[key]]));
  }
  return record;
}

/** Ways a line's text may differ from JSON.stringify's, each still JSON or not. */
const MANGLES: readonly ((line: string, next: () => number) => string)[] = [
  (line) => line.replace('"type":', '"type" : '),
  (line) => line.replace(/"e(\d)/, '"\\u0065$1'),
  (line) => `${line} `,
  (line) => line.slice(0, -1),
  (line) => line.slice(0, Math.floor(line.length / 2)),
  (line) => line.replace('},{', '} ,{'),
  (line) => line.replace('},{', '},,{'),
  (line) => line.replace(/"r(\d+)"/, '"r$1","id":"dup"'),
  (line) => line.replace('"confidence":0.', '"confidence":00.'),
  (line) => line.replace('"confidence":', '"confidence":1E'),
  (line) => line.replace('"weight":', '"weight":-'),
  (line) => line.replace('"disputed":true', '"disputed":truex'),
  (line) => line.replace(/\]\}$/, '],"entities":[]}'),
  (line) => line.replace('{"id"', '["id"'),
  (line) => line.replace('{"relationships":[', '{"relationships":[1,'),
  (line, next) => {
    const at = Math.floor(next() * line.length);
    return line.slice(0, at) + pick(next, ['"', '\\', '{', '}', ']', ',', ':', '\u0000']) + line.slice(at + 1);
  },
];

/** Nodes e0..e39 and a few odd texts, numbered with gaps ('' is a number without a node). */
const NODE_IDS = [...Array.from({ length: 40 }, (_, i) => `e${i}`), '', 'Foo Bar', 'é', 'r3', ''];
const NODES = new NodeTable(NODE_IDS.join('\n'), NODE_IDS.length);

const normalise = (batch: RelationshipBatch | null) => batch && { ...batch, invalid: JSON.stringify(batch.invalid) };

test('NodeTable finds every node id by its number, and nothing else', () => {
  const ids = Array.from({ length: 5000 }, (_, i) => (i % 97 === 0 ? '' : `n-${(i * 7919) % 100_003}`));
  const table = new NodeTable(ids.join('\n'), ids.length);
  ids.forEach((id, number) => id !== '' && expect(table.find(id)).toBe(number));
  for (const other of ['', 'n-', 'n-100003', 'x', `n-${ids[5]}`, ids[5].slice(0, -1)]) expect(table.find(other)).toBe(-1);
  expect(table.findRange(`[${ids[5]}]`, 1, 1 + ids[5].length)).toBe(5);
});

describe('scanRelationshipsLine', () => {
  test('gives the batch of JSON.parse + packRelationships, on random and adversarial lines, or null', () => {
    const next = seededRandom(14);
    let scanned = 0;
    let nulls = 0;
    for (let round = 0; round < 1500; round++) {
      const records = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, n) => relationship(next, n));
      let line = JSON.stringify({ relationships: records });
      if (next() < 0.3) line = pick(next, MANGLES)(line, next);
      const batch = scanRelationshipsLine(line);
      if (batch === null) {
        nulls++;
        continue;
      }
      scanned++;
      expect(normalise(batch)).toEqual(normalise(parsedBatch(line)));
      // With a node table, the ends resolved while scanning are those resolveEnds finds in the parsed batch.
      expect(normalise(scanRelationshipsLine(line, NODES))).toEqual(normalise(resolveEnds(parsedBatch(line)!, NODES)));
    }
    // Both outcomes happen: the comparison above is not vacuous.
    expect(scanned).toBeGreaterThan(900);
    expect(nulls).toBeGreaterThan(50);
  });

  test('a line that JSON.parse refuses is never scanned (its syntax problem is reported by the usual path)', () => {
    const next = seededRandom(7);
    for (let round = 0; round < 500; round++) {
      const line = pick(next, MANGLES)(JSON.stringify({ relationships: [relationship(next, 1), relationship(next, 2)] }), next);
      if (parsedBatch(line) === null) expect(scanRelationshipsLine(line)).toBeNull();
    }
  });

  test('the usual records are encoded from the text: the same columns and evidence text as the parsed records', () => {
    const line = JSON.stringify({
      relationships: [
        { id: 'r1', type: 'BACKS', source: 'a', target: 'b', start: '2001', end: '2003-02-01', confidence: 0.83, disputed: true, weight: 7, evidence: [{ source: 's', locator: '¶3', note: 'n', stance: 'SUPPORTS' }] },
        { id: 'r2', type: 'ATTACKED', source: 'b', target: 'a', start: '1999-12', evidence: [{ source: 's' }, { source: 't', locator: 'p. 4' }] },
        { id: 'r3', type: 'BACKS', source: 'a', target: 'b', attributes: { n: 1 }, evidence: [{ source: 's' }] },
        { id: 'BAD', type: 'BACKS', source: 'a', target: 'b', evidence: [{ source: 's' }] },
      ],
    });
    const batch = scanRelationshipsLine(line)!;
    expect(normalise(batch)).toEqual(normalise(parsedBatch(line)));
    expect(batch.extras).toEqual(['{"evidence":[{"source":"s","locator":"¶3","note":"n","stance":"SUPPORTS"}]}', '{"evidence":[{"source":"s"},{"source":"t","locator":"p. 4"}]}', '{"evidence":[{"source":"s"}],"attributes":{"n":1}}']);
    expect(batch.invalidAt).toEqual([3]);
    expect(batch.citedSources).toEqual(['s', 't']);
  });

  test('evidence scanned once for records that cite alike, and again after a record whose evidence was refused', () => {
    const alike = [{ source: 's1', locator: '¶1' }, { source: 's2' }];
    const line = JSON.stringify({
      relationships: [
        { id: 'r1', type: 'BACKS', source: 'a', target: 'b', evidence: alike },
        { id: 'r2', type: 'BACKS', source: 'a', target: 'b', evidence: [{ source: 's3' }, { source: 5 }] },
        { id: 'r3', type: 'BACKS', source: 'a', target: 'b', evidence: alike },
        { id: 'r4', type: 'BACKS', source: 'a', target: 'b', start: '0099', end: '0099', evidence: alike },
        { id: 'r5', type: 'BACKS', source: 'a', target: 'b', evidence: [{ source: 's3' }] },
        { id: 'r6', type: 'BACKS', source: 'a', target: 'b', evidence: alike },
      ],
    });
    const batch = scanRelationshipsLine(line)!;
    expect(normalise(batch)).toEqual(normalise(parsedBatch(line)));
    expect([...batch.citations].map((c) => batch.citedSources[c])).toEqual(['s1', 's2', 's1', 's2', 's3', 's1', 's2']);
  });

  test('an empty list, and a line of another frame', () => {
    expect(normalise(scanRelationshipsLine('{"relationships":[]}'))).toEqual(normalise(parsedBatch('{"relationships":[]}')));
    expect(scanRelationshipsLine('{"entities":[]}')).toBeNull();
    expect(scanRelationshipsLine('{"relationships":[]} ')).toBeNull();
  });
});
