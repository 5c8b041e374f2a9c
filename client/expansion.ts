import { EXPANSION_PAGE } from './expansion-pages';
import { typeLabel } from './style';
import type { ApiSubgraph } from './types';
import type { RelationType } from '../src/model/relation-rules';

/** What "Expand" did, in the words the status line uses. */
export interface Expansion {
  /** The name of the entity expanded. */
  readonly name: string;
  /** Its neighbours through the chosen types (as of the date). */
  readonly neighbours: number;
  /** Entities newly drawn. */
  readonly added: number;
  /** Neighbours that were hidden and are shown again. */
  readonly shownAgain: number;
  /** Neighbours still not shown because their kind is filtered out. */
  readonly filteredOut: number;
  /** Its relationships (through the types, as of the date) still not drawn: the next Expand draws the next batch. */
  readonly more: number;
  readonly types: readonly RelationType[];
  readonly asOf: string | null;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function describeExpansion(expansion: Expansion): string {
  const more = expansion.more > 0 ? ` ${count(expansion.more, 'more relationship', 'more relationships')} not drawn yet: Expand again for the next ${Math.min(EXPANSION_PAGE, expansion.more)}.` : '';
  return summary(expansion) + more;
}

function summary(expansion: Expansion): string {
  const { name, neighbours, added, shownAgain, filteredOut } = expansion;
  const through = expansion.types.length > 0 ? ` through ${expansion.types.map(typeLabel).join(', ')}` : '';
  const when = expansion.asOf ? ` as of ${expansion.asOf}` : '';
  const filtered = filteredOut > 0 ? ` (${count(filteredOut, 'neighbour is', 'neighbours are')} of a kind filtered out: tick the kind under Legend and filters to see ${filteredOut === 1 ? 'it' : 'them'})` : '';
  if (neighbours === 0) return `Nothing new to add: ${name} has no neighbours${through}${when}.`;
  if (added === 0 && shownAgain === 0) {
    const all = neighbours === 1 ? 'its one neighbour' : `all ${neighbours} of its neighbours`;
    return `Nothing new to add: ${all}${through}${when} ${neighbours === 1 ? 'is' : 'are'} already drawn${filtered}.`;
  }
  const parts = [added > 0 ? `Added ${count(added, 'entity', 'entities')}` : '', shownAgain > 0 ? `${added > 0 ? 'showed' : 'Showed'} ${count(shownAgain, 'hidden entity', 'hidden entities')} again` : ''];
  return `${parts.filter(Boolean).join(' and ')} around ${name}${through}${when}${filtered}.`;
}

/** What an ego network left out: entities past the limit, and relationships of its centre past the per-entity cap. */
export function describeTruncation(subgraph: Pick<ApiSubgraph, 'nodes'>, more: number, limit: number): string {
  const parts = [
    subgraph.nodes.length >= limit ? `Only the nearest ${limit} entities are shown.` : '',
    more > 0 ? `${count(more, 'more relationship', 'more relationships')} of this entity not drawn yet: Expand draws the next ${Math.min(EXPANSION_PAGE, more)}.` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'Some entities have more relationships than are drawn: Expand one to draw the next ones.';
}
