import type { ReportReading } from '../../../src/ingest';
import { ruleFor, type RelationType } from '../../../src/model';
import { tokenize } from '../../../src/queries/normalize-text';

/**
 * A relationship the reader should find: ends are entity ids, `new:Name` for an entity the graph lacks, or
 * `event:DATE` for an event the graph lacks, known by its day (the reader names a new event by its phrase and date).
 */
export interface ExpectedRelationship {
  readonly type: RelationType;
  readonly source: string;
  readonly target: string;
}

/** A mention the reader should link (entity id) or must not link (null). */
export interface ExpectedMention {
  readonly text: string;
  readonly entity: string | null;
}

export interface Score {
  readonly expected: number;
  readonly found: number;
  readonly proposed: number;
  readonly correct: number;
  readonly recall: number;
  readonly precision: number;
  readonly missed: readonly ExpectedRelationship[];
  readonly wrong: readonly string[];
}

function endKey(end: { entity: string | null; name: string; kind: string | null }): string {
  if (end.entity) return end.entity;
  const dated = end.kind === 'EVENT' ? /\((\d{4}(?:-\d{2}){0,2})\)$/.exec(end.name) : null;
  return dated ? `event:${dated[1]}` : `new:${tokenize(end.name).join(' ')}`;
}

function expectedKey(end: string): string {
  return end.startsWith('new:') ? `new:${tokenize(end.slice(4)).join(' ')}` : end;
}

function key(type: RelationType, source: string, target: string): string {
  return `${type} ${source} ${target}`;
}

/** Recall of the expected relationships (same type and ends) and precision of the distinct proposals. */
export function scoreRelationships(reading: ReportReading, expected: readonly ExpectedRelationship[]): Score {
  const proposed = new Set(reading.proposals.map((proposal) => key(proposal.type, endKey(proposal.source), endKey(proposal.target))));
  const wanted = new Set<string>();
  const missed: ExpectedRelationship[] = [];
  let found = 0;
  for (const relationship of expected) {
    const forward = key(relationship.type, expectedKey(relationship.source), expectedKey(relationship.target));
    const backward = key(relationship.type, expectedKey(relationship.target), expectedKey(relationship.source));
    wanted.add(forward);
    if (ruleFor(relationship.type).symmetric) wanted.add(backward);
    if (proposed.has(forward) || (ruleFor(relationship.type).symmetric && proposed.has(backward))) found++;
    else missed.push(relationship);
  }
  const wrong = [...proposed].filter((item) => !wanted.has(item));
  const correct = proposed.size - wrong.length;
  return { expected: expected.length, found, proposed: proposed.size, correct, recall: expected.length ? found / expected.length : 1, precision: proposed.size ? correct / proposed.size : 1, missed, wrong };
}

/** The share of expected mentions linked as expected (each expected text's first mention in the reading). */
export function scoreMentions(reading: ReportReading, expected: readonly ExpectedMention[]): { total: number; right: number; accuracy: number; wrong: string[] } {
  const wrong: string[] = [];
  let right = 0;
  for (const item of expected) {
    const mention = reading.mentions.find((candidate) => candidate.text === item.text);
    const linked = mention?.entity ?? null;
    if (linked === item.entity) right++;
    else wrong.push(`"${item.text}": expected ${item.entity ?? 'no link'}, got ${mention ? (linked ?? 'no link') : 'no mention'}`);
  }
  return { total: expected.length, right, accuracy: expected.length ? right / expected.length : 1, wrong };
}
