import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { InvalidInputError, type EntityKind, type EntityRecord } from '../model';
import { onGraphChange, type GraphChange, type KnowledgeGraph } from '../load';
import { DEFAULTS } from './defaults';
import { describeEventContext, entitiesToReindex } from './event-context';
import { foldText, skeleton, tokenize } from './normalize-text';

export const MAX_SEARCH_LIMIT = 100;
const MAX_QUERY_LENGTH = 200;

interface SearchDocument {
  id: string;
  kind: EntityKind;
  names: string;
  context: string;
  skeletons: string;
}

/** Ranking tiers: a whole name or alias first, then names that start with the query, then all words as prefixes, then the rest. */
const enum Tier {
  Exact = 0,
  Prefix = 1,
  WordPrefixes = 2,
  Fuzzy = 3,
}

/** The full-text index of one graph's entities: names and aliases, descriptions, and for events their places and dates. */
export class SearchIndex {
  private readonly index = new MiniSearch<SearchDocument>({
    fields: ['names', 'context', 'skeletons'],
    storeFields: ['kind'],
    tokenize,
    processTerm: (term) => term,
  });
  private readonly foldedNames = new Map<string, string[]>();

  constructor(private readonly graph: KnowledgeGraph) {
    graph.forEachNode((id) => this.add(id));
  }

  /** Brings the index up to date with an announced change of its graph. */
  update(change: GraphChange): void {
    if (change.rebuilt) {
      this.index.removeAll();
      this.foldedNames.clear();
      this.graph.forEachNode((id) => this.add(id));
      return;
    }
    for (const id of change.removedEntities) this.remove(id);
    for (const id of entitiesToReindex(this.graph, change)) {
      this.remove(id);
      this.add(id);
    }
  }

  add(id: string): void {
    const entity = this.graph.getNodeAttributes(id).record;
    const names = [entity.name, ...entity.aliases.map((alias) => alias.name)];
    this.foldedNames.set(id, names.map((name) => tokenize(name).join(' ')));
    const context = [entity.description ?? '', ...(entity.kind === 'EVENT' ? describeEventContext(this.graph, id) : [])].join(' ');
    const skeletons = names.flatMap((name) => tokenize(name).map(skeleton)).join(' ');
    this.index.add({ id, kind: entity.kind, names: names.join(' '), context, skeletons });
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
    this.foldedNames.delete(id);
  }

  search(text: string, kinds: readonly EntityKind[] | null | undefined, limit: number = DEFAULTS.searchLimit): EntityRecord[] {
    if (text.length > MAX_QUERY_LENGTH) throw new InvalidInputError('text', `is ${text.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed`);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) throw new InvalidInputError('limit', `must be an integer from 1 to ${MAX_SEARCH_LIMIT}, got ${limit}`);
    const words = tokenize(text);
    if (words.length === 0) throw new InvalidInputError('text', 'must contain at least one letter or digit');
    const query = words.join(' ');
    const kindSet = kinds && kinds.length > 0 ? new Set<string>(kinds) : undefined;
    const filter = kindSet ? (result: SearchResult) => kindSet.has(result.kind as string) : undefined;
    const scores = new Map<string, number>();
    const collect = (results: { id: string; score: number }[], weight: number) => {
      for (const result of results) scores.set(result.id, Math.max(scores.get(result.id) ?? 0, result.score * weight));
    };
    const fuzzy = (term: string) => (term.length >= 4 ? 0.25 : false);
    const options: SearchOptions = { fields: ['names', 'context'], boost: { names: 4 }, prefix: true, fuzzy, filter };
    let results = this.index.search(query, { ...options, combineWith: 'AND' });
    if (results.length === 0) results = this.index.search(query, { ...options, combineWith: 'OR' });
    collect(results, 1);
    collect(this.index.search(words.map(skeleton).join(' '), { fields: ['skeletons'], combineWith: 'AND', filter }), 0.5);

    return [...scores.entries()]
      .map(([id, score]) => ({ id, score, tier: this.tier(id, query, words) }))
      .sort((a, b) => a.tier - b.tier || b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map(({ id }) => this.graph.getNodeAttributes(id).record);
  }

  private tier(id: string, query: string, words: readonly string[]): Tier {
    const names = this.foldedNames.get(id) ?? [];
    if (names.includes(query)) return Tier.Exact;
    if (names.some((name) => name.startsWith(query))) return Tier.Prefix;
    if (names.some((name) => words.every((word) => name.split(' ').some((part) => part.startsWith(word))))) return Tier.WordPrefixes;
    return Tier.Fuzzy;
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

export { foldText };
