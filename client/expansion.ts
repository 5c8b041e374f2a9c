import { typeLabel } from './style';
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
  readonly types: readonly RelationType[];
  readonly asOf: string | null;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function describeExpansion(expansion: Expansion): string {
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
