import type { KnowledgeGraph } from '../load';
import { overlaps, relationshipWindow, ruleFor, toInterval, type RelationType, type RelationshipRecord, type Window } from '../model';
import type { ProposalConflict, ProposalStatus } from './ingest-types';

export interface Stated {
  readonly type: RelationType;
  readonly source: string;
  readonly target: string;
  readonly start: string | null;
  readonly end: string | null;
  /** The stated date is near the linked event's own date but not within it. */
  readonly dateOff: boolean;
}

export interface Standing {
  readonly status: ProposalStatus;
  readonly existing: string | null;
  readonly conflicts: readonly ProposalConflict[];
}

/** Types where one target has one source: an event has its perpetrators, a person one killer. */
const ONE_SOURCE: ReadonlySet<RelationType> = new Set(['PERPETRATED', 'KILLED']);
/** Relations that make two actors one side: a faction's attack is its umbrella's too. */
const SAME_SIDE: ReadonlySet<RelationType> = new Set(['PART_OF', 'MEMBER_OF', 'FRONT_FOR', 'BACKS', 'LEADS', 'ALLIED_WITH', 'CONTROLS']);
/** Relations between actors that may recur at other dates: another date is another incident, not a contradiction. */
const RECURRING: ReadonlySet<RelationType> = new Set(['ATTACKED', 'THREATENED', 'KIDNAPPED', 'SUPPLIED']);

function records(graph: KnowledgeGraph, edges: readonly string[]): RelationshipRecord[] {
  return edges.map((edge) => graph.getEdgeAttributes(edge).record);
}

function conflict(record: RelationshipRecord, reason: string): ProposalConflict {
  return { relationship: record.id, reason, known: record.evidence.map((evidence) => ({ source: evidence.source, ...(evidence.locator ? { locator: evidence.locator } : {}), ...(evidence.note ? { note: evidence.note } : {}) })) };
}

/** When the stated relation holds: its dates, else the day of publication (reporting speaks of its present). */
function statedWindow(stated: Stated, published: string): Window {
  if (!stated.start && !stated.end) return toInterval(published);
  return { lo: stated.start ? toInterval(stated.start).lo : -Infinity, hi: stated.end ? toInterval(stated.end).hi : stated.start && ruleFor(stated.type).temporality === 'EVENT' ? toInterval(stated.start).hi : Infinity };
}

function datesAgree(record: RelationshipRecord, stated: Stated): boolean {
  if (!stated.start || !record.start) return true;
  const known = ruleFor(record.type).temporality === 'EVENT' ? toInterval(record.start) : relationshipWindow(record);
  return overlaps(known, toInterval(stated.start));
}

function sameSide(graph: KnowledgeGraph, a: string, b: string): boolean {
  return [...graph.edges(a, b), ...graph.edges(b, a)].some((edge) => SAME_SIDE.has(graph.getEdgeAttributes(edge).record.type));
}

/**
 * How a proposal whose ends are known stands against the graph:
 * - the same type between the same ends at an agreeing date is a repeat: ADDS_EVIDENCE to that relationship;
 * - the same type between the same ends at a date that disagrees is a CONFLICT, except for relations that recur
 *   (attacks, threats: another date is another incident);
 * - LEADS of a group that another person leads over the same time is a CONFLICT (two leaders);
 * - PERPETRATED or KILLED whose event or victim has another perpetrator or killer, not on the same side (no PART_OF,
 *   MEMBER_OF, FRONT_FOR, BACKS, LEADS, ALLIED_WITH or CONTROLS between them), is a CONFLICT (a different perpetrator);
 * - a link to a known event at a date near but outside the event's own date is a CONFLICT with the event's dated
 *   relationships (a different date for the same event).
 */
export function compareWithGraph(graph: KnowledgeGraph, stated: Stated, published: string): Standing {
  if (!graph.hasNode(stated.source) || !graph.hasNode(stated.target)) return { status: 'NEW', existing: null, conflicts: [] };
  const rule = ruleFor(stated.type);
  const between = records(graph, [...graph.edges(stated.source, stated.target), ...(rule.symmetric ? graph.edges(stated.target, stated.source) : [])]).filter((record) => record.type === stated.type);
  const agreeing = between.filter((record) => datesAgree(record, stated)).sort((a, b) => Number(a.disputed ?? false) - Number(b.disputed ?? false));
  const conflicts: ProposalConflict[] = [];
  if (stated.dateOff) {
    const event = [stated.source, stated.target].find((id) => graph.getNodeAttributes(id).record.kind === 'EVENT');
    if (event && stated.start) {
      for (const record of records(graph, graph.edges(event))) {
        if (record.start && !overlaps(toInterval(record.start), toInterval(stated.start))) conflicts.push(conflict(record, `a different date for the same event: the article says ${stated.start}, the graph ${record.start}`));
      }
    }
  }
  if (agreeing.length > 0 && conflicts.length === 0) return { status: 'ADDS_EVIDENCE', existing: agreeing[0].id, conflicts: [] };
  if (between.length > 0 && agreeing.length === 0 && !RECURRING.has(stated.type)) {
    for (const record of between) conflicts.push(conflict(record, `the same relationship at another date: the article says ${stated.start}, the graph ${record.start ?? 'no date'}${record.end ? `..${record.end}` : ''}`));
  }
  if (stated.type === 'LEADS') {
    const window = statedWindow(stated, published);
    for (const record of records(graph, graph.inEdges(stated.target))) {
      if (record.type === 'LEADS' && record.source !== stated.source && overlaps(relationshipWindow(record), window)) {
        conflicts.push(conflict(record, `a different leader of the same group at the same time: the graph has ${record.source} leading it`));
      }
    }
  }
  if (ONE_SOURCE.has(stated.type)) {
    for (const record of records(graph, graph.inEdges(stated.target))) {
      if (record.type === stated.type && record.source !== stated.source && !sameSide(graph, record.source, stated.source)) {
        conflicts.push(conflict(record, `a different ${stated.type === 'KILLED' ? 'killer' : 'perpetrator'}: the graph has ${record.source}, with no tie between the two`));
      }
    }
  }
  if (conflicts.length > 0) return { status: 'CONFLICT', existing: agreeing[0]?.id ?? null, conflicts };
  return { status: 'NEW', existing: null, conflicts: [] };
}
