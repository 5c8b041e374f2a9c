import type { EntityKind } from '../model';
import { tokenize } from '../queries/normalize-text';
import type { NameIndex } from './name-index';
import type { NameSpan } from './scan-names';
import type { Word } from './sentences';

/**
 * "They" resolved, conservatively: this goes beyond the pronoun-free rule, because reporting tells what a group
 * did in runs of sentences that all open with "They" (the group named once, then "they targeted …", "they killed …").
 * Only plural pronouns, only within one paragraph, and only to a plural actor (an organisation or state named with a
 * plural head: "the militias", "US forces", "the Iranians"), in this order:
 *   1. the subject of the same sentence, before the pronoun ("The militias said they would join");
 *   2. the subject of the previous sentence of the paragraph (itself possibly a resolved "they");
 *   3. the paragraph's only plural actor that is the subject of any of its sentences.
 * Anything else stays unresolved. Every resolved pronoun says which rule linked it, and the proposals that use it say
 * so and lose confidence (see build-proposals.ts).
 */
// "their" is left out: a possessive qualifies a noun ("their rhetoric against Israel") and is no actor of its own;
// "themselves" always is its clause's subject, which says it already.
export const PLURAL_PRONOUNS: ReadonlySet<string> = new Set(['they', 'them']);

/** Words that open an introductory clause or phrase before the subject: "After Hamas attacked, the militias …". */
const OPENERS = new Set(['after', 'before', 'when', 'while', 'since', 'as', 'although', 'though', 'because', 'if', 'once', 'until', 'whereas', 'in', 'on', 'at', 'for', 'during', 'within', 'by', 'with', 'from', 'over', 'under', 'despite', 'following', 'amid', 'nevertheless', 'however', 'meanwhile', 'later', 'then', 'still', 'yet', 'instead', 'therefore', 'moreover', 'also']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'of', 'for', 'from', 'to', 'by', 'with', 'against', 'into', 'near', 'about', 'between', 'among', 'under', 'over', 'toward', 'towards', 'than', 'like']);
const ACTOR_KINDS: ReadonlySet<EntityKind> = new Set(['ORGANIZATION', 'STATE']);

/** An actor a plural pronoun may stand for. */
export interface Antecedent {
  readonly entity: string;
  readonly kind: EntityKind;
  readonly name: string;
  /** How it was named where it was found ("the militias in Iraq"). */
  readonly text: string;
}

const fold = (word: Word | undefined) => (word ? tokenize(word.text)[0] ?? '' : '');

/**
 * The first word of the main clause: introductory phrases and clauses that end with a comma are skipped ("In 2021,",
 * "After Hamas attacked Israel on October 7,", "For instance, when they target Israel,").
 */
function clauseStart(words: readonly Word[]): number {
  let start = 0;
  for (let round = 0; round < 3 && OPENERS.has(fold(words[start])); round++) {
    const comma = words.findIndex((word, position) => position >= start && /,/.test(word.after));
    if (comma < 0 || comma === words.length - 1) return -1;
    start = comma + 1;
  }
  return start;
}

/**
 * The sentence's grammatical subject: the first noun phrase of its main clause before any verb and after no
 * preposition. `span` is the mention heading it (null when the subject is no mention, such as "the Iraqi authorities",
 * where "Iraqi" only qualifies the head); `at` is its first word (-1 when none was found).
 */
export function subjectOf(words: readonly Word[], spans: readonly NameSpan[]): { span: NameSpan | null; at: number } {
  const none = { span: null, at: -1 };
  const start = clauseStart(words);
  if (start < 0) return none;
  for (let position = start; position < words.length; position++) {
    const word = words[position];
    const span = spans.find((candidate) => candidate.first === position);
    if (span) {
      const next = words[span.last + 1];
      const qualifies = next !== undefined && !/[,;:]/.test(words[span.last].after) && next.tags.has('Noun') && !next.tags.has('Pronoun') && !next.tags.has('Verb') && !PREPOSITIONS.has(fold(next));
      return { span: qualifies ? null : span, at: position };
    }
    if (PLURAL_PRONOUNS.has(fold(word))) return { span: null, at: position };
    if (word.tags.has('Noun') && !word.tags.has('Pronoun')) return { span: null, at: position };
    if (word.tags.has('Verb') || PREPOSITIONS.has(fold(word)) || /[,;:]/.test(word.after)) return none;
  }
  return none;
}

const PLURAL_NAME_HEADS = new Set(['forces', 'units', 'brigades', 'battalions', 'guards', 'militias', 'groups', 'factions', 'organisations', 'organizations', 'movements', 'troops', 'companies']);

/** A mention of an organisation or state whose head is plural: "the militias in Iraq", "US forces", "the Iranians", "these groups". */
export function isPluralActor(words: readonly Word[], span: NameSpan): boolean {
  if (!span.entity || !span.kind || !ACTOR_KINDS.has(span.kind)) return false;
  if (span.match === 'PRONOUN') return true;
  // The head is the last word before a preposition ("militias" of "militias in Iraq").
  let head = span.last;
  for (let position = span.first + 1; position <= span.last; position++) {
    if (PREPOSITIONS.has(fold(words[position]))) {
      head = position - 1;
      break;
    }
  }
  const word = fold(words[head]);
  if (span.match === 'DEMONYM') return /s$/.test(word);
  // A proper name ending in "s" ("Hamas") is no plural; a name headed by a plural noun ("Popular Mobilization Units") is.
  return PLURAL_NAME_HEADS.has(word) || (/^[a-z]+s$/.test(words[head].text) && !/ss$/.test(word));
}

/** Words that open another clause: "they grew … because the militias were tied to parties" names them again, rightly. */
const CLAUSE_BREAKS = new Set(['because', 'while', 'when', 'although', 'though', 'since', 'after', 'before', 'as', 'who', 'which', 'that', 'whereas', 'but']);

/** Whether `entity` is named in the clause the pronoun at `at` opens (up to the next clause break, eight words at most). */
function namedInClause(words: readonly Word[], spans: readonly NameSpan[], at: number, entity: string): boolean {
  let end = at;
  while (end + 1 < words.length && end - at < 8 && !/[,;:]/.test(words[end].after) && !CLAUSE_BREAKS.has(fold(words[end + 1]))) end++;
  return spans.some((span) => span.entity === entity && span.match !== 'PRONOUN' && span.first > at && span.first <= end);
}

/** Where a paragraph's sentences stand for pronouns: each sentence's words, mentions and subject. */
export interface SentenceSubjects {
  readonly words: readonly Word[];
  readonly spans: readonly NameSpan[];
  readonly subject: NameSpan | null;
}

function antecedentOf(words: readonly Word[], span: NameSpan, index: NameIndex): Antecedent {
  return { entity: span.entity!, kind: span.kind!, name: index.entities.get(span.entity!)?.name ?? span.entity!, text: words.slice(span.first, span.last + 1).map((word) => word.text).join(' ') };
}

/**
 * The plural pronouns of one sentence of a paragraph, resolved by the rules above. `sentences` are the paragraph's
 * sentences with their mentions (pronouns of earlier sentences already resolved, as spans of match PRONOUN);
 * `position` is this sentence's place among them.
 */
export function resolvePronouns(sentences: readonly SentenceSubjects[], position: number, index: NameIndex): NameSpan[] {
  const { words, spans } = sentences[position];
  const covered = new Set<number>();
  for (const span of spans) for (let word = span.first; word <= span.last; word++) covered.add(word);
  const pluralSubjects = new Map<string, Antecedent>();
  for (const sentence of sentences) {
    if (sentence.subject && sentence.subject.match !== 'PRONOUN' && isPluralActor(sentence.words, sentence.subject)) pluralSubjects.set(sentence.subject.entity!, antecedentOf(sentence.words, sentence.subject, index));
  }
  const previous = sentences[position - 1];
  const resolved: NameSpan[] = [];
  for (const [at, word] of words.entries()) {
    if (covered.has(at) || !PLURAL_PRONOUNS.has(fold(word))) continue;
    const subject = subjectOf(words, [...spans, ...resolved]);
    let found: { antecedent: Antecedent; why: string } | null = null;
    if (subject.at >= 0 && subject.at < at) {
      // After its clause's subject, "they" is that subject when it is a plural actor, and left alone otherwise.
      if (subject.span && isPluralActor(words, subject.span)) found = { antecedent: antecedentOf(words, subject.span, index), why: 'the subject of the same sentence' };
    } else if (previous?.subject && isPluralActor(previous.words, previous.subject)) {
      found = { antecedent: antecedentOf(previous.words, previous.subject, index), why: 'the subject of the previous sentence' };
    } else if (pluralSubjects.size === 1) {
      found = { antecedent: [...pluralSubjects.values()][0], why: "the paragraph's only plural actor that is the subject of a sentence" };
    }
    // "They killed US soldiers": a pronoun is not an actor named again in its own clause.
    if (!found || (!found.why.includes('same sentence') && namedInClause(words, spans, at, found.antecedent.entity))) continue;
    const { antecedent, why } = found;
    resolved.push({ first: at, last: at, entity: antecedent.entity, kind: antecedent.kind, match: 'PRONOUN', candidates: [], flags: [], reasons: [`"${word.text}" → ${antecedent.name}: ${why} ("${antecedent.text}"); a pronoun resolved by proxygraph, to check`] });
  }
  return resolved;
}
