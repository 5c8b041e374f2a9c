import { ApiError } from '../api';
import type { EditApi } from '../edit-api';
import type { RelationshipRef, SourceForDelete } from '../edit-types';
import { countOf } from '../record-form';
import { typeLabel } from '../style';
import { append, clear, h } from './dom';
import { busy } from './form-fields';

export interface SourceDeleteDeps {
  readonly api: EditApi;
  /** Deleted (or already gone): back to the list, with what happened. */
  readonly onDeleted: (message: string) => void;
  readonly onCancel: () => void;
  /** Shows a relationship on the graph (to add evidence to it): the page closes. */
  readonly onShowRelationship: (relationship: RelationshipRef) => void;
}

const DATE_NAMES = { start: 'start', end: 'end' } as const;

/**
 * Asks before deleting a source, listing everything that cites it: the relationships whose evidence citing it goes
 * (with how many pieces), the entities whose dates lose it as their source (the dates stay). Where the source is a
 * relationship's only evidence the delete is not offered: that relationship needs other evidence first. The server is
 * told what was shown and refuses if anything else cites the source by then.
 */
export function sourceDeleteView(deps: SourceDeleteDeps, initial: SourceForDelete): { element: HTMLElement; focus(): void } {
  let source = initial;
  const body = h('div', { className: 'cascade' });
  const message = h('p', { className: 'form-message', role: 'alert' });
  const confirm = h('button', { type: 'button', className: 'danger' }, 'Delete');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', () => deps.onCancel());
  const citedBy = () => [...source.citations.relationships.map((each) => each.relationship.id), ...source.citations.entities.map((each) => each.entity.id)];

  const render = () => {
    clear(body);
    const { relationships, entities, relationshipCount, evidenceCount, entityCount } = source.citations;
    const stranded = relationships.filter((each) => each.onlySource);
    const tooMany = relationshipCount > relationships.length || entityCount > entities.length;
    const describe = (relationship: (typeof relationships)[number]['relationship']) => `${relationship.source.name} ${typeLabel(relationship.type)} ${relationship.target.name}`;
    confirm.hidden = stranded.length > 0 || tooMany;
    const dates = entities.reduce((sum, each) => sum + each.dates.length, 0);
    const parts = [evidenceCount > 0 && `${countOf(evidenceCount, 'piece')} of evidence`, dates > 0 && countOf(dates, 'date citation')].filter(Boolean);
    clear(confirm);
    append(confirm, parts.length === 0 ? `Delete ${source.title}` : `Delete ${source.title}, ${parts.join(' and ')}`);
    if (relationshipCount + entityCount === 0) {
      append(body, h('p', {}, 'Nothing cites this source: only the source is deleted.'));
    } else if (tooMany) {
      append(body, h('p', {}, `${countOf(relationshipCount, 'relationship')} and ${countOf(entityCount, 'entity', 'entities')} cite this source: too many to list here. Delete it through the API (deleteSource with cascade).`));
    } else if (stranded.length > 0) {
      append(
        body,
        h('p', {}, `${source.title} is the only evidence of ${stranded.length === 1 ? 'this relationship' : `these ${stranded.length} relationships`}, which would be left without evidence. Add other evidence to ${stranded.length === 1 ? 'it' : 'them'}, or delete ${stranded.length === 1 ? 'it' : 'them'}, first:`),
        h(
          'ul',
          { className: 'cascade-list stranded-list' },
          ...stranded.map((each) => {
            const show = h('button', { type: 'button', className: 'link-button', 'aria-label': `Show ${describe(each.relationship)} on the graph` }, 'Show');
            show.addEventListener('click', () => deps.onShowRelationship(each.relationship));
            return h('li', { 'data-id': each.relationship.id }, describe(each.relationship), ' ', show);
          }),
        ),
      );
    } else {
      if (relationships.length > 0) {
        append(
          body,
          h('p', {}, `Deleting it removes ${countOf(evidenceCount, 'piece')} of evidence citing it from ${relationships.length === 1 ? 'this relationship' : `these ${relationships.length} relationships`} (each keeps its other evidence):`),
          h(
            'ul',
            { className: 'cascade-list evidence-cascade' },
            ...relationships.map((each) => h('li', { 'data-id': each.relationship.id }, describe(each.relationship), each.pieces > 1 ? h('span', { className: 'muted' }, ` (${each.pieces} pieces)`) : null)),
          ),
        );
      }
      if (entities.length > 0) {
        append(
          body,
          h('p', {}, `${entities.length === 1 ? 'This date no longer names' : 'These dates no longer name'} it as their source (the dates stay):`),
          h(
            'ul',
            { className: 'cascade-list date-cascade' },
            ...entities.map((each) =>
              h('li', { 'data-id': each.entity.id }, `${each.entity.name}: ${each.dates.map((date) => `${DATE_NAMES[date]} ${each.entity[date] ?? ''}`.trim()).join(', ')}`),
            ),
          ),
        );
      }
    }
    append(body, h('p', { className: 'muted' }, 'The history keeps every version: an editor can restore the source and what cited it from there.'));
  };
  render();

  confirm.addEventListener('click', () =>
    void busy(confirm, async () => {
      try {
        const result = await deps.api.deleteSource(source.id, source.version, citedBy());
        const changed = result.updatedRelationships.length + result.updatedEntities.length;
        const parts = [result.removedEvidence > 0 && `${countOf(result.removedEvidence, 'piece')} of evidence removed`, result.updatedEntities.length > 0 && `the date citations of ${countOf(result.updatedEntities.length, 'entity', 'entities')} removed`];
        deps.onDeleted(`Deleted source ${source.title}${changed > 0 ? `; ${parts.filter(Boolean).join(', ')}` : ''}.`);
      } catch (error) {
        const fresh = await deps.api.sourceForDelete(source.id);
        if (!fresh) {
          deps.onDeleted(`${source.title} was deleted by someone else meanwhile.`);
          return;
        }
        source = fresh;
        render();
        message.textContent =
          error instanceof ApiError && (error.code === 'CONFLICT' || error.extensions.argument === 'expectedCitedBy')
            ? 'It changed while you were deciding: here is what the delete changes now. Confirm again.'
            : `Could not delete: ${(error as Error).message}`;
      }
    }),
  );

  return { element: h('div', { className: 'source-delete' }, body, message, h('div', { className: 'button-row' }, confirm, cancel)), focus: () => cancel.focus() };
}
