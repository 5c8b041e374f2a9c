import type { KnowledgeGraph } from '../../load';
import {
  dateLocatorAttribute,
  dateSourceAttribute,
  datesCiting,
  evidenceCiting,
  InvalidInputError,
  NotFoundError,
  type AttributeValue,
  type DateField,
  type EntityRecord,
  type SourceRecord,
} from '../../model';
import { InputChecks } from '../check-input';
import { Draft } from '../draft';
import { patched, planOf, type Planner } from '../plan';
import type { RawFields } from './entity-plans';
import { expectVersion } from './expect-version';

/** Checks a new source and puts it in the draft; throws with every problem. The step createSource plans. */
export function stageSource(draft: Draft, fields: RawFields): SourceRecord {
  const checks = new InputChecks();
  const record = checks.source(fields);
  if (record && draft.source(record.id)) checks.duplicate('source', record.id);
  checks.throwIfAny();
  draft.put('source', record!);
  return record!;
}

export function createSource(fields: RawFields): Planner<SourceRecord> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    const record = stageSource(draft, fields);
    return planOf(draft.changes(), () => record);
  };
}

function requireSource(draft: Draft, id: string): SourceRecord {
  const source = draft.source(id);
  if (!source) throw new NotFoundError('source', id);
  return source;
}

/** Changes the fields in `patch` (null clears a field; the id stays); refused when `version` is not the current one. */
export function updateSource(id: string, version: number, patch: RawFields): Planner<SourceRecord> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    const current = requireSource(draft, id);
    expectVersion(graph, 'source', id, version);
    const checks = new InputChecks();
    const record = checks.source(patched(current, { ...patch, id }));
    checks.throwIfAny();
    draft.put('source', record!);
    return planOf(draft.changes(), () => record!);
  };
}

export interface DeleteSourceResult {
  readonly id: string;
  /** The relationships that lost the evidence citing it (cascade), in id order. */
  readonly updatedRelationships: readonly string[];
  /** The entities whose dates no longer name it as their source (cascade), in id order. */
  readonly updatedEntities: readonly string[];
  /** How many pieces of evidence were removed. */
  readonly removedEvidence: number;
}

interface Citing {
  readonly relationships: { readonly id: string; readonly pieces: number; readonly only: boolean }[];
  readonly entities: { readonly id: string; readonly dates: DateField[] }[];
}

/** Every record that cites the source: one pass over the graph (a delete of a source is rare; no cache is asked). */
function citing(graph: KnowledgeGraph, source: string): Citing {
  const relationships: Citing['relationships'] = [];
  const entities: Citing['entities'] = [];
  graph.forEachEdge((id, attributes) => {
    const pieces = evidenceCiting(attributes.record, source);
    if (pieces > 0) relationships.push({ id, pieces, only: pieces === attributes.record.evidence.length });
  });
  graph.forEachNode((id, attributes) => {
    const dates = datesCiting(attributes.record, source);
    if (dates.length > 0) entities.push({ id, dates });
  });
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { relationships: relationships.sort(byId), entities: entities.sort(byId) };
}

const listed = (ids: readonly string[]) => ids.slice(0, 20).join(', ') + (ids.length > 20 ? `, and ${ids.length - 20} more` : '');

function checkExpected(id: string, actual: readonly string[], expected: readonly string[]): void {
  const wanted = new Set(expected);
  const extra = actual.filter((record) => !wanted.has(record));
  const gone = [...wanted].filter((record) => !actual.includes(record));
  if (extra.length === 0 && gone.length === 0) return;
  const parts = [extra.length > 0 && `${listed(extra)} now also cite${extra.length === 1 ? 's' : ''} it`, gone.length > 0 && `${listed(gone)} no longer cite${gone.length === 1 ? 's' : ''} it`].filter(Boolean);
  throw new InvalidInputError('expectedCitedBy', `what cites source "${id}" changed since you were shown it: ${parts.join('; ')}; review what the delete removes and confirm again`);
}

/** An entity without the date citations of `source`: the date stays (and its note), its source and locator go. */
function withoutDateCitations(entity: EntityRecord, dates: readonly DateField[]): EntityRecord {
  const attributes: Record<string, AttributeValue> = {};
  const dropped = new Set(dates.flatMap((field) => [dateSourceAttribute(field), dateLocatorAttribute(field)]));
  for (const [name, value] of Object.entries(entity.attributes ?? {})) {
    if (!dropped.has(name)) Object.defineProperty(attributes, name, { value, enumerable: true, writable: true, configurable: true });
  }
  const { attributes: _previous, ...rest } = entity;
  return Object.keys(attributes).length > 0 ? { ...rest, attributes } : rest;
}

/**
 * Deletes a source. While evidence or an entity's date cites it, refused unless `cascade`, which removes every piece
 * of evidence citing it and the date citations (`start_source`/`start_locator`, `end_…`) naming it, keeping the
 * dates. Refused even then where a relationship would be left without evidence: those need other evidence first, or
 * deleting. `expected`: the entities and relationships the caller was shown citing it; refused when that changed.
 */
export function deleteSource(id: string, version: number | null | undefined, cascade: boolean, expected?: readonly string[] | null): Planner<DeleteSourceResult> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    requireSource(draft, id);
    expectVersion(graph, 'source', id, version);
    const cites = citing(graph, id);
    const citedBy = [...cites.relationships.map((each) => each.id), ...cites.entities.map((each) => each.id)].sort();
    if (expected) checkExpected(id, citedBy, expected);
    const checks = new InputChecks();
    if (citedBy.length > 0 && !cascade) {
      const parts = [
        cites.relationships.length > 0 && `evidence of ${cites.relationships.length} relationship${cites.relationships.length === 1 ? '' : 's'} (${listed(cites.relationships.map((each) => each.id))})`,
        cites.entities.length > 0 && `the dates of ${cites.entities.length} entit${cites.entities.length === 1 ? 'y' : 'ies'} (${listed(cites.entities.map((each) => each.id))})`,
      ].filter(Boolean);
      checks.report({
        code: 'SOURCE_CITED',
        record: id,
        message: `source "${id}" is cited by ${parts.join(' and by ')}`,
        hint: 'cite another source there first, or delete with cascade: true to remove the evidence and date citations that name it',
      });
    }
    const stranded = cites.relationships.filter((each) => each.only).map((each) => each.id);
    if (cascade && stranded.length > 0) {
      checks.report({
        code: 'ONLY_EVIDENCE',
        record: id,
        field: 'evidence',
        message: `source "${id}" is the only evidence of ${stranded.length} relationship${stranded.length === 1 ? '' : 's'} (${listed(stranded)}), which would be left without evidence`,
        hint: 'add other evidence to them, or delete them, before deleting the source',
      });
    }
    checks.throwIfAny();
    let removedEvidence = 0;
    for (const { id: relationship, pieces } of cites.relationships) {
      const record = draft.relationship(relationship)!;
      draft.put('relationship', { ...record, evidence: record.evidence.filter((evidence) => evidence.source !== id) });
      removedEvidence += pieces;
    }
    for (const { id: entity, dates } of cites.entities) draft.put('entity', withoutDateCitations(draft.entity(entity)!, dates));
    draft.remove('source', id);
    return planOf(draft.changes(), () => ({
      id,
      updatedRelationships: cites.relationships.map((each) => each.id),
      updatedEntities: cites.entities.map((each) => each.id),
      removedEvidence,
    }));
  };
}
