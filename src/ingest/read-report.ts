import type { KnowledgeGraph } from '../load';
import { InvalidInputError, partialDateProblem, toInterval } from '../model';
import { readParagraph, type ParagraphReading } from './read-paragraph';
import { compareWithGraph } from './compare-known';
import type { Mention, NewEntityProposal, Proposal, ReportReading, ReportSource } from './ingest-types';
import { nameIndexOf } from './name-index';
import { splitParagraphs } from './paragraphs';
import { INGEST_LIMITS, prepareText } from './prepare-text';
import { collectNewEntities } from './new-entities';

export interface ReportInput {
  readonly text: unknown;
  readonly source: { readonly title?: unknown; readonly published?: unknown; readonly publisher?: unknown; readonly url?: unknown };
}

function text(value: unknown, argument: string, max: number, required: boolean): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw new InvalidInputError(argument, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') throw new InvalidInputError(argument, 'must be a string');
  const trimmed = value.trim();
  if (required && trimmed.length === 0) throw new InvalidInputError(argument, 'is required');
  if (trimmed.length > max) throw new InvalidInputError(argument, `is ${trimmed.length} characters, over the limit of ${max}`);
  return trimmed || undefined;
}

/** Checks the article's source: a title, a publication day (the anchor of relative dates), an http(s) url. */
export function checkReportSource(source: ReportInput['source'], today: Date = new Date()): ReportSource {
  const title = text(source.title, 'source.title', INGEST_LIMITS.maxTitleLength, true)!;
  const published = text(source.published, 'source.published', 10, true)!;
  const problem = partialDateProblem(published);
  if (problem) throw new InvalidInputError('source.published', `${problem}; give the day the article was published, YYYY-MM-DD`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published)) throw new InvalidInputError('source.published', `"${published}" is not a day: give YYYY-MM-DD, the anchor from which "on Friday" or "last month" are resolved`);
  if (toInterval(published).lo > Math.floor(today.getTime() / 86_400_000) + 1) throw new InvalidInputError('source.published', `"${published}" is in the future: give the day the article was published`);
  const publisher = text(source.publisher, 'source.publisher', INGEST_LIMITS.maxPublisherLength, false);
  const url = text(source.url, 'source.url', INGEST_LIMITS.maxUrlLength, false);
  if (url !== undefined) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw new InvalidInputError('source.url', `"${url.slice(0, 80)}" is not an http(s) URL`);
  }
  return { title, published, ...(publisher ? { publisher } : {}), ...(url ? { url } : {}) };
}

/**
 * Reads an article against the graph: its paragraphs, the mentions of known entities (and of unknown names), and the
 * relationships its sentences state, each with its evidence and how it stands against what the graph knows.
 * Nothing is written anywhere.
 */
export function readReport(graph: KnowledgeGraph, input: ReportInput): ReportReading {
  const source = checkReportSource(input.source ?? {});
  const prepared = prepareText(input.text);
  const paragraphs = splitParagraphs(prepared.text);
  const index = nameIndexOf(graph);
  const readings: ParagraphReading[] = [];
  const named: { entity: string; kind: import('../model').EntityKind; sentence: number }[] = [];
  let sentences = 0;
  let mentionCount = 0;
  for (const [position, paragraph] of paragraphs.entries()) {
    const reading = readParagraph({ paragraph, number: position + 1, published: source.published, index, named, sentenceOffset: sentences, mentionOffset: mentionCount });
    sentences += reading.sentences;
    mentionCount += reading.mentions.length;
    readings.push(reading);
  }
  const newEntities: NewEntityProposal[] = collectNewEntities(graph, readings);
  const mentions: Mention[] = readings.flatMap((reading) => reading.mentions.map((mention) => mention.finish()));
  const seen = new Set<string>();
  const proposals: Proposal[] = [];
  for (const draftee of readings.flatMap((reading) => reading.proposals)) {
    const sourceEnd = draftee.source.end();
    const targetEnd = draftee.target.end();
    const key = `${draftee.type}|${sourceEnd.entity ?? sourceEnd.name}|${targetEnd.entity ?? targetEnd.name}|${draftee.evidence.paragraph}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const standing =
      sourceEnd.entity && targetEnd.entity
        ? compareWithGraph(graph, { type: draftee.type, source: sourceEnd.entity, target: targetEnd.entity, start: draftee.start, end: draftee.end, dateOff: draftee.dateOff }, source.published)
        : { status: 'NEW' as const, existing: null, conflicts: [] };
    proposals.push({
      id: `p${proposals.length + 1}`,
      type: draftee.type,
      source: sourceEnd,
      target: targetEnd,
      start: draftee.start,
      end: draftee.end,
      confidence: draftee.confidence,
      evidence: draftee.evidence,
      cue: draftee.cue,
      family: draftee.family,
      hedges: draftee.hedges,
      resolutions: draftee.resolutions,
      status: standing.status,
      existing: standing.existing,
      conflicts: standing.conflicts.map((item) => item.relationship),
      conflictDetails: standing.conflicts,
    });
  }
  return { source, paragraphs, mentions, newEntities, proposals, notes: prepared.notes };
}
