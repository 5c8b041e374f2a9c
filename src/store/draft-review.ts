import { createHash } from 'node:crypto';
import { findNewEntity, findProposal, readReport, resolvedEnd, type Decisions, type ReportInput, type ReportSource, type ReviewedDraft } from '../ingest';
import type { KnowledgeGraph } from '../load';
import { InvalidInputError, isSafeId, NotFoundError, type EntityRecord, type RelationshipRecord } from '../model';
import { authorize, type Actor } from './access';
import { Draft } from './draft';
import { readDraft, saveDraft, updateDecisions } from './draft-store';
import type { GraphEditor } from './graph-editor';
import type { Planner } from './plan';
import { stageEntity } from './plans/entity-plans';
import { stageEvidence, stageRelationship } from './plans/relationship-plans';
import { stageSource } from './plans/source-plans';
import type { Sql } from './sql';

/** What an analyst may change when accepting a proposal. Absent fields keep the proposal's; null clears a date. */
export interface ProposalEdit {
  readonly type?: string | null;
  readonly source?: string | null;
  readonly target?: string | null;
  readonly start?: string | null;
  readonly end?: string | null;
  readonly confidence?: number | null;
  readonly disputed?: boolean | null;
  /** The evidence note, in the analyst's own words (never the article's). */
  readonly note?: string | null;
}

export interface EntityEdit {
  readonly id?: string | null;
  readonly name?: string | null;
  readonly kind?: string | null;
  readonly description?: string | null;
}

export interface AcceptResult {
  readonly draft: ReviewedDraft;
  readonly relationship: RelationshipRecord | null;
}

export interface AcceptEntityResult {
  readonly draft: ReviewedDraft;
  readonly entity: EntityRecord;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** The source record an article gets: one already in the graph with its url (or title and day), else a new id. */
export function sourceIdFor(graph: KnowledgeGraph, source: ReportSource): string {
  for (const [id, known] of graph.getAttribute('sources')) {
    if ((source.url && known.url === source.url) || (known.title === source.title && known.published === source.published)) return id;
  }
  const hash = createHash('sha256').update(`${source.title}\n${source.url ?? ''}`).digest('hex').slice(0, 6);
  const id = [slug(source.publisher ?? '') || 'report', source.published, hash].join('-');
  return isSafeId(id) ? id : `report-${source.published}-${hash}`;
}

/** Reads an article against the graph and keeps what it proposes as a draft (editor role). */
export async function ingestReport(editor: GraphEditor, actor: Actor | null | undefined, input: ReportInput): Promise<ReviewedDraft> {
  const who = authorize(actor, 'editor', 'ingestReport');
  const reading = readReport(editor.graph, input);
  return saveDraft(editor.store, reading, sourceIdFor(editor.graph, reading.source), who.name);
}

/** A proposal may be accepted only while it is pending: checked when the plan is made and again where it commits. */
function assertPending(draft: ReviewedDraft, proposalId: string): void {
  const decided = draft.decisions.proposals[proposalId];
  if (decided) throw new InvalidInputError('proposal', `${proposalId} is no longer pending: it was ${decided.status.toLowerCase()} by ${decided.by} at ${decided.at}${decided.status === 'REJECTED' ? '; nothing was accepted' : ''}`);
}

function assertEntityPending(draft: ReviewedDraft, proposalId: string): void {
  const done = draft.decisions.entities[proposalId];
  if (done) throw new InvalidInputError('entity', `${proposalId} was already created as "${done.entity}" by ${done.by}`);
}

function decide(draft: ReviewedDraft, change: (decisions: Decisions, at: string) => Decisions): Decisions {
  return change(draft.decisions, new Date().toISOString());
}

function freeId(draft: Draft, base: string): string {
  let id = base.slice(0, 120);
  for (let suffix = 2; draft.graphIdTaken(id); suffix++) id = `${base.slice(0, 115)}-${suffix}`;
  return id;
}

/** The source record, added to the graph by the first accepted proposal of the article. */
function stageArticleSource(draft: Draft, reviewed: ReviewedDraft): void {
  if (draft.source(reviewed.sourceId)) return;
  const { source } = reviewed.reading;
  stageSource(draft, { id: reviewed.sourceId, title: source.title, published: source.published, ...(source.publisher ? { publisher: source.publisher } : {}), ...(source.url ? { url: source.url } : {}) });
}

/**
 * Accepts a proposal (with the analyst's edits): the article's source is created once, then the relationship, or the
 * evidence added to the known relationship it repeats; validated by the same steps as createRelationship and
 * addEvidence, committed with the draft's decision in one transaction, recorded in the history under the token's name.
 */
export function acceptProposal(draftId: string, proposalId: string, edit: ProposalEdit = {}): Planner<AcceptResult> {
  return async ({ graph, sql, actor }) => {
    const reviewed = await readDraft(sql, draftId, { lock: true });
    const proposal = findProposal(reviewed.reading, proposalId);
    if (!proposal) throw new NotFoundError('proposal', proposalId);
    assertPending(reviewed, proposalId);
    const source = edit.source ?? resolvedEnd(reviewed, proposal.source).entity;
    const target = edit.target ?? resolvedEnd(reviewed, proposal.target).entity;
    for (const [end, entity, name] of [['source', source, proposal.source.name], ['target', target, proposal.target.name]] as const) {
      if (!entity) throw new InvalidInputError(`edit.${end}`, `the ${end} "${name}" of ${proposalId} is no known entity yet: accept it as a new entity (acceptEntity), link its mention (linkMention), or give edit.${end}`);
    }
    const draft = new Draft(graph);
    stageArticleSource(draft, reviewed);
    const evidence = {
      source: reviewed.sourceId,
      locator: proposal.evidence.locator,
      note: edit.note ?? `Read from the article by the "${proposal.cue}" cue and accepted by ${actor}.`,
    };
    const type = edit.type ?? proposal.type;
    const unchanged = type === proposal.type && source === proposal.source.entity && target === proposal.target.entity;
    let record: RelationshipRecord | null;
    const known = unchanged && proposal.existing ? draft.relationship(proposal.existing) : null;
    if (known) {
      const cited = known.evidence.some((item) => item.source === evidence.source && item.locator === evidence.locator);
      record = cited ? known : stageEvidence(draft, known.id, evidence);
    } else {
      const start = edit.start === undefined ? proposal.start : edit.start;
      const end = edit.end === undefined ? proposal.end : edit.end;
      const confidence = edit.confidence ?? proposal.confidence;
      record = stageRelationship(draft, {
        id: freeId(draft, `${source}-${slug(type)}-${target}`),
        type,
        source,
        target,
        ...(start ? { start } : {}),
        ...(end ? { end } : {}),
        confidence,
        ...(edit.disputed ? { disputed: true } : {}),
        evidence: [evidence],
      });
    }
    return {
      changes: draft.changes(),
      finish: async (transaction: Sql) => {
        // Decided by someone else since it was read (a rejection does not wait for the graph's write lock): refused,
        // and the relationship written above goes with the rolled-back transaction.
        const updated = await updateDecisions(transaction, draftId, (current) => {
          assertPending(current, proposalId);
          return decide(current, (decisions, at) => ({ ...decisions, proposals: { ...decisions.proposals, [proposalId]: { status: 'ACCEPTED', by: actor, at, relationship: record!.id } } }));
        });
        return { draft: updated, relationship: record };
      },
    };
  };
}

/** Creates the entity a draft proposes (with the analyst's edits), through the same step as createEntity. */
export function acceptEntity(draftId: string, proposalId: string, edit: EntityEdit = {}): Planner<AcceptEntityResult> {
  return async ({ graph, sql, actor }) => {
    const reviewed = await readDraft(sql, draftId, { lock: true });
    const proposal = findNewEntity(reviewed.reading, proposalId);
    if (!proposal) throw new NotFoundError('new entity', proposalId);
    assertEntityPending(reviewed, proposalId);
    const draft = new Draft(graph);
    const record = stageEntity(draft, {
      id: edit.id ?? proposal.id,
      kind: edit.kind ?? proposal.kind,
      name: edit.name ?? proposal.name,
      aliases: [],
      ...(edit.description ? { description: edit.description } : {}),
    });
    return {
      changes: draft.changes(),
      finish: async (transaction: Sql) => {
        const updated = await updateDecisions(transaction, draftId, (current) => {
          assertEntityPending(current, proposalId);
          return decide(current, (decisions, at) => ({ ...decisions, entities: { ...decisions.entities, [proposalId]: { entity: record.id, by: actor, at } } }));
        });
        return { draft: updated, entity: record };
      },
    };
  };
}

/** Links a mention to a known entity (or, with null, undoes the link). Only the draft changes. */
export async function linkMention(editor: GraphEditor, actor: Actor | null | undefined, draftId: string, mentionId: string, entity: string | null): Promise<ReviewedDraft> {
  const who = authorize(actor, 'editor', 'linkMention');
  if (entity !== null && !editor.graph.hasNode(entity)) throw new NotFoundError('entity', entity);
  return editor.store.driver.transaction((sql) =>
    updateDecisions(sql, draftId, (current) => {
      if (!current.reading.mentions.some((mention) => mention.id === mentionId)) throw new NotFoundError('mention', mentionId);
      return decide(current, (decisions, at) => {
        const links = { ...decisions.links };
        if (entity === null) delete links[mentionId];
        else links[mentionId] = { entity, by: who.name, at };
        return { ...decisions, links };
      });
    }),
  );
}

/** Rejects a proposal, with the analyst's reason. Only the draft changes. */
export async function rejectProposal(editor: GraphEditor, actor: Actor | null | undefined, draftId: string, proposalId: string, reason: string | null): Promise<ReviewedDraft> {
  const who = authorize(actor, 'editor', 'rejectProposal');
  if (reason != null && reason.length > 1000) throw new InvalidInputError('reason', 'must be at most 1000 characters');
  return editor.store.driver.transaction((sql) =>
    updateDecisions(sql, draftId, (current) => {
      if (!findProposal(current.reading, proposalId)) throw new NotFoundError('proposal', proposalId);
      const decided = current.decisions.proposals[proposalId];
      if (decided?.status === 'ACCEPTED') throw new InvalidInputError('proposal', `${proposalId} was already accepted by ${decided.by}: delete the relationship ${decided.relationship} instead`);
      return decide(current, (decisions, at) => ({ ...decisions, proposals: { ...decisions.proposals, [proposalId]: { status: 'REJECTED', by: who.name, at, ...(reason ? { reason } : {}) } } }));
    }),
  );
}
