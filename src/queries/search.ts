import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { InvalidInputError, type EntityKind, type EntityRecord } from '../model';
import { onGraphChange, type GraphChange, type KnowledgeGraph } from '../load';
import { DEFAULTS } from './defaults';
import { describeEventContext, entitiesToReindex } from './event-context';
import { foldText, skeletonsOf, tokenize } from './normalize-text';
import { explainMatch, fuzzyDistance, matchedByName, qualityRank, queryWords, type SearchMatch } from './search-match';

export const MAX_SEARCH_LIMIT = 100;
const MAX_QUERY_LENGTH = 200;

interface SearchDocument {
  id: string;
  kind: EntityKind;
  names: string;
  description: string;
  context: string;
  skeletons: string;
}

/**
 * Words that name an attack. A query with one of them asks for an event: events rank first, and they are also looked
 * for without the word, since an event's names rarely use the word the reader types ("Tower 22 bombing").
 */
const ATTACK_WORDS = new Set(
  ['attack', 'attacks', 'strike', 'strikes', 'airstrike', 'airstrikes', 'bombing', 'bombings', 'bomb', 'bombed', 'explosion', 'explosions', 'blast', 'blasts', 'raid', 'raids', 'assault', 'ambush', 'shelling', 'massacre', 'assassination', 'killing', 'killings', 'kidnapping', 'abduction', 'shooting', 'hijacking'],
);

/** Words that link the attack word to its target or place ("attack on Tower 22"): dropped with it. */
const LINKING_WORDS = new Set(['on', 'at', 'in', 'of', 'the', 'a', 'an', 'against', 'near', 'by', 'from', 'to']);

interface Ranked extends SearchMatch {
  readonly score: number;
  readonly byName: boolean;
}

/**
 * The full-text index of one graph's entities: names and aliases, descriptions, and for events their places and dates.
 *
 * Ranking: every match of a name or an alias comes before any match found only in a description or an event's places
 * and dates; when the query names an attack, events come first within each of those two groups; then by how well
 * (search-match.ts: exact, prefix, all words, similar, partial), then by MiniSearch's score, then by id.
 */
export class SearchIndex {
  private readonly index = new MiniSearch<SearchDocument>({
    fields: ['names', 'description', 'context', 'skeletons'],
    storeFields: ['kind'],
    tokenize,
    processTerm: (term) => term,
  });

  constructor(private readonly graph: KnowledgeGraph) {
    graph.forEachNode((id) => this.add(id));
  }

  /** Brings the index up to date with an announced change of its graph. */
  update(change: GraphChange): void {
    if (change.rebuilt) {
      this.index.removeAll();
      this.graph.forEachNode((id) => this.add(id));
      return;
    }
    for (const id of change.removedEntities) this.remove(id);
    for (const id of entitiesToReindex(this.graph, change)) {
      this.remove(id);
      this.add(id);
    }
  }

  private context(entity: EntityRecord): string[] {
    return entity.kind === 'EVENT' ? describeEventContext(this.graph, entity.id) : [];
  }

  add(id: string): void {
    const entity = this.graph.getNodeAttributes(id).record;
    const names = [entity.name, ...entity.aliases.map((alias) => alias.name)];
    const skeletons = names.flatMap((name) => skeletonsOf(tokenize(name))).join(' ');
    this.index.add({ id, kind: entity.kind, names: names.join(' '), description: entity.description ?? '', context: this.context(entity).join(' '), skeletons });
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  search(text: string, kinds: readonly EntityKind[] | null | undefined, limit: number = DEFAULTS.searchLimit): EntityRecord[] {
    return this.match(text, kinds, limit).map((match) => match.entity);
  }

  /** The results with why each matched, best first. */
  match(text: string, kinds: readonly EntityKind[] | null | undefined, limit: number = DEFAULTS.searchLimit): SearchMatch[] {
    if (text.length > MAX_QUERY_LENGTH) throw new InvalidInputError('text', `is ${text.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed`);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) throw new InvalidInputError('limit', `must be an integer from 1 to ${MAX_SEARCH_LIMIT}, got ${limit}`);
    const words = tokenize(text);
    if (words.length === 0) throw new InvalidInputError('text', 'must contain at least one letter or digit');
    const namesAttack = words.some((word) => ATTACK_WORDS.has(word));
    const rest = words.filter((word) => !ATTACK_WORDS.has(word) && !LINKING_WORDS.has(word));
    const queries = [queryWords(words), ...(namesAttack && rest.length > 0 ? [queryWords(rest)] : [])];
    const kindSet = kinds && kinds.length > 0 ? new Set<string>(kinds) : undefined;
    const filter = kindSet ? (result: SearchResult) => kindSet.has(result.kind as string) : undefined;
    const scores = new Map<string, number>();
    const collect = (results: { id: string; score: number }[], weight: number) => {
      for (const result of results) scores.set(result.id, Math.max(scores.get(result.id) ?? 0, result.score * weight));
    };
    const fuzzy = (term: string) => (fuzzyDistance(term) > 0 ? 0.25 : false);
    const options: SearchOptions = { fields: ['names', 'description', 'context'], boost: { names: 4 }, prefix: true, fuzzy, filter };
    let allWords = 0;
    for (const query of queries) {
      const results = this.index.search(query.joined, { ...options, combineWith: 'AND' });
      allWords += results.length;
      collect(results, 1);
      const skeletons = skeletonsOf(query.words);
      if (skeletons.length > 0) collect(this.index.search(skeletons.join(' '), { fields: ['skeletons'], combineWith: 'AND', filter }), 0.5);
    }
    // Nothing has every word: anything with some of them.
    if (allWords === 0) collect(this.index.search(queries[queries.length - 1].joined, { ...options, combineWith: 'OR' }), 1);

    const eventFirst = (match: Ranked) => (namesAttack && match.entity.kind !== 'EVENT' ? 1 : 0);
    return [...scores.entries()]
      .map(([id, score]): Ranked => {
        const entity = this.graph.getNodeAttributes(id).record;
        const match = { entity, ...explainMatch(entity, queries, this.context(entity)) };
        return { ...match, score, byName: matchedByName(match) };
      })
      .sort((a, b) => Number(b.byName) - Number(a.byName) || eventFirst(a) - eventFirst(b) || qualityRank(a.quality) - qualityRank(b.quality) || b.score - a.score || (a.entity.id < b.entity.id ? -1 : 1))
      .slice(0, limit)
      .map(({ entity, field, text: matched, quality }) => ({ entity, field, text: matched, quality }));
  }
}

const indexes = new WeakMap<KnowledgeGraph, SearchIndex>();

/** The search index of a graph, built on first use and kept up to date by the graph's change announcements. */
export function searchIndexOf(graph: KnowledgeGraph): SearchIndex {
  let index = indexes.get(graph);
  if (!index) {
    const built = new SearchIndex(graph);
    onGraphChange(graph, (change) => built.update(change));
    indexes.set(graph, (index = built));
  }
  return index;
}

export function searchEntities(graph: KnowledgeGraph, text: string, kinds?: readonly EntityKind[] | null, limit?: number | null): EntityRecord[] {
  return searchIndexOf(graph).search(text, kinds, limit ?? DEFAULTS.searchLimit);
}

/** The same search, saying for each result where it matched and how well. */
export function searchMatches(graph: KnowledgeGraph, text: string, kinds?: readonly EntityKind[] | null, limit?: number | null): SearchMatch[] {
  return searchIndexOf(graph).match(text, kinds, limit ?? DEFAULTS.searchLimit);
}

export { foldText };
export * from './search-match';
