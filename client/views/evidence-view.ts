import { formatDates } from '../mapping';
import { MARKS, UNDATED_TEXT, typeLabel } from '../style';
import type { ApiEvidence, ApiRelationship } from '../types';
import { h } from './dom';

/** One relationship's facts: dates, confidence, disputed flag. */
export function relationshipFacts(relationship: ApiRelationship): HTMLElement {
  const dates = formatDates(relationship.start, relationship.end, relationship.temporality);
  return h(
    'p',
    { className: 'facts' },
    dates ? h('span', { className: 'fact' }, dates) : h('span', { className: 'fact fact-undated', title: MARKS.undated.description }, UNDATED_TEXT),
    relationship.confidence !== null ? h('span', { className: 'fact' }, `confidence ${Math.round(relationship.confidence * 100)}%`) : null,
    relationship.disputed ? h('span', { className: 'badge badge-disputed', title: 'The claim contradicts well-established fact; the evidence says why.' }, '⚠ disputed') : null,
  );
}

function evidenceItem(evidence: ApiEvidence): HTMLElement {
  const source = evidence.source;
  const title = source.url ? h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, source.title) : h('span', {}, source.title);
  const meta = [source.publisher, source.published, evidence.locator].filter((part): part is string => Boolean(part));
  return h(
    'li',
    { className: `evidence stance-${evidence.stance.toLowerCase()}` },
    h('span', { className: `badge badge-${evidence.stance.toLowerCase()}` }, evidence.stance),
    ' ',
    h('cite', { className: 'evidence-title' }, title),
    meta.length > 0 ? h('span', { className: 'evidence-meta' }, ` — ${meta.join(' · ')}`) : null,
    evidence.note ? h('p', { className: 'evidence-note' }, evidence.note) : null,
  );
}

/** The evidence of a relationship: each source with its date, place in the source, note and stance. */
export function evidenceList(relationship: ApiRelationship): HTMLElement {
  if (relationship.evidence.length === 0) return h('p', { className: 'muted' }, 'No evidence recorded.');
  return h('ul', { className: 'evidence-list', 'aria-label': `Evidence for ${typeLabel(relationship.type)}` }, ...relationship.evidence.map(evidenceItem));
}
