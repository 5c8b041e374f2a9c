import type { EntityKind } from '../model';
import { tokenize } from '../queries/normalize-text';
import { proposeForSentence, type Draftee, type SlotMention } from './build-proposals';
import { resolveDefinites, type Named } from './coreference';
import { encodeSentence } from './cue-matcher';
import type { Evidence, Mention, MentionCandidate, MentionMatch, NameFlag, ProposalEnd } from './ingest-types';
import { matchDescriptions, newEvents, textRoots } from './match-descriptions';
import type { NameIndex } from './name-index';
import { locatorOf } from './paragraphs';
import { readDates, type DateMention } from './report-dates';
import { resolvePronouns, subjectOf, type SentenceSubjects } from './pronouns';
import { scanNames, type NameSpan } from './scan-names';
import { readSentences, type Sentence } from './sentences';
import { findUnknownNames } from './unknown-names';

/** Sentences longer than this (in words) are not read for relationships: no cue spans that far, and it bounds the work. */
const MAX_SENTENCE_WORDS = 150;
const MAX_QUOTE = 600;

/** A mention being built: cues may still decide the kind of an unknown name. */
export class MentionBuilder implements SlotMention {
  inferredKind?: EntityKind;

  constructor(
    readonly mention: string,
    readonly paragraph: number,
    readonly sentence: number,
    readonly first: number,
    readonly last: number,
    readonly start: number,
    readonly end_: number,
    readonly text: string,
    readonly entity: string | null,
    readonly kind: EntityKind | null,
    readonly match: MentionMatch,
    readonly candidates: readonly MentionCandidate[],
    readonly flags: readonly NameFlag[],
    readonly reasons: readonly string[],
    readonly newName: { readonly name: string; readonly kind: EntityKind | null } | null,
    readonly entityName: string | null,
  ) {}

  get name(): string {
    return this.entityName ?? this.text;
  }

  get newEntity(): { name: string; kind: EntityKind } | null {
    if (this.entity || !this.newName) return null;
    const kind = this.newName.kind ?? this.inferredKind;
    return kind ? { name: this.newName.name, kind } : null;
  }

  end(): ProposalEnd {
    return { entity: this.entity, name: this.name, kind: this.kind ?? this.inferredKind ?? null, mention: this.mention };
  }

  finish(): Mention {
    return {
      id: this.mention,
      paragraph: this.paragraph,
      start: this.start,
      end: this.end_,
      text: this.text,
      entity: this.entity,
      match: this.match,
      kind: this.kind ?? this.inferredKind ?? null,
      newEntity: this.newEntity,
      candidates: this.candidates,
      flags: this.flags,
      reasons: this.reasons,
    };
  }
}

export interface ParagraphReading {
  readonly number: number;
  readonly mentions: readonly MentionBuilder[];
  readonly proposals: readonly Draftee[];
  readonly sentences: number;
}

export interface ParagraphInput {
  readonly paragraph: string;
  readonly number: number;
  readonly published: string;
  readonly index: NameIndex;
  /** Entities named so far in the article (for "the group"), appended to. */
  readonly named: Named[];
  readonly sentenceOffset: number;
  readonly mentionOffset: number;
}

function quoteOf(paragraph: string, sentence: Sentence): string {
  const quote = paragraph.slice(sentence.start, sentence.end).trim();
  return quote.length <= MAX_QUOTE ? quote : quote.slice(0, MAX_QUOTE);
}

/** Words opening a sentence that leave the time the paragraph was at: its last date no longer dates the sentence. */
const MOVING_ON = new Set(['later', 'afterwards', 'afterward', 'subsequently', 'eventually', 'since', 'today', 'now', 'currently']);

/** One sentence's mentions before pronouns are resolved, and the dates it is read with. */
interface SentenceSpans extends SentenceSubjects {
  readonly sentence: Sentence;
  readonly number: number;
  readonly descriptions: readonly NameSpan[];
  readonly stated: readonly DateMention[];
  readonly context: string | null;
}

/** The mentions of one sentence: known names, unknown names, described and new events, definite descriptions. */
function findSpans(input: ParagraphInput, sentence: Sentence, number: number, dates: readonly DateMention[], referred: readonly string[] = []): SentenceSpans {
  const { paragraph, index, named } = input;
  const { words } = sentence;
  const known = scanNames(words, index);
  const unknown = findUnknownNames(paragraph, words, known, index);
  const stated = dates.filter((date) => date.start >= sentence.start && date.end <= sentence.end);
  // "Later, …" moves the story on: the date stated before is no longer the time it is at.
  const movedOn = stated.length === 0 && MOVING_ON.has(tokenize(words[0]?.text ?? '')[0] ?? '');
  const context = movedOn ? null : [...dates].reverse().find((date) => date.end <= sentence.start)?.value ?? null;
  const descriptions = matchDescriptions(words, [...known, ...unknown], stated.length > 0 ? stated.map((date) => date.value) : context ? [context] : [], index, referred);
  // An event noun only loosely like known events is a new event, with those as its candidates.
  const looseEvents = descriptions.filter((span) => span.kind === 'EVENT' && span.entity === null);
  const events = newEvents(words, [...known, ...unknown, ...descriptions.filter((span) => !looseEvents.includes(span))], stated[0]?.value ?? null).map((span) => {
    const loose = looseEvents.find((candidate) => candidate.first <= span.last && candidate.last >= span.first);
    return loose ? { ...span, candidates: loose.candidates } : span;
  });
  for (const loose of looseEvents) if (events.some((span) => loose.first <= span.last && loose.last >= span.first)) descriptions.splice(descriptions.indexOf(loose), 1);
  const definites = resolveDefinites(words, [...known, ...unknown, ...descriptions, ...events], named, number, index);
  // A definite description may hold a name ("the militias in Iraq"): that name is part of it, no mention of its own.
  const inside = (span: NameSpan) => definites.some((definite) => definite !== span && definite.first <= span.first && definite.last >= span.last);
  const spans: NameSpan[] = [...known, ...unknown, ...descriptions, ...events, ...definites].filter((span) => !inside(span)).sort((a, b) => a.first - b.first);
  if (referred.length === 0) for (const span of spans) if (span.entity && span.kind) named.push({ entity: span.entity, kind: span.kind, sentence: number });
  return { sentence, number, words, spans, subject: subjectOf(words, spans).span, descriptions, stated, context };
}

/** Reads one paragraph: its dates, its mentions sentence by sentence, and what its sentences state. */
export function readParagraph(input: ParagraphInput): ParagraphReading {
  const { paragraph, number, index } = input;
  const dates = readDates(paragraph, input.published);
  const sentences = readSentences(paragraph);
  const found: SentenceSpans[] = sentences.map((sentence, position) => findSpans(input, sentence, input.sentenceOffset + position, dates));
  const mentions: MentionBuilder[] = [];
  const proposals: Draftee[] = [];
  for (const [position, read] of found.entries()) {
    // Pronouns last: they need the subjects of the paragraph's sentences (earlier ones with their pronouns resolved).
    const pronouns = resolvePronouns(found, position, index);
    // What "they" stands for counts among the sentence's words when events are recognised ("they targeted Eilat"
    // holds the militias of "Iraqi militia drone attacks on Israel").
    const referred = [...new Set(pronouns.map((span) => span.entity!))].flatMap((entity) => textRoots(index.entities.get(entity)?.name ?? ''));
    const reread = referred.length > 0 ? findSpans(input, read.sentence, read.number, dates, referred) : read;
    const spans: NameSpan[] = [...reread.spans.filter((span) => !pronouns.some((pronoun) => span.first <= pronoun.last && span.last >= pronoun.first)), ...pronouns].sort((a, b) => a.first - b.first);
    found[position] = { ...reread, spans, subject: subjectOf(read.words, spans).span };
    const { sentence, words, descriptions, stated, context } = reread;
    const sentenceNumber = read.number;
    const builders = spans.map((span) => {
      const start = words[span.first].start;
      const end = words[span.last].end;
      const text = paragraph.slice(start, end);
      const entityName = span.entity ? index.entities.get(span.entity)?.name ?? null : null;
      const fresh = 'newEntity' in span ? { name: text, kind: span.kind } : span.match === 'NONE' && span.flags.length > 0 ? { name: text, kind: span.kind } : null;
      const reasons = 'kindReasons' in span ? [...span.reasons, ...(span.kindReasons as string[])] : span.reasons;
      return new MentionBuilder(`m${input.mentionOffset + mentions.length + spans.indexOf(span) + 1}`, number, sentenceNumber, span.first, span.last, start, end, text, span.entity, span.kind, span.match, span.candidates, span.flags, reasons, fresh, entityName);
    });
    mentions.push(...builders);
    if (words.length > MAX_SENTENCE_WORDS) continue;
    // A described event is found by its words ("attacked", "the killing"): they stay words for the cues to read.
    // Unlinked descriptions (no entity, nothing to create) would only hide their words from the cues.
    const describedEvent = (span: NameSpan) => (span.kind === 'EVENT' && (span.match === 'DESCRIPTION' || 'newEntity' in span)) || (span.match === 'NONE' && !('newEntity' in span) && span.flags.length === 0 && span.candidates.length > 0 && descriptions.includes(span));
    const slots = builders.filter((_builder, position_) => !describedEvent(spans[position_]));
    const eventSlots = builders
      .map((builder, position_) => ({ slot: builder as SlotMention, dateOff: 'dateOff' in spans[position_] ? Boolean((spans[position_] as { dateOff?: boolean }).dateOff) : false }))
      .filter((event) => event.slot.kind === 'EVENT' && (event.slot.entity !== null || (event.slot as MentionBuilder).newEntity !== null));
    const evidence: Evidence = { paragraph: number, locator: locatorOf(number), quote: quoteOf(paragraph, sentence) };
    const withinNames = slots
      .filter((slot) => slot.last > slot.first && slot.match !== 'DESCRIPTION' && slot.match !== 'COREFERENCE')
      .map((self) => {
        const inner = words.slice(self.first, self.last + 1);
        const innerSpans = scanNames(inner, index, { inside: true, exclude: self.entity }).filter((span) => span.entity !== self.entity);
        const innerSlots = innerSpans.map((span) => {
          const start = inner[span.first].start;
          const end = inner[span.last].end;
          return new MentionBuilder(`${self.mention}.${span.first}`, number, sentenceNumber, span.first, span.last, start, end, paragraph.slice(start, end), span.entity, span.kind, span.match, span.candidates, span.flags, span.reasons, null, span.entity ? index.entities.get(span.entity)?.name ?? null : null);
        });
        return { items: encodeSentence(inner, innerSlots), self, slots: innerSlots };
      });
    const placesOf = new Map(withinNames.map((name) => [name.self.mention, name.slots.filter((slot, at) => (slot.kind === 'LOCATION' || slot.kind === 'STATE') && name.items.some((item, position) => item.slot === at && ['in', 'and'].includes(name.items[position - 1]?.token ?? '')))] as const));
    const eventWords = new Set(eventSlots.filter((event) => !slots.includes(event.slot as MentionBuilder)).flatMap((event) => Array.from({ length: event.slot.last - event.slot.first + 1 }, (_, offset) => event.slot.first + offset)));
    const items = encodeSentence(words, slots, eventWords);
    proposals.push(...proposeForSentence({ words, items, slots, events: eventSlots, dates: stated, contextDate: context, evidence, placesOf }, withinNames).filter((draftee) => !draftee.source.mention.includes('.') || draftee.source.entity !== null).filter((draftee) => !draftee.target.mention.includes('.') || draftee.target.entity !== null));
  }
  return { number, mentions, proposals, sentences: sentences.length };
}
