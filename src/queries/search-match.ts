import type { EntityRecord } from '../model';
import { MIN_SKELETON_WORD, skeleton, tokenize } from './normalize-text';

/** Where a search result matched. One definition; the GraphQL enum derives from it. */
export const SEARCH_FIELDS = ['NAME', 'ALIAS', 'DESCRIPTION', 'EVENT_CONTEXT'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const SEARCH_FIELD_DEFINITIONS: Record<SearchField, string> = {
  NAME: 'The name.',
  ALIAS: 'An alias (text says which).',
  DESCRIPTION: 'The description only: no name or alias matched.',
  EVENT_CONTEXT: "An event's places or date only: no name, alias or description matched.",
};

/** How well, best first. The order is the ranking order within names and aliases. */
export const MATCH_QUALITIES = ['EXACT', 'PREFIX', 'WORDS', 'SIMILAR', 'PARTIAL'] as const;
export type MatchQuality = (typeof MATCH_QUALITIES)[number];

export const MATCH_QUALITY_DEFINITIONS: Record<MatchQuality, string> = {
  EXACT: 'The whole text, ignoring case, accents and punctuation.',
  PREFIX: 'The text starts with the query.',
  WORDS: 'Every word of the query starts a word of the text, in any order.',
  SIMILAR: 'Every word of the query matches a word of the text, some only as a spelling or transliteration variant.',
  PARTIAL: 'Some words of the query match the text; the others match elsewhere in the entity.',
};

/** Why an entity was found: where, which text, and how well. */
export interface SearchMatch {
  readonly entity: EntityRecord;
  readonly field: SearchField;
  /** The name or the alias that matched; the description; or the event's places and date words that matched. */
  readonly text: string;
  readonly quality: MatchQuality;
}

/** The query as search explains it: its words, joined, and each word's transliteration skeleton. */
export interface QueryWords {
  readonly words: readonly string[];
  readonly joined: string;
}

export function queryWords(words: readonly string[]): QueryWords {
  return { words, joined: words.join(' ') };
}

/** The edit distance MiniSearch's fuzzy matching allows for a query word (search.ts uses the same rule). */
export function fuzzyDistance(word: string): number {
  return word.length >= 4 ? Math.round(word.length * 0.25) : 0;
}

/** Levenshtein distance, giving up (returning max + 1) past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

type WordHit = 'prefix' | 'similar' | null;

/** How a query word matches a word of a text: as its prefix, as a variant (typo, transliteration), or not. */
function wordHit(word: string, token: string): WordHit {
  if (token.startsWith(word)) return 'prefix';
  const distance = fuzzyDistance(word);
  if ((distance > 0 && editDistance(word, token, distance) <= distance) || (word.length >= MIN_SKELETON_WORD && token.length >= MIN_SKELETON_WORD && skeleton(word) === skeleton(token))) return 'similar';
  return null;
}

/** How well the query matches a text; null when no word of it does. */
export function matchQuality(query: QueryWords, text: string): MatchQuality | null {
  const tokens = tokenize(text);
  const folded = tokens.join(' ');
  if (folded === query.joined) return 'EXACT';
  if (folded.startsWith(query.joined)) return 'PREFIX';
  let prefixes = 0;
  let similar = 0;
  for (const word of query.words) {
    const hits = tokens.map((token) => wordHit(word, token));
    if (hits.includes('prefix')) prefixes++;
    else if (hits.includes('similar')) similar++;
  }
  if (prefixes === query.words.length) return 'WORDS';
  if (prefixes + similar === query.words.length) return 'SIMILAR';
  return prefixes + similar > 0 ? 'PARTIAL' : null;
}

const rank = (quality: MatchQuality) => MATCH_QUALITIES.indexOf(quality);

/**
 * Why `entity` matched the query: its best-matching name or alias (the name on ties); only when none matches, its
 * description; only when that does not either, the event's places and date (`context`, the words search indexed).
 * Among the queries tried (the whole query, and the query without its attack words), the best answer counts.
 */
export function explainMatch(entity: EntityRecord, queries: readonly QueryWords[], context: readonly string[]): Omit<SearchMatch, 'entity'> {
  const best = (field: SearchField, texts: readonly string[]) => {
    let found: { field: SearchField; text: string; quality: MatchQuality } | null = null;
    for (const text of texts) {
      for (const query of queries) {
        const quality = matchQuality(query, text);
        if (quality && (!found || rank(quality) < rank(found.quality))) found = { field, text, quality };
      }
    }
    return found;
  };
  const name = best('NAME', [entity.name]);
  const alias = best('ALIAS', entity.aliases.map((item) => item.name));
  if (name && (!alias || rank(name.quality) <= rank(alias.quality))) return name;
  if (alias) return alias;
  const description = entity.description ? best('DESCRIPTION', [entity.description]) : null;
  if (description) return description;
  const matched = context.filter((text) => queries.some((query) => matchQuality(query, text) !== null));
  const qualities = queries.map((query) => matchQuality(query, matched.join(' '))).filter((item): item is MatchQuality => item !== null);
  return { field: 'EVENT_CONTEXT', text: matched.join('; '), quality: qualities.sort((a, b) => rank(a) - rank(b))[0] ?? 'PARTIAL' };
}

/** True when the answer matched a name or an alias: those rank before matches found only in a description or context. */
export function matchedByName(match: Pick<SearchMatch, 'field'>): boolean {
  return match.field === 'NAME' || match.field === 'ALIAS';
}

export function qualityRank(quality: MatchQuality): number {
  return rank(quality);
}
