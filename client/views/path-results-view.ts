import { typeLabel } from '../style';
import type { ApiHop, ApiPath, ApiRelationship } from '../types';
import { clear, h } from './dom';
import { evidenceList, relationshipFacts } from './evidence-view';

export interface PathResultsView {
  show(paths: readonly ApiPath[] | null, names: (id: string) => string): void;
}

/**
 * The paths found, hop by hop: each hop's relation (in its own direction), dates, confidence and evidence, and the
 * other relationships between the same two entities (one hop, not other paths), folded under it.
 */
export function pathResultsView(container: HTMLElement, onSelect: (id: string) => void): PathResultsView {
  const link = (id: string, names: (id: string) => string) => {
    const button = h('button', { type: 'button', className: 'link-button' }, names(id));
    button.addEventListener('click', () => onSelect(id));
    return button;
  };
  /** "A relation B": the relationship in its own direction, each part a link. */
  const relationLine = (relationship: ApiRelationship, names: (id: string) => string, className: string, ...after: (Node | string)[]) => {
    const relation = h('button', { type: 'button', className: `link-button relation-name type-${relationship.type.toLowerCase()}`, title: 'Show this relationship' }, typeLabel(relationship.type));
    relation.addEventListener('click', () => onSelect(relationship.id));
    return h('p', { className }, link(relationship.source.id, names), ' ', relation, ' ', link(relationship.target.id, names), ...after);
  };
  const alternatives = (hop: ApiHop, names: (id: string) => string) => {
    if (hop.alternatives.length === 0) return null;
    const count = hop.alternatives.length;
    return h(
      'details',
      { className: 'hop-alternatives' },
      h('summary', {}, `${count} other relationship${count === 1 ? '' : 's'} between them`),
      h(
        'ul',
        { className: 'alternative-list' },
        ...hop.alternatives.map((relationship) =>
          h('li', { className: 'alternative', 'data-relationship': relationship.id }, relationLine(relationship, names, 'alternative-line'), relationshipFacts(relationship), evidenceList(relationship)),
        ),
      ),
    );
  };
  return {
    show(paths, names) {
      clear(container);
      if (paths === null) {
        container.hidden = true;
        return;
      }
      container.hidden = false;
      if (paths.length === 0) {
        container.append(h('h2', { tabindex: '-1' }, 'Paths'), h('p', { className: 'muted' }, 'No path connects them under these options.'));
        return;
      }
      const list = h('ol', { className: 'path-list' });
      paths.forEach((path, index) => {
        const hops = h('ol', { className: 'hop-list' });
        for (const hop of path.hops) {
          const relationship = hop.relationship;
          hops.appendChild(
            h(
              'li',
              { className: 'hop', 'data-relationship': relationship.id },
              relationLine(relationship, names, 'hop-line', hop.forward ? '' : h('span', { className: 'muted' }, ' (followed backwards)')),
              relationshipFacts(relationship),
              evidenceList(relationship),
              alternatives(hop, names),
            ),
          );
        }
        const names_ = path.nodes.map((node) => node.name).join(' → ');
        list.appendChild(
          h('li', { className: 'path' }, h('h3', {}, `Path ${index + 1} · ${path.length} hop${path.length === 1 ? '' : 's'}`), h('p', { className: 'path-summary' }, names_), hops),
        );
      });
      container.append(h('h2', { tabindex: '-1' }, paths.length === 1 ? '1 path' : `${paths.length} paths`), list);
    },
  };
}
