import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { presentDraft, type PresentedDraft, type ReviewedDraft } from '../ingest';
import { acceptEntity, acceptProposal, ingestReport, linkMention, listDrafts, readDraft, rejectProposal, type DraftSummary } from '../store';
import type { AuthContext } from './auth-context';
import { fieldsOf } from './entity.input';
import { GraphService } from './graph-service';
import { EntityEditInput, IngestReportInput, ProposalEditInput } from './ingest.input';
import { AcceptEntityResultView, AcceptProposalResultView, DraftSummaryView, ReportDraftView } from './ingest.types';
import { editorOf } from './mutation.resolver';

/** Reading new reporting: an article in, proposed facts with evidence out, reviewed by an analyst. */
@Resolver()
export class IngestResolver {
  constructor(private readonly service: GraphService) {}

  private present(draft: ReviewedDraft): PresentedDraft {
    const { graph } = this.service;
    return presentDraft(draft, (id) => (graph.hasNode(id) ? graph.getNodeAttributes(id).record.name : null));
  }

  @Mutation(() => ReportDraftView, { description: 'Reads an article against the graph and keeps what it proposes as a draft (editor role). Nothing enters the graph.' })
  async ingestReport(@Arg('input', () => IngestReportInput) input: IngestReportInput, @Ctx() context: AuthContext): Promise<PresentedDraft> {
    return this.present(await ingestReport(editorOf(this.service), context.actor, { text: input.text, source: fieldsOf(input.source) }));
  }

  @Query(() => [DraftSummaryView], { description: 'Drafts of ingested articles, newest first.' })
  drafts(@Arg('limit', () => Int, { defaultValue: 50, description: '1..200' }) limit: number): Promise<DraftSummary[]> {
    return listDrafts(editorOf(this.service).store, limit);
  }

  @Query(() => ReportDraftView, { description: 'One draft, with the decisions taken on it.' })
  async draft(@Arg('id', () => ID) id: string): Promise<PresentedDraft> {
    return this.present(await readDraft(editorOf(this.service).store, id));
  }

  @Mutation(() => AcceptProposalResultView, { description: 'Accepts a proposal (edit fixes type, ends or dates): creates the source once, then the relationship or the evidence of the one it repeats; recorded in the history.' })
  async acceptProposal(
    @Arg('draft', () => ID) draft: string,
    @Arg('proposal', () => ID) proposal: string,
    @Arg('edit', () => ProposalEditInput, { nullable: true }) edit: ProposalEditInput | null,
    @Ctx() context: AuthContext,
  ): Promise<{ draft: PresentedDraft; relationship: object | null }> {
    const result = await editorOf(this.service).commit(context.actor, 'editor', 'acceptProposal', acceptProposal(draft, proposal, edit ? fieldsOf(edit) : {}));
    return { draft: this.present(result.draft), relationship: result.relationship };
  }

  @Mutation(() => ReportDraftView, { description: 'Rejects a proposal, with a reason.' })
  async rejectProposal(
    @Arg('draft', () => ID) draft: string,
    @Arg('proposal', () => ID) proposal: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() context: AuthContext,
  ): Promise<PresentedDraft> {
    return this.present(await rejectProposal(editorOf(this.service), context.actor, draft, proposal, reason ?? null));
  }

  @Mutation(() => AcceptEntityResultView, { description: 'Creates an entity the draft proposes (edit fixes its id, name or kind); its mentions link to it.' })
  async acceptEntity(
    @Arg('draft', () => ID) draft: string,
    @Arg('entity', () => ID, { description: 'The id of the new entity proposal.' }) entity: string,
    @Arg('edit', () => EntityEditInput, { nullable: true }) edit: EntityEditInput | null,
    @Ctx() context: AuthContext,
  ): Promise<{ draft: PresentedDraft; entity: object }> {
    const result = await editorOf(this.service).commit(context.actor, 'editor', 'acceptEntity', acceptEntity(draft, entity, edit ? fieldsOf(edit) : {}));
    return { draft: this.present(result.draft), entity: result.entity };
  }

  @Mutation(() => ReportDraftView, { description: 'Links a mention to a known entity (null undoes the link); proposals using it follow.' })
  async linkMention(
    @Arg('draft', () => ID) draft: string,
    @Arg('mention', () => ID) mention: string,
    @Arg('entity', () => ID, { nullable: true }) entity: string | null,
    @Ctx() context: AuthContext,
  ): Promise<PresentedDraft> {
    return this.present(await linkMention(editorOf(this.service), context.actor, draft, mention, entity ?? null));
  }
}
