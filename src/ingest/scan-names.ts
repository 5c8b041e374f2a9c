import type { EntityKind } from '../model';
import { skeleton, tokenize } from '../queries/normalize-text';
import type { MentionCandidate, MentionMatch, NameFlag } from './ingest-types';
import type { KnownName, NameIndex } from './name-index';
import { NAME_ARTICLES, NAME_MODIFIERS, NAME_QUALIFIERS, NAME_SYNONYMS, NOT_NAMES } from './name-tables';
import type { Word } from './sentences';
import { unmask } from './suspicious-names';
import { demonymState, synonymKey } from './word-forms';

/** A folded piece of a word, as names are matched: "al-Muhandis" is the pieces "al" and "muhandis". */
interface Piece {
  readonly key: string;
  readonly variant: string;
  readonly word: number;
  readonly capitalized: boolean;
  readonly upper: boolean;
  readonly article: boolean;
  /** A qualifier a name may carry inside it ("autonomous"): skipped within a name when it does not match. */
  readonly qualifier: boolean;
  readonly demonym: boolean;
  /** Nothing but a hyphen or a space separates it from the piece before. */
  readonly joined: boolean;
}

/** A span of words that names something, as found in one sentence (word indices are inclusive). */
export interface NameSpan {
  readonly first: number;
  readonly last: number;
  readonly entity: string | null;
  readonly kind: EntityKind | null;
  readonly match: MentionMatch;
  readonly candidates: readonly MentionCandidate[];
  readonly flags: readonly NameFlag[];
  readonly reasons: readonly string[];
}

const SEPARATING = /[,;:()[\]!?"“”«»]/;
const LATIN = /^[a-z]+$/;

function joinedTo(previous: Word, word: Word): boolean {
  return !previous.possessive && !SEPARATING.test(previous.after + word.before);
}

function piecesOf(words: readonly Word[]): { pieces: Piece[]; flags: Map<number, { flags: readonly NameFlag[]; reasons: readonly string[] }> } {
  const pieces: Piece[] = [];
  const flags = new Map<number, { flags: readonly NameFlag[]; reasons: readonly string[] }>();
  for (const [index, word] of words.entries()) {
    const unmasked = unmask(word.text);
    if (unmasked.flags.length > 0) flags.set(index, unmasked);
    const capitalized = /^\P{Ll}*\p{Lu}/u.test(unmasked.text) || !/[A-Za-z]/.test(unmasked.text);
    const upper = unmasked.text === unmasked.text.toUpperCase() && /[A-Z]/.test(unmasked.text);
    const tokens = tokenize(unmasked.text);
    for (const [position, token] of tokens.entries()) {
      const state = demonymState(token);
      // "service members": the first word is skipped like an article, the second matched as "forces".
      const previous = position > 0 ? tokens[position - 1] : pieces[pieces.length - 1]?.word === index - 1 ? tokenize(words[index - 1].text).at(-1) : undefined;
      const next = position < tokens.length - 1 ? tokens[position + 1] : tokenize(words[index + 1]?.text ?? '')[0];
      const opensPhrase = NAME_SYNONYMS.has(`${token} ${next}`);
      for (const [part, key] of (state ?? [synonymKey(token, previous)]).entries()) {
        pieces.push({
          key,
          variant: skeleton(key),
          word: index,
          capitalized,
          upper,
          article: NAME_ARTICLES.has(key) || opensPhrase,
          qualifier: NAME_QUALIFIERS.has(key),
          demonym: state !== null,
          joined: position > 0 || part > 0 || (index > 0 && joinedTo(words[index - 1], word)),
        });
      }
    }
  }
  return { pieces, flags };
}

interface Reached {
  readonly end: number;
  readonly consumed: readonly number[];
  readonly names: readonly KnownName[];
}

/** Every node with names reached from `start`, articles skipped, stopping at punctuation. */
function walk(pieces: readonly Piece[], start: number, root: NameIndex['exact'], field: 'key' | 'variant'): Reached[] {
  const reached: Reached[] = [];
  const consumed: number[] = [];
  let node = root;
  for (let position = start; position < pieces.length; position++) {
    const piece = pieces[position];
    if (position > start && !piece.joined) break;
    const next = node.next.get(piece[field]);
    if (!next) {
      if (piece.article || piece.qualifier) continue;
      break;
    }
    node = next;
    consumed.push(position);
    if (node.names.length > 0) reached.push({ end: position, consumed: [...consumed], names: node.names });
  }
  return reached;
}

/** The names at a node that the text really spells: acronyms in capitals, variants only on capitalised long words. */
function spelled(pieces: readonly Piece[], reached: Reached, variant: boolean): KnownName[] {
  const used = reached.consumed.map((position) => pieces[position]);
  return reached.names.filter((name) => {
    if (name.acronym) return used.every((piece) => piece.upper);
    // Lowercase text matches only a name of several words ("axis of resistance"); one word must be capitalised.
    if (!used.some((piece) => piece.capitalized || !LATIN.test(piece.key)) && name.keys.length < 2) return false;
    if (!variant) return true;
    return used.every((piece, index) => piece.key === name.keys[index] || (piece.capitalized && closeSpelling(piece.key, name.keys[index])));
  });
}

/** A capitalised name word right beside (a space apart, not a hyphen or punctuation) another. */
/** Two spellings of one transliterated word: same consonant skeleton (checked by the trie), same first sound, similar length. */
function closeSpelling(a: string, b: string): boolean {
  const initial = (word: string) => word[0].replace(/[qc]/, 'k');
  return a.length >= 4 && b.length >= 4 && initial(a) === initial(b) && Math.abs(a.length - b.length) <= 2;
}

function isNameWord(word: Word | undefined, between: string | undefined): boolean {
  if (!word || between === undefined || !/^\s+$/.test(between)) return false;
  const folded = tokenize(word.text)[0] ?? '';
  return /^\p{Lu}/u.test(word.text) && !NOT_NAMES.has(folded) && !NAME_MODIFIERS.has(folded) && demonymState(folded) === null && (word.tags.has('ProperNoun') || word.tags.has('Person'));
}

/**
 * Finds, longest first, the known names and aliases in a sentence's words. A name written with hidden or look-alike
 * characters, shared by several entities, or only part of a longer unknown name ("Badr" in "Hassan Badr") is not
 * linked: it is offered as a candidate, with reasons.
 */
export function scanNames(words: readonly Word[], index: NameIndex, options: { inside?: boolean; exclude?: string | null } = {}): NameSpan[] {
  const { pieces, flags } = piecesOf(words);
  // Inside a name, the name itself is not a match: only the names it holds ("IRGC" in "IRGC Quds Force").
  const whole = (end: number) => options.inside === true && start === 0 && pieces[end].word === words.length - 1;
  const spans: NameSpan[] = [];
  let start = 0;
  while (start < pieces.length) {
    const best = [...walk(pieces, start, index.exact, 'key').map((reached) => ({ reached, variant: false })), ...walk(pieces, start, index.variants, 'variant').map((reached) => ({ reached, variant: true }))]
      // Inside a name, its own aliases are no match: "US forces in Iraq" inside "US forces in Iraq and Syria" holds Iraq.
      .map((option) => ({ ...option, names: spelled(pieces, option.reached, option.variant).filter((name) => name.entity !== options.exclude) }))
      .filter((option) => option.names.length > 0 && !whole(option.reached.end))
      .sort((a, b) => b.reached.end - a.reached.end || Number(a.variant) - Number(b.variant))[0];
    if (!best) {
      start++;
      continue;
    }
    const first = pieces[start].word;
    const last = pieces[best.reached.end].word;
    const span = spanOf(words, first, last, best.names, best.variant, best.reached.consumed.every((position) => pieces[position].demonym), flags, options.inside === true);
    if (!span) {
      // Part of a longer name: left to the unknown names, which offer the known entity as a candidate.
      start++;
      continue;
    }
    spans.push(span);
    start = best.reached.end + 1;
    while (start < pieces.length && pieces[start].word === last) start++;
  }
  return spans;
}

function spanOf(words: readonly Word[], first: number, last: number, names: readonly KnownName[], variant: boolean, demonym: boolean, flags: ReturnType<typeof piecesOf>['flags'], inside: boolean): NameSpan | null {
  const entities = [...new Set(names.map((name) => name.entity))];
  const name = names[0];
  const wordFlags = [...flags.entries()].filter(([word]) => word >= first && word <= last).map(([, value]) => value);
  const suspicious = [...new Set(wordFlags.flatMap((value) => value.flags))];
  const reasons = wordFlags.flatMap((value) => value.reasons);
  const candidates = (score: number, why: string): MentionCandidate[] => entities.map((entity) => ({ entity, score, reasons: [why] }));
  if (suspicious.length > 0) {
    const flagged: NameFlag[] = suspicious.includes('MIXED_SCRIPT') ? [...suspicious, 'POSSIBLE_IMITATION'] : suspicious;
    return { first, last, entity: null, kind: name.kind, match: 'NONE', candidates: candidates(0.5, `reads as "${name.name}" once hidden or look-alike characters are set aside`), flags: flagged, reasons: [...reasons, 'not linked: it may imitate a known name'] };
  }
  if (entities.length > 1) {
    return { first, last, entity: null, kind: null, match: 'NONE', candidates: candidates(0.5, `"${name.name}" names ${entities.length} entities`), flags: [], reasons: ['not linked: the name is shared by several entities'] };
  }
  const single = last === first && name.keys.length === 1 && !demonym;
  // A capitalised name word right beside it makes it part of a longer name, unless a possessive or a bracket parts
  // them ("Iran's Quds Force", "Popular Mobilization Forces (PMF)").
  const before = words[first - 1];
  const after = words[last + 1];
  if (single && !inside && ((before && !before.possessive && isNameWord(before, before.after + words[first].before)) || (after && !words[last].possessive && isNameWord(after, words[last].after + after.before)))) return null;
  const match: MentionMatch = demonym ? 'DEMONYM' : variant ? 'VARIANT' : 'NAME';
  const why = demonym ? `an adjective of "${name.name}"` : variant ? `a spelling variant of ${name.isAlias ? 'the alias' : 'the name'} "${name.name}"` : `${name.isAlias ? 'the alias' : 'the name'} "${name.name}"`;
  return { first, last, entity: entities[0], kind: name.kind, match, candidates: [], flags: [], reasons: [why] };
}
