import type { EntityKind } from '../model';
import { tokenize } from '../queries/normalize-text';
import type { MentionCandidate, NameFlag } from './ingest-types';
import type { NameIndex } from './name-index';
import { KIND_WORDS, NAME_MODIFIERS, NOT_NAMES, PERSON_PARTICLES, PERSON_TITLES } from './name-tables';
import type { NameSpan } from './scan-names';
import type { Word } from './sentences';
import { unmask } from './suspicious-names';
import { demonymState, nameKeys } from './word-forms';

/** Lowercase words that may sit inside a proper name ("Harakat al-Nujaba", "League of the Righteous"). */
const CONNECTORS = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'of', 'the', 'ul', 'ad', 'ash', 'de', 'du', 'van', 'von']);
const NAME_TAGS = ['ProperNoun', 'Person', 'Place', 'Organization', 'Acronym'];
/** A word shared by more entities than this says too little to make a candidate. */
const DISTINCTIVE = 3;

export interface UnknownSpan extends NameSpan {
  readonly newEntity: { readonly name: string; readonly kind: EntityKind } | null;
  readonly kindReasons: readonly string[];
}

function folded(word: Word): string {
  return tokenize(unmask(word.text).text)[0] ?? '';
}

function capitalised(word: Word): boolean {
  return /^\P{Ll}*\p{Lu}/u.test(unmask(word.text).text);
}

function startsName(words: readonly Word[], index: number): boolean {
  const word = words[index];
  const key = folded(word);
  if (!capitalised(word) || NOT_NAMES.has(key) || NAME_MODIFIERS.has(key) || demonymState(key) || /^\d/.test(key) || key.length < 2) return false;
  // A capitalised first word of a sentence is a name when tagged one, or when a name goes on after it.
  if (index === 0 && !['Person', 'Place', 'Organization', 'Acronym'].some((tag) => word.tags.has(tag))) {
    const next = words[1];
    const continues = next !== undefined && !SEPARATES.test(word.after) && (/^\p{Lu}/u.test(next.text) || (CONNECTORS.has(folded(next)) && words[2] !== undefined && /^\p{Lu}/u.test(words[2].text)));
    return (word.tags.has('ProperNoun') || continues) && !word.tags.has('Verb');
  }
  return NAME_TAGS.some((tag) => word.tags.has(tag)) || word.tags.has('Noun');
}

/** The kind an unknown name most likely has, and why. */
export function guessKind(words: readonly Word[], first: number, last: number): { kind: EntityKind | null; reasons: string[] } {
  const keys = words.slice(first, last + 1).flatMap((word) => tokenize(word.text));
  for (const { kind, words: markers } of KIND_WORDS) {
    const marker = keys.find((key) => markers.includes(key));
    if (marker) return { kind, reasons: [`the name holds the word "${marker}"`] };
  }
  const title = words[first - 1] && folded(words[first - 1]);
  if (title && PERSON_TITLES.has(title)) return { kind: 'PERSON', reasons: [`follows the title "${words[first - 1].text}"`] };
  const particle = keys.find((key) => PERSON_PARTICLES.has(key));
  if (particle) return { kind: 'PERSON', reasons: [`holds the name particle "${particle}"`] };
  const tags = words.slice(first, last + 1).map((word) => word.tags);
  if (tags.some((set) => set.has('Person'))) return { kind: 'PERSON', reasons: ['tagged as a person\'s name'] };
  if (tags.some((set) => set.has('Country'))) return { kind: 'STATE', reasons: ['tagged as a country'] };
  if (tags.some((set) => set.has('Place'))) return { kind: 'LOCATION', reasons: ['tagged as a place'] };
  if (tags.some((set) => set.has('Organization'))) return { kind: 'ORGANIZATION', reasons: ['tagged as an organisation'] };
  return { kind: null, reasons: [] };
}

/** Known entities that share a distinctive word with the name, scored by how much of their name it covers. */
function partialCandidates(name: string, index: NameIndex): MentionCandidate[] {
  const keys = nameKeys(name);
  const scores = new Map<string, { shared: string[] }>();
  for (const key of new Set(keys)) {
    const sharing = index.sharing(key);
    if (sharing.size === 0 || sharing.size > DISTINCTIVE) continue;
    for (const entity of sharing) {
      const entry = scores.get(entity) ?? { shared: [] };
      entry.shared.push(key);
      scores.set(entity, entry);
    }
  }
  return [...scores.entries()]
    .map(([entity, { shared }]) => {
      const record = index.entities.get(entity)!;
      const longest = Math.max(...[record.name, ...record.aliases.map((alias) => alias.name)].map((known) => nameKeys(known).length));
      const score = Math.round((shared.length / Math.max(longest, keys.length)) * 100) / 100;
      return { entity, score: Math.min(score, 0.8), reasons: [`shares ${shared.map((word) => `"${word}"`).join(', ')} with "${record.name}", but not the whole name or an alias`] };
    })
    .sort((a, b) => b.score - a.score || (a.entity < b.entity ? -1 : 1))
    .slice(0, 5);
}

/**
 * Proper names the graph does not know: runs of capitalised words (with connectors such as "al-" or "of") outside the
 * known names. Each gets a guessed kind with its reasons, and the known entities it shares a word with as candidates.
 */
export function findUnknownNames(paragraph: string, words: readonly Word[], known: readonly NameSpan[], index: NameIndex): UnknownSpan[] {
  const taken = new Set<number>();
  for (const span of known) for (let word = span.first; word <= span.last; word++) taken.add(word);
  const spans: UnknownSpan[] = [];
  for (let first = 0; first < words.length; first++) {
    if (taken.has(first) || !startsName(words, first)) continue;
    let last = first;
    for (let next = first + 1; next < words.length; next++) {
      if (taken.has(next) || SEPARATES.test(words[next - 1].after + words[next].before) || words[next - 1].possessive) break;
      if (CONNECTORS.has(folded(words[next])) && !capitalised(words[next])) continue;
      if (!capitalised(words[next]) || NOT_NAMES.has(folded(words[next])) || demonymState(folded(words[next]))) break;
      last = next;
    }
    const text = paragraph.slice(words[first].start, words[last].end);
    const name = unmask(text);
    const { kind, reasons } = guessKind(words, first, last);
    const flags: NameFlag[] = [...name.flags];
    spans.push({
      first,
      last,
      entity: null,
      kind,
      match: 'NONE',
      candidates: partialCandidates(name.text, index),
      flags,
      reasons: [...name.reasons, 'a proper name the graph does not know'],
      newEntity: kind ? { name: text, kind } : null,
      kindReasons: reasons,
    });
    first = last;
  }
  return spans;
}

const SEPARATES = /[,;:()[\]!?"“”«»]/;
