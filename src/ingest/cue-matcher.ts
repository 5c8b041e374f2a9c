import type { EntityKind } from '../model';
import { tokenize } from '../queries/normalize-text';
import { CUE_WORD_SETS, CUES, type Cue } from './cue-table';
import type { Word } from './sentences';

/** A mention as the matcher sees it: a span of words with a kind (null: a name of unknown kind). */
export interface Slot {
  readonly first: number;
  readonly last: number;
  readonly kind: EntityKind | null;
}

/** One item of an encoded sentence: a word, a punctuation mark, or a mention (slot). */
export interface Item {
  readonly token: string;
  /** The slot's index, for mentions. */
  readonly slot?: number;
  /** The word it comes from (for punctuation, the word it is attached to). */
  readonly word: number;
  readonly noun: boolean;
}

export interface CueMatch {
  readonly cue: Cue;
  /** Slot indices bound to the cue's named slots (SELF is the name's own mention). */
  readonly bound: ReadonlyMap<string, number>;
  /** Items [first, last] the match covers. */
  readonly first: number;
  readonly last: number;
}

const KIND_SETS: Readonly<Record<string, readonly string[]>> = {
  PERSON: ['PERSON'],
  ORG: ['ORGANIZATION'],
  STATE: ['STATE'],
  LOCATION: ['LOCATION'],
  EVENT: ['EVENT'],
  GROUP: ['ORGANIZATION', 'STATE'],
  ACTOR: ['PERSON', 'ORGANIZATION', 'STATE'],
  PLACE: ['LOCATION', 'STATE'],
  ANY: ['PERSON', 'ORGANIZATION', 'STATE', 'LOCATION', 'EVENT'],
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words of the event a sentence reports carry this mark: `EV` matches them, and a written word matches with or without it. */
export const EVENT_MARK = '!';

function alternative(word: string): string {
  if (word.startsWith('~')) return `${EVENT_MARK}?${escape(word.slice(1))}(?:s|es|ed|d|ing)?`;
  return word
    .split('_')
    .map((part) => `${EVENT_MARK}?${escape(part)}`)
    .join(' ');
}

/** Compiles a pattern of the cue table into a regular expression over an encoded sentence. */
export function compilePattern(pattern: string): RegExp {
  const parts: string[] = [];
  for (const written of pattern.split(/\s+/).filter(Boolean)) {
    const token = CUE_WORD_SETS[written] ?? written;
    // A lone "?" makes the token before it optional (", ?" is an optional comma).
    if (token === '?' && parts.length > 0) {
      parts[parts.length - 1] = `(?:${parts[parts.length - 1]})?`;
      continue;
    }
    const slot = /^\{([A-Z]+)(?::([A-Z]+))?\}(\?)?$/.exec(token);
    if (slot) {
      const kinds = [...(KIND_SETS[slot[2] ?? 'ANY'] ?? []), 'UNKNOWN'];
      const part = ` @(?<${slot[1]}>\\d+):(?:${kinds.join('|')})`;
      parts.push(slot[3] ? `(?:${part})?` : part);
      continue;
    }
    const gap = /^…(\*)?(\d+)?$/.exec(token);
    if (gap) {
      parts.push(gap[1] ? `(?: [^ ]+){0,${gap[2] ?? 3}}` : `(?: [^@ ][^ ]*){0,${gap[2] ?? 3}}`);
      continue;
    }
    const event = /^EV(?:\(([^()]+)\))?$/.exec(token);
    if (event) {
      // An event is told in one or more words ("drone attack"): EV(list) ends with a word of the list.
      const last = event[1] ? `(?:${event[1].split('|').map((word) => (word.startsWith('~') ? `[^ ]*${escape(word.slice(1))}` : escape(word))).join('|')})` : '[^ ]+';
      parts.push(`(?: ${EVENT_MARK}[^ ]+)*? ${EVENT_MARK}${last}`);
      continue;
    }
    if (token === '[') parts.push('(?:');
    else if (token === ']') parts.push(')');
    else if (token === ']?') parts.push(')?');
    else if (token === '(,_…*8_,)?') parts.push('(?: ,(?: [^ ]+){1,8} ,)?');
    else if (token === '_') parts.push('(?: [^@ ][^ ]*)');
    else if (token === '^') parts.push('^');
    else if (token === '$') parts.push('$');
    else {
      const set = /^\(?([^()]+?)\)?(\?)?$/.exec(token)!;
      const part = ` (?:${set[1].split('|').map(alternative).join('|')})`;
      parts.push(set[2] ? `(?:${part})?` : part);
    }
  }
  return new RegExp(`${parts.join('')}(?= |$)`, 'g');
}

const COMPILED = new Map<Cue, RegExp>(CUES.map((cue) => [cue, compilePattern(cue.pattern)]));

const PUNCTUATION: Readonly<Record<string, string>> = { ',': ',', ';': ';', ':': ':', '(': '(', ')': ')', '—': ',', '–': ',' };

function marks(text: string): string[] {
  if (/^-$/.test(text.trim()) && !/\s/.test(text)) return ['-'];
  return [...text].map((character) => PUNCTUATION[character]).filter((mark): mark is string => mark !== undefined);
}

/** A sentence as the matcher reads it: folded words, punctuation, and one slot per mention. */
export function encodeSentence(words: readonly Word[], slots: readonly Slot[], eventWords: ReadonlySet<number> = new Set()): Item[] {
  const items: Item[] = [];
  const startsAt = new Map(slots.map((slot, index) => [slot.first, index]));
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    for (const mark of marks(word.before)) items.push({ token: mark, word: index, noun: false });
    const slot = startsAt.get(index);
    const last = slot === undefined ? word : words[slots[slot].last];
    if (slot !== undefined) {
      // An article before a mention says nothing the cues need: "joined the PMF" reads as "joined PMF".
      if (['the', 'a', 'an'].includes(items[items.length - 1]?.token ?? '')) items.pop();
      items.push({ token: `@${slot}:${slots[slot].kind ?? 'UNKNOWN'}`, slot, word: index, noun: true });
      index = slots[slot].last;
    } else {
      const folded = tokenize(word.text).join('');
      // A participle the tagger calls an adjective ("went to Lebanon and threatened Israel") is no title of a name.
      const noun = (word.tags.has('Noun') || (word.tags.has('Adjective') && !/(ed|ing)$/.test(folded))) && !word.tags.has('Pronoun') && !word.tags.has('Verb');
      if (folded) items.push({ token: eventWords.has(index) ? `${EVENT_MARK}${folded}` : folded, word: index, noun });
    }
    if (last.possessive) items.push({ token: "'s", word: index, noun: false });
    for (const mark of marks(last.after)) items.push({ token: mark, word: index, noun: false });
  }
  return items;
}

function itemAt(offsets: readonly number[], position: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle] <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Every match of the cue table (or of its `within: 'name'` rows) in an encoded sentence, overlapping ones included. */
export function matchCues(items: readonly Item[], within: 'sentence' | 'name'): CueMatch[] {
  const offsets: number[] = [];
  let text = '';
  for (const item of items) {
    offsets.push(text.length);
    text += ` ${item.token}`;
  }
  const matches: CueMatch[] = [];
  for (const cue of CUES) {
    if ((cue.within === 'name') !== (within === 'name')) continue;
    const regex = COMPILED.get(cue)!;
    regex.lastIndex = 0;
    for (let found = regex.exec(text); found; found = regex.exec(text)) {
      const bound = new Map<string, number>();
      for (const [name, value] of Object.entries(found.groups ?? {})) if (value !== undefined) bound.set(name, Number(value));
      matches.push({ cue, bound, first: itemAt(offsets, found.index), last: itemAt(offsets, Math.max(found.index, found.index + found[0].length - 1)) });
      regex.lastIndex = found.index + 1;
    }
  }
  return matches;
}

/**
 * Coordinated mentions: "Iraq, Syria, Lebanon, and Yemen" or "Soleimani and militia leader al-Muhandis" fill a slot
 * together. A list needs "and"/"or" (a comma alone may end an introductory phrase), and the same kind throughout.
 */
export interface Coordination {
  readonly members: readonly number[];
  /** Members have titles of their own ("head Soleimani and militia leader al-Muhandis"): a title binds one. */
  readonly titled: boolean;
}

/** What may stand between the members of a list: "X, Y and Z", "X or Y", "X and also Y". */
const CONNECTORS = new Set([',', 'and', 'or', 'also']);

export function coordinate(items: readonly Item[], slots: readonly Slot[]): Map<number, Coordination> {
  const groups = new Map<number, Coordination>();
  // A state is listed with places ("Iraq and Anbar") or with groups ("US forces in Iraq and also Israel").
  const sameKind = (a: Slot, b: Slot) => a.kind === b.kind || (a.kind === 'STATE' && (b.kind === 'LOCATION' || b.kind === 'ORGANIZATION')) || (b.kind === 'STATE' && (a.kind === 'LOCATION' || a.kind === 'ORGANIZATION'));
  let run: number[] = [];
  let joined = false;
  let titled = false;
  const close = () => {
    if (run.length > 1 && joined) for (const slot of run) groups.set(slot, { members: run, titled });
    run = [];
    joined = false;
    titled = false;
  };
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item.slot === undefined) continue;
    if (run.length === 0) {
      run = [item.slot];
      continue;
    }
    const previous = items.findIndex((candidate) => candidate.slot === run[run.length - 1]);
    const between = items.slice(previous + 1, index);
    const connector = between.findIndex((candidate) => !CONNECTORS.has(candidate.token));
    const connectors = connector < 0 ? between : between.slice(0, connector);
    const titles = connector < 0 ? [] : between.slice(connector);
    // "Hezbollah and other Iranian-backed groups": a name qualifying a compound is no member of the list.
    const qualifier = items[index + 1]?.token === '-';
    const fits = !qualifier && connectors.length > 0 && connectors.length <= 3 && titles.length <= 2 && titles.every((candidate) => candidate.noun) && sameKind(slots[run[0]], slots[item.slot]);
    if (fits) {
      run.push(item.slot);
      if (titles.length > 0) titled = true;
      if (connectors.some((candidate) => candidate.token === 'and' || candidate.token === 'or')) joined = true;
    } else {
      close();
      run = [item.slot];
    }
  }
  close();
  return groups;
}
