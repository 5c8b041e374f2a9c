import { typeLabel } from '../style';
import type { ApiPath } from '../types';
import { clear, h } from './dom';
import { evidenceList, relationshipFacts } from './evidence-view';

export interface PathResultsView {
  show(paths: readonly ApiPath[] | null, names: (id: string) => string): void;
}

/** The paths found, hop by hop: each hop's relation (in its own direction), dates, confidence and evidence. */
export function pathResultsView(container: HTMLElement, onSelect: (id: string) => void): PathResultsView {
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
          const source = relationship.source.id;
          const target = relationship.target.id;
          const link = (id: string) => {
            const button = h('button', { type: 'button', className: 'link-button' }, names(id));
            button.addEventListener('click', () => onSelect(id));
            return button;
          };
          const relation = h('button', { type: 'button', className: `link-button relation-name type-${relationship.type.toLowerCase()}`, title: 'Show this relationship' }, typeLabel(relationship.type));
          relation.addEventListener('click', () => onSelect(relationship.id));
          hops.appendChild(
            h(
              'li',
              { className: 'hop', 'data-relationship': relationship.id },
              h('p', { className: 'hop-line' }, link(source), ' ', relation, ' ', link(target), hop.forward ? '' : h('span', { className: 'muted' }, ' (followed backwards)')),
              relationshipFacts(relationship),
              evidenceList(relationship),
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
