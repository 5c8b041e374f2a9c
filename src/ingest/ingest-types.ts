import type { EntityKind, RelationType } from '../model';

/** The article an analyst gives: where it comes from. `published` anchors relative dates ("on Friday", "last month"). */
export interface ReportSource {
  readonly title: string;
  readonly published: string;
  readonly publisher?: string;
  readonly url?: string;
}

/** One blank-line separated block of the text (headings count), numbered from 1 like the ¶N locators. */
export interface ReportParagraph {
  readonly number: number;
  readonly text: string;
}

/** Why a name deserves a second look before anyone links or creates it. */
export type NameFlag = 'BIDI_CONTROL' | 'ZERO_WIDTH' | 'MIXED_SCRIPT' | 'POSSIBLE_IMITATION';

/** How a mention was tied to a known entity. */
export type MentionMatch =
  /** The whole name or an alias, folded as search folds (case, diacritics, apostrophes, "al-", possessives). */
  | 'NAME'
  /** The whole name or an alias up to transliteration (the consonant skeleton search uses). */
  | 'VARIANT'
  /** An adjective of a state's name ("Iranian", "Iraqi"). */
  | 'DEMONYM'
  /** A described entity (an event, a facility) recognised by its words, its place and its date. */
  | 'DESCRIPTION'
  /** A definite description ("the group", "the militias") standing for one entity named before. */
  | 'COREFERENCE'
  /** A plural pronoun ("they") standing for a plural actor of the same paragraph (see pronouns.ts): to check. */
  | 'PRONOUN'
  /** Not linked: a proper name proxygraph does not know (see `newEntity`) or a partial match (see `candidates`). */
  | 'NONE';

export interface MentionCandidate {
  readonly entity: string;
  /** 0..1: how much of the entity's name the mention covers, and how well. */
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface Mention {
  readonly id: string;
  /** The ¶ number (1-based) of the paragraph the mention is in. */
  readonly paragraph: number;
  /** UTF-16 offsets in the paragraph's text: `paragraphs[paragraph - 1].slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The known entity it is linked to, or null. */
  readonly entity: string | null;
  readonly match: MentionMatch;
  /** The kind of what it names (the linked entity's, or the guessed kind of a new one). */
  readonly kind: EntityKind | null;
  /** A proper name not in the graph: what could be created. */
  readonly newEntity: { readonly name: string; readonly kind: EntityKind } | null;
  /** Entities it may stand for but is not linked to (partial names, imitations), best first. */
  readonly candidates: readonly MentionCandidate[];
  readonly flags: readonly NameFlag[];
  /** Why it was linked, or why not. */
  readonly reasons: readonly string[];
}

/** An unknown proper name proposed as a new entity, with every mention of it. */
export interface NewEntityProposal {
  /** A slug proposed for the new entity (free in the graph when the draft was made). */
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly mentions: readonly string[];
  /** Why this kind was guessed. */
  readonly reasons: readonly string[];
  readonly flags: readonly NameFlag[];
  readonly evidence: Evidence;
}

/** Where in the article a proposal comes from: `quote` is an exact substring of the paragraph's text. */
export interface Evidence {
  readonly paragraph: number;
  readonly locator: string;
  readonly quote: string;
}

/** One end of a proposed relationship: a known entity, or a name still to be created or linked. */
export interface ProposalEnd {
  readonly entity: string | null;
  readonly name: string;
  readonly kind: EntityKind | null;
  /** The mention this end comes from. */
  readonly mention: string | null;
}

/** How a proposal stands against the graph. */
export type ProposalStatus = 'NEW' | 'ADDS_EVIDENCE' | 'CONFLICT';

/** A known relationship a proposal contradicts, with why and both evidences. */
export interface ProposalConflict {
  readonly relationship: string;
  readonly reason: string;
  /** The known relationship's evidence (source, locator, note). */
  readonly known: readonly { readonly source: string; readonly locator?: string; readonly note?: string }[];
}

export interface Proposal {
  readonly id: string;
  readonly type: RelationType;
  readonly source: ProposalEnd;
  readonly target: ProposalEnd;
  readonly start: string | null;
  readonly end: string | null;
  /** 0..1: the cue's strength, lowered by hedges ("likely", "reportedly"). */
  readonly confidence: number;
  readonly evidence: Evidence;
  /** The row of the cue table that matched, and its family. */
  readonly cue: string;
  readonly family: string;
  /** Hedging words found in the sentence. */
  readonly hedges: readonly string[];
  /**
   * How an end that the sentence does not name was resolved: a definite description ("the group" → …) or a pronoun
   * ("they" → …, which also lowers the confidence). Empty when both ends are named.
   */
  readonly resolutions: readonly string[];
  readonly status: ProposalStatus;
  /** With ADDS_EVIDENCE: the known relationship this repeats. */
  readonly existing: string | null;
  /** With CONFLICT: the ids of the known relationships it contradicts. */
  readonly conflicts: readonly string[];
  readonly conflictDetails: readonly ProposalConflict[];
}

/** What reading an article gives: nothing of it is in the graph until an analyst accepts it. */
export interface ReportReading {
  readonly source: ReportSource;
  readonly paragraphs: readonly string[];
  readonly mentions: readonly Mention[];
  readonly newEntities: readonly NewEntityProposal[];
  readonly proposals: readonly Proposal[];
  /** What was done to the text before reading it (HTML stripped, line ends normalised). */
  readonly notes: readonly string[];
}
