import { onGraphChange, type KnowledgeGraph } from '../load';
import { toInterval, type EntityKind, type EntityRecord, type Window } from '../model';
import { skeleton, tokenize } from '../queries/normalize-text';
import { demonymState, EVENT_ROOTS, nameKeys, wordRoot } from './word-forms';

/** One name or alias of a known entity, as the mention finder matches it. */
export interface KnownName {
  readonly entity: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly keys: readonly string[];
  /** Written in capitals (US, KH, PMU): matches only text in capitals. */
  readonly acronym: boolean;
  readonly isAlias: boolean;
}

/** A known entity whose name describes it (an event, a facility): recognised by its words rather than a name. */
export interface Description {
  readonly entity: string;
  readonly kind: EntityKind;
  readonly name: string;
  /** Roots of the content words of all its names. */
  readonly words: ReadonlySet<string>;
  /** The content words of each name and alias: coverage is judged name by name. */
  readonly names: readonly (readonly string[])[];
  /** Roots of its common nouns ("attack", "base"): one must be in the sentence. */
  readonly heads: ReadonlySet<string>;
  /** A place's proper words ("Albukamal" of "Iranian base near Albukamal"): one must be in the sentence too. */
  readonly proper: ReadonlySet<string>;
  readonly window: Window;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  names: KnownName[];
}

const STOP_WORDS = new Set(['of', 'at', 'on', 'in', 'the', 'near', 'and', 'to', 'by', 'for', 'with', 'from', 'after', 'before', 'into', 'a', 'an', 'used', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

function newNode(): TrieNode {
  return { next: new Map(), names: [] };
}

function isAcronym(name: string): boolean {
  return /^[A-Z][A-Z.&]{0,6}$/.test(name.replace(/\s/g, '')) && /[A-Z].*[A-Z]|^[A-Z]$/.test(name);
}

/** The names of a graph's entities, in tries for longest-match scanning, with the words of each for partial matches. */
export class NameIndex {
  readonly exact = newNode();
  readonly variants = newNode();
  /** Key → entities having a name with that word: for candidates that share a word. */
  readonly byWord = new Map<string, Set<string>>();
  /** Word root → the descriptions holding it. */
  readonly descriptions = new Map<string, Description[]>();
  /** Lowercase head noun of a descriptive name ("militias") → entities: for "the militias". */
  readonly heads = new Map<string, Set<string>>();
  readonly entities = new Map<string, EntityRecord>();

  constructor(graph: KnowledgeGraph) {
    graph.forEachNode((_id, attributes) => this.add(attributes.record, attributes.window));
  }

  private add(entity: EntityRecord, window: Window): void {
    this.entities.set(entity.id, entity);
    const names = [entity.name, ...entity.aliases.map((alias) => alias.name)];
    for (const [index, name] of names.entries()) {
      const keys = nameKeys(name);
      if (keys.length === 0) continue;
      const known: KnownName = { entity: entity.id, kind: entity.kind, name, keys, acronym: isAcronym(name), isAlias: index > 0 };
      insert(this.exact, keys, known);
      insert(this.variants, keys.map(skeleton), known);
      for (const key of keys) if (key.length >= 3 && !STOP_WORDS.has(key)) addTo(this.byWord, key, entity.id);
      const head = headNoun(name);
      if (head) addTo(this.heads, head, entity.id);
    }
    const description = describe(entity, window);
    if (description) for (const word of description.words) this.descriptions.set(word, [...(this.descriptions.get(word) ?? []), description]);
  }

  /** Entities of a word's names: common words ("resistance", "iraq") name many and say little. */
  sharing(key: string): ReadonlySet<string> {
    return this.byWord.get(key) ?? new Set();
  }
}

function insert(root: TrieNode, keys: readonly string[], known: KnownName): void {
  let node = root;
  for (const key of keys) {
    let next = node.next.get(key);
    if (!next) node.next.set(key, (next = newNode()));
    node = next;
  }
  if (!node.names.some((name) => name.entity === known.entity && name.acronym === known.acronym)) node.names.push(known);
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

/** The head of a descriptive name: its last lowercase word before a preposition ("militias" of "Iran-backed militias in Iraq"). */
function headNoun(name: string): string | null {
  const words = name.split(/\s+/);
  const cut = words.findIndex((word, index) => index > 0 && STOP_WORDS.has(word.toLowerCase()));
  const before = cut > 0 ? words.slice(0, cut) : words;
  const last = before[before.length - 1];
  return last && /^[a-z]+$/.test(last) && last.length > 3 ? last : null;
}

/** Events, and places named by what they are ("Iranian base near Albukamal"), are recognised by their words. */
function describe(entity: EntityRecord, window: Window): Description | null {
  const names = [entity.name, ...entity.aliases.map((alias) => alias.name)].filter((name) => /[a-z]/.test(name));
  const descriptive = names.filter((name) => /(^|\s)[a-z]{3,}/.test(name.replace(/^[A-Z]/, (letter) => letter.toLowerCase())));
  if (entity.kind !== 'EVENT' && (entity.kind !== 'LOCATION' || descriptive.length === 0)) return null;
  const words = new Set<string>();
  const heads = new Set<string>();
  const perName: string[][] = [];
  // "a base", "the camp" alone say nothing of which: a place is recognised only with one of its proper names' words.
  const proper = new Set(entity.kind === 'LOCATION' ? descriptive.flatMap((name) => name.split(/[\s-]+/).filter((word) => /^\p{Lu}/u.test(word) && !demonymState(tokenize(word)[0] ?? '')).flatMap((word) => tokenize(word).map(wordRoot))) : []);
  for (const name of entity.kind === 'EVENT' ? names : descriptive) {
    const content = [...new Set(nameKeys(name).filter((key) => !STOP_WORDS.has(key) && !/^\d+$/.test(key) && key.length > 1).map(wordRoot))];
    if (content.length >= 2) perName.push(content);
    for (const word of content) words.add(word);
    // A name in sentence case opens with a capital its head may carry ("Kidnapping of …").
    for (const word of name.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase()).split(/[\s-]+/)) {
      if (!/^[a-z]{3,}$/.test(word) || STOP_WORDS.has(word)) continue;
      const root = wordRoot(word);
      // An event is recognised by what happened (attack, killing, explosion); a place by the noun it is (base, hangar).
      if (entity.kind === 'EVENT' ? EVENT_ROOTS.has(root) : !/(ed|ing)$/.test(word)) heads.add(root);
    }
  }
  if (perName.length === 0 || heads.size === 0) return null;
  for (const head of heads) proper.delete(head);
  return { entity: entity.id, kind: entity.kind, name: entity.name, words, names: perName, heads, proper, window: entity.kind === 'EVENT' ? eventDays(entity) : window };
}

/**
 * The days an event covers: its start to its end. An event named in the plural ("Militia attacks on US forces …",
 * "Strikes in Iraq …") is a series: without an end it goes on from its start.
 */
function eventDays(entity: EntityRecord): Window {
  if (!entity.start) return { lo: -Infinity, hi: Infinity };
  const series = !entity.end && /\b[a-z]+s\b/.test(entity.name) && entity.name.split(/[\s-]+/).some((word) => /^[a-z]+s$/i.test(word) && EVENT_ROOTS.has(wordRoot(word.toLowerCase())));
  return { lo: toInterval(entity.start).lo, hi: series ? Infinity : toInterval(entity.end ?? entity.start).hi };
}

const indexes = new WeakMap<KnowledgeGraph, NameIndex>();

/** The name index of a graph, built once and dropped whenever the graph announces a change. */
export function nameIndexOf(graph: KnowledgeGraph): NameIndex {
  let index = indexes.get(graph);
  if (!index) {
    index = new NameIndex(graph);
    indexes.set(graph, index);
    const stop = onGraphChange(graph, () => {
      indexes.delete(graph);
      stop();
    });
  }
  return index;
}
