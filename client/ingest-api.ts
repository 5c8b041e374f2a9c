import type { Api } from './api';

/** The review API's shapes, as the client reads them (see ReportDraft in schema/schema.graphql). */
export interface ReviewEnd {
  readonly entity: string | null;
  readonly name: string;
  readonly kind: string | null;
  readonly mention: string | null;
}

export interface ReviewProposal {
  readonly id: string;
  readonly type: string;
  readonly source: ReviewEnd;
  readonly target: ReviewEnd;
  readonly start: string | null;
  readonly end: string | null;
  readonly confidence: number;
  readonly cue: string;
  readonly hedges: readonly string[];
  /** How an end the sentence does not name was resolved ("they" → …): shown so the analyst can check it. */
  readonly resolutions: readonly string[];
  readonly status: 'NEW' | 'ADDS_EVIDENCE' | 'CONFLICT';
  readonly existing: string | null;
  readonly evidence: { readonly paragraph: number; readonly locator: string; readonly quote: string };
  readonly conflictDetails: readonly { readonly relationship: string; readonly reason: string; readonly known: readonly { source: string; locator: string | null; note: string | null }[] }[];
  readonly decision: { readonly status: 'ACCEPTED' | 'REJECTED'; readonly by: string; readonly relationship: string | null; readonly reason: string | null } | null;
}

export interface ReviewMention {
  readonly id: string;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly entity: string | null;
  readonly entityName: string | null;
  readonly match: string;
  readonly kind: string | null;
  readonly flags: readonly string[];
  readonly reasons: readonly string[];
  readonly candidates: readonly { readonly entity: string; readonly name: string | null; readonly score: number }[];
}

export interface ReviewNewEntity {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly flags: readonly string[];
  readonly reasons: readonly string[];
  readonly created: string | null;
}

export interface ReviewDraft {
  readonly id: string;
  readonly sourceId: string;
  readonly source: { readonly title: string; readonly published: string; readonly publisher: string | null; readonly url: string | null };
  readonly paragraphs: readonly string[];
  readonly notes: readonly string[];
  readonly mentions: readonly ReviewMention[];
  readonly newEntities: readonly ReviewNewEntity[];
  readonly proposals: readonly ReviewProposal[];
}

export interface ProposalEdit {
  readonly type?: string;
  readonly source?: string;
  readonly target?: string;
  readonly start?: string | null;
  readonly end?: string | null;
  readonly confidence?: number;
  readonly note?: string;
}

const DRAFT = `id sourceId source { title published publisher url } paragraphs notes
  mentions { id paragraph start end text entity entityName match kind flags reasons candidates { entity name score } }
  newEntities { id name kind flags reasons created }
  proposals { id type source { entity name kind mention } target { entity name kind mention } start end confidence cue hedges resolutions status existing
    evidence { paragraph locator quote } conflictDetails { relationship reason known { source locator note } } decision { status by relationship reason } }`;

/** The review calls: each needs a signed-in editor (the API client sends the session's token). */
export function ingestApi(api: Api) {
  return {
    ingest: async (text: string, source: { title: string; published: string; publisher?: string; url?: string }) =>
      (await api.request<{ ingestReport: ReviewDraft }>(`mutation($input: IngestReportInput!) { ingestReport(input: $input) { ${DRAFT} } }`, { input: { text, source } })).ingestReport,
    draft: async (id: string) => (await api.request<{ draft: ReviewDraft }>(`query($id: ID!) { draft(id: $id) { ${DRAFT} } }`, { id })).draft,
    accept: async (draft: string, proposal: string, edit: ProposalEdit | null) =>
      (await api.request<{ acceptProposal: { draft: ReviewDraft; relationship: { id: string } | null } }>(`mutation($draft: ID!, $proposal: ID!, $edit: ProposalEdit) { acceptProposal(draft: $draft, proposal: $proposal, edit: $edit) { draft { ${DRAFT} } relationship { id } } }`, { draft, proposal, edit })).acceptProposal,
    reject: async (draft: string, proposal: string) => (await api.request<{ rejectProposal: ReviewDraft }>(`mutation($draft: ID!, $proposal: ID!) { rejectProposal(draft: $draft, proposal: $proposal) { ${DRAFT} } }`, { draft, proposal })).rejectProposal,
    acceptEntity: async (draft: string, entity: string) =>
      (await api.request<{ acceptEntity: { draft: ReviewDraft; entity: { id: string } } }>(`mutation($draft: ID!, $entity: ID!) { acceptEntity(draft: $draft, entity: $entity) { draft { ${DRAFT} } entity { id } } }`, { draft, entity })).acceptEntity,
    link: async (draft: string, mention: string, entity: string | null) =>
      (await api.request<{ linkMention: ReviewDraft }>(`mutation($draft: ID!, $mention: ID!, $entity: ID) { linkMention(draft: $draft, mention: $mention, entity: $entity) { ${DRAFT} } }`, { draft, mention, entity })).linkMention,
  };
}

export type IngestApi = ReturnType<typeof ingestApi>;
