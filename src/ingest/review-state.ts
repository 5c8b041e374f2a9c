import type { Mention, NewEntityProposal, Proposal, ProposalEnd, ReportReading } from './ingest-types';

/** Who decided, and when. */
export interface Decided {
  readonly by: string;
  readonly at: string;
}

export type ProposalDecisionStatus = 'ACCEPTED' | 'REJECTED';

export interface ProposalDecision extends Decided {
  readonly status: ProposalDecisionStatus;
  /** The relationship created, or the one the evidence was added to. */
  readonly relationship?: string;
  readonly reason?: string;
}

/** The analysts' decisions on a draft: proposals accepted or rejected, new entities created, mentions linked. */
export interface Decisions {
  readonly proposals: Readonly<Record<string, ProposalDecision>>;
  /** New entity proposal id → the entity created for it. */
  readonly entities: Readonly<Record<string, Decided & { readonly entity: string }>>;
  /** Mention id → the entity an analyst linked it to. */
  readonly links: Readonly<Record<string, Decided & { readonly entity: string }>>;
}

export const NO_DECISIONS: Decisions = { proposals: {}, entities: {}, links: {} };

/** A stored draft as an analyst reviews it: the reading with every decision applied. */
export interface ReviewedDraft {
  readonly id: string;
  readonly createdAt: string;
  readonly createdBy: string;
  /** The id the article's source record has (or will have once something is accepted). */
  readonly sourceId: string;
  readonly reading: ReportReading;
  readonly decisions: Decisions;
  readonly version: number;
}

/** The entity a mention stands for once decisions are applied: linked by an analyst, created from it, or as read. */
export function mentionEntity(draft: { reading: ReportReading; decisions: Decisions }, mention: Mention): string | null {
  const linked = draft.decisions.links[mention.id];
  if (linked) return linked.entity;
  if (mention.entity) return mention.entity;
  const created = draft.reading.newEntities.find((proposal) => proposal.mentions.includes(mention.id));
  return created ? (draft.decisions.entities[created.id]?.entity ?? null) : null;
}

/** A proposal's end with the decisions applied. */
export function resolvedEnd(draft: { reading: ReportReading; decisions: Decisions }, end: ProposalEnd): ProposalEnd {
  if (!end.mention) return end;
  const mention = draft.reading.mentions.find((candidate) => candidate.id === end.mention);
  const entity = mention ? mentionEntity(draft, mention) : end.entity;
  return entity === end.entity ? end : { ...end, entity };
}

export function findProposal(reading: ReportReading, id: string): Proposal | undefined {
  return reading.proposals.find((proposal) => proposal.id === id);
}

export function findNewEntity(reading: ReportReading, id: string): NewEntityProposal | undefined {
  return reading.newEntities.find((proposal) => proposal.id === id);
}

/** A draft as the API and the client show it: links and decisions applied, names of linked entities given. */
export function presentDraft(draft: ReviewedDraft, nameOf: (entity: string) => string | null) {
  const candidates = (list: Mention['candidates']) => list.map((candidate) => ({ ...candidate, name: nameOf(candidate.entity) }));
  return {
    id: draft.id,
    createdAt: draft.createdAt,
    createdBy: draft.createdBy,
    sourceId: draft.sourceId,
    version: draft.version,
    source: draft.reading.source,
    paragraphs: draft.reading.paragraphs,
    notes: draft.reading.notes,
    mentions: draft.reading.mentions.map((mention) => {
      const entity = mentionEntity(draft, mention);
      return { ...mention, entity, entityName: entity ? nameOf(entity) : null, linkedBy: draft.decisions.links[mention.id]?.by ?? null, candidates: candidates(mention.candidates) };
    }),
    newEntities: draft.reading.newEntities.map((proposal) => ({ ...proposal, created: draft.decisions.entities[proposal.id]?.entity ?? null })),
    proposals: draft.reading.proposals.map((proposal) => {
      const end = (side: ProposalEnd) => {
        const resolved = resolvedEnd(draft, side);
        return { ...resolved, name: resolved.entity && resolved.entity !== side.entity ? (nameOf(resolved.entity) ?? resolved.name) : resolved.name };
      };
      // Drafts stored before ends were resolved from pronouns carry no resolutions.
      return { ...proposal, resolutions: proposal.resolutions ?? [], source: end(proposal.source), target: end(proposal.target), decision: draft.decisions.proposals[proposal.id] ?? null };
    }),
  };
}

export type PresentedDraft = ReturnType<typeof presentDraft>;
