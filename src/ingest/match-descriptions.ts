import { toInterval } from '../model';
import { tokenize } from '../queries/normalize-text';
import type { MentionCandidate } from './ingest-types';
import type { Description, NameIndex } from './name-index';
import type { NameSpan } from './scan-names';
import type { Word } from './sentences';
import { demonymState, EVENT_ROOTS, headsOf, NOT_EVENT_NOUNS, wordRoot } from './word-forms';

/** How much of a description's words the sentence must hold to link it, and to offer it as a candidate. */
const LINK_COVERAGE = 0.7;
const CANDIDATE_COVERAGE = 0.4;
/** Days a stated date may be off an event's and still be the same event (a conflicting date, then). */
const NEAR_DAYS = 7;
/** Words around the head that count: a description is told in one clause, not across a sentence. */
const WINDOW = 10;

export interface DescriptionSpan extends NameSpan {
  /** The stated date was near the known event's date but not within it: a conflict to show. */
  readonly dateOff: boolean;
}

function rootsOf(word: Word): string[] {
  return textRoots(word.text);
}

/** The roots a text is matched with ("Iran-backed militias" → iran, back, militia). */
export function textRoots(text: string): string[] {
  return tokenize(text).flatMap((token) => demonymState(token) ?? [token]).map(wordRoot);
}

type DateFit = 'within' | 'near' | 'off' | 'none';

function dateFit(description: Description, dates: readonly string[]): DateFit {
  if (dates.length === 0 || !Number.isFinite(description.window.lo)) return 'none';
  let best: DateFit = 'off';
  for (const date of dates) {
    const days = toInterval(date);
    if (days.lo <= description.window.hi && days.hi >= description.window.lo) return 'within';
    if (days.lo <= description.window.hi + NEAR_DAYS && days.hi >= description.window.lo - NEAR_DAYS) best = 'near';
  }
  return best;
}

/**
 * Known events and descriptively named places ("Iranian base near Albukamal") recognised by their words: a sentence
 * that holds one of the description's nouns and most of its words, at a compatible date, mentions it. `dates` are the
 * sentence's own dates, else the last date stated earlier in the paragraph.
 */
export function matchDescriptions(words: readonly Word[], taken: readonly NameSpan[], dates: readonly string[], index: NameIndex, extra: readonly string[] = []): DescriptionSpan[] {
  const roots = words.map(rootsOf);
  const present = new Set([...roots.flat(), ...extra]);
  const named = new Set(taken.map((span) => span.entity).filter(Boolean));
  const covered = new Set<number>();
  for (const span of taken) for (let word = span.first; word <= span.last; word++) covered.add(word);
  // "launched attacks", "carried out a strike": the noun tells the event, the verb before it only brings it about.
  const lightVerb = (position: number) => words[position].tags.has('Verb') && words.slice(position + 1, position + 4).some((word, offset) => word.tags.has('Noun') && !covered.has(position + 1 + offset) && rootsOf(word).some((root) => EVENT_ROOTS.has(root)));
  // "IRGC targets" (what was aimed at) report no event, unlike "they target US forces".
  const notAnEvent = (position: number) => words[position].tags.has('Noun') && !words[position].tags.has('Verb') && NOT_EVENT_NOUNS.has(tokenize(words[position].text)[0] ?? '');
  const seen = new Set<Description>();
  const scored: { description: Description; score: number; coverage: number; head: number; fit: DateFit }[] = [];
  for (const root of present) {
    for (const description of index.descriptions.get(root) ?? []) {
      if (seen.has(description) || named.has(description.entity)) continue;
      seen.add(description);
      const fit = dateFit(description, dates);
      if (fit === 'off') continue;
      const heads = headsOf(description);
      for (const [head, wordRoots] of roots.entries()) {
        if (covered.has(head) || !wordRoots.some((wordRoot) => heads.has(wordRoot)) || lightVerb(head) || notAnEvent(head)) continue;
        const near = new Set([...roots.slice(Math.max(0, head - WINDOW), head + WINDOW + 1).flat(), ...extra]);
        if (description.proper.size > 0 && ![...description.proper].some((word) => near.has(word))) continue;
        const coverage = Math.max(...description.names.map((names) => names.filter((word) => near.has(word)).length / names.length));
        if (coverage < CANDIDATE_COVERAGE) continue;
        scored.push({ description, score: Math.round((coverage + (fit === 'within' ? 0.15 : 0)) * 100) / 100, coverage, head, fit });
      }
    }
  }
  scored.sort((a, b) => b.score - a.score || (a.description.entity < b.description.entity ? -1 : 1));
  const spans: DescriptionSpan[] = [];
  const used = new Set<number>();
  const placed = new Set<Description>();
  for (const entry of scored) {
    if (used.has(entry.head) || placed.has(entry.description)) continue;
    used.add(entry.head);
    placed.add(entry.description);
    // A rival fits as well: as many of its words, and as well dated (one that only gains by its date is no rival).
    const rivals = scored.filter((other) => other.description !== entry.description && other.head === entry.head && !placed.has(other.description) && entry.score - other.score < 0.1 && entry.coverage - other.coverage < 0.1);
    const first = extendLeft(words, entry.head, covered);
    const why = `${Math.round(entry.coverage * 100)}% of the words of "${entry.description.name}"${entry.fit === 'within' ? ', at its date' : entry.fit === 'near' ? ', at a date near its own' : ''}`;
    const candidates: MentionCandidate[] = [entry, ...rivals].map((option) => ({ entity: option.description.entity, score: Math.min(1, option.score), reasons: [`a description: ${Math.round(option.coverage * 100)}% of the words of "${option.description.name}"`] }));
    const linked = entry.score >= LINK_COVERAGE && rivals.length === 0;
    spans.push({
      first,
      last: entry.head,
      entity: linked ? entry.description.entity : null,
      kind: entry.description.kind,
      match: linked ? 'DESCRIPTION' : 'NONE',
      candidates: linked ? [] : candidates,
      flags: [],
      reasons: [linked ? `describes ${why}` : `not linked: ${rivals.length > 0 ? 'several known entities fit' : 'too few of the words match'} (${why})`],
      dateOff: entry.fit === 'near',
    });
  }
  return spans;
}

/**
 * Events the graph does not know: a noun that reports one ("attack", "strike", "kidnapping"), outside any mention,
 * in a sentence that dates it, is proposed as a new EVENT named by its phrase and its date.
 */
export function newEvents(words: readonly Word[], taken: readonly NameSpan[], date: string | null): (NameSpan & { newEntity: { name: string; kind: 'EVENT' }; kindReasons: string[] })[] {
  if (!date) return [];
  const covered = new Set<number>();
  for (const span of taken) for (let word = span.first; word <= span.last; word++) covered.add(word);
  const spans: (NameSpan & { newEntity: { name: string; kind: 'EVENT' }; kindReasons: string[] })[] = [];
  for (const [position, word] of words.entries()) {
    if (covered.has(position) || !word.tags.has('Noun') || word.tags.has('Verb') || NOT_EVENT_NOUNS.has(tokenize(word.text)[0] ?? '') || !rootsOf(word).some((root) => EVENT_ROOTS.has(root))) continue;
    const first = extendLeft(words, position, covered);
    const phrase = words.slice(first, position + 1).map((part) => part.text).join(' ');
    spans.push({ first, last: position, entity: null, kind: 'EVENT', match: 'NONE', candidates: [], flags: [], reasons: ['an event the graph does not know'], newEntity: { name: `${phrase} (${date})`, kind: 'EVENT' }, kindReasons: [`"${word.text}" reports an event, dated ${date} by the sentence`] });
    for (let covering = first; covering <= position; covering++) covered.add(covering);
  }
  return spans;
}

/** The noun phrase ending at a head word: "drone attack", "ballistic missiles" (modifiers not already a mention). */
function extendLeft(words: readonly Word[], head: number, covered: ReadonlySet<number>): number {
  let first = head;
  // A verb reports the event ("the group kidnapped …"): the words before it are its subject, not its modifiers.
  if (words[head].tags.has('Verb') && !words[head].tags.has('Noun')) return head;
  while (first > 0 && head - first < 2 && !covered.has(first - 1) && !/[,;:()]/.test(words[first - 1].after) && (words[first - 1].tags.has('Adjective') || (words[first - 1].tags.has('Noun') && !words[first - 1].tags.has('Pronoun')))) first--;
  return first;
}
