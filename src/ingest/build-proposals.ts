import { ruleFor, type EntityKind, type RelationType } from '../model';
import { tokenize } from '../queries/normalize-text';
import type { Cue } from './cue-table';
import { coordinate, matchCues, type CueMatch, type Item, type Slot } from './cue-matcher';
import type { Evidence, MentionMatch, Proposal, ProposalEnd } from './ingest-types';
import type { DateMention } from './report-dates';
import type { Word } from './sentences';

/** Words that hedge a claim: each proposal of the sentence loses confidence. */
const HEDGES = new Set(['likely', 'probably', 'possibly', 'reportedly', 'allegedly', 'apparently', 'purportedly', 'suspected', 'believed', 'may', 'might', 'could', 'appears', 'appeared', 'seems', 'seemed', 'reports', 'unconfirmed', 'generally', 'perhaps', 'presumably', 'claimed', 'according']);
const HEDGE_FACTOR = 0.7;
/** An end that is a pronoun proxygraph resolved is less certain than one the article names. */
const PRONOUN_FACTOR = 0.8;
/** Words that deny what the cue would state: the match is dropped. */
const NEGATIONS = new Set(['not', 'never', 'no', 'denied', 'denies', 'deny', 'didnt', 'nor', 'without']);
const EVENT_TYPES = new Set<RelationType>(['PERPETRATED', 'TARGETED', 'ATTACKED', 'KILLED', 'KIDNAPPED', 'THREATENED']);

/** A mention a proposal can use: its slot, and what it stands for. */
export interface SlotMention extends Slot {
  readonly mention: string;
  readonly entity: string | null;
  readonly name: string;
  readonly match: MentionMatch;
  readonly reasons: readonly string[];
  /** Set when the mention's kind was unknown and a cue's rule decided it. */
  inferredKind?: EntityKind;
  /** The mention as a proposal's end. */
  end(): ProposalEnd;
}

/** A proposal before it is compared with the graph: its ends still mentions, its date not yet checked against events. */
export type Draftee = Pick<Proposal, 'type' | 'start' | 'end' | 'confidence' | 'evidence' | 'cue' | 'family' | 'hedges' | 'resolutions'> & {
  readonly source: SlotMention;
  readonly target: SlotMention;
  /** The stated date was near a known event's date but not within it. */
  readonly dateOff: boolean;
};

export interface SentenceContext {
  readonly words: readonly Word[];
  readonly items: readonly Item[];
  readonly slots: readonly SlotMention[];
  /** Events the sentence reports, noun- or verb-headed (word index of the head; slot when it is one). */
  readonly events: readonly { readonly slot: SlotMention; readonly dateOff: boolean }[];
  readonly dates: readonly DateMention[];
  /** The date stated last before this sentence in the paragraph: the time the story is at. */
  readonly contextDate: string | null;
  readonly evidence: Evidence;
  /** The places a mention's own name puts it in ("US forces in Iraq and Syria"), by mention id. */
  readonly placesOf?: ReadonlyMap<string, readonly SlotMention[]>;
}

function kindFits(kind: EntityKind | null, allowed: readonly EntityKind[]): EntityKind | null {
  if (kind) return allowed.includes(kind) ? kind : null;
  return allowed.length === 1 ? allowed[0] : allowed.includes('ORGANIZATION') ? 'ORGANIZATION' : allowed.includes('LOCATION') ? 'LOCATION' : allowed[0];
}

/** The first type of the cue whose rule accepts both ends' kinds (an unknown kind takes one the rule allows). */
function fittingType(types: readonly RelationType[], source: SlotMention, target: SlotMention): { type: RelationType; sourceKind: EntityKind; targetKind: EntityKind } | null {
  const known = (slot: SlotMention) => slot.kind ?? slot.inferredKind ?? null;
  // A name of unknown kind takes its kind only from the last type tried: earlier ones must fit the kinds as known.
  for (const [position, type] of types.entries()) {
    if (position < types.length - 1 && (!known(source) || !known(target))) continue;
    const rule = ruleFor(type);
    const sourceKind = kindFits(source.kind ?? source.inferredKind ?? null, rule.sourceKinds);
    const targetKind = kindFits(target.kind ?? target.inferredKind ?? null, rule.targetKinds);
    if (sourceKind && targetKind) return { type, sourceKind, targetKind };
  }
  return null;
}

function sameThing(a: SlotMention, b: SlotMention): boolean {
  return a.mention === b.mention || (a.entity !== null && a.entity === b.entity);
}

/** The date of what a cue states: for events, the sentence's date nearest after the cue, else the story's date. */
function datesFor(type: RelationType, context: SentenceContext, match: CueMatch, aboutEvent: boolean): { start: string | null; end: string | null } {
  const wordOf = (date: DateMention) => context.words.findIndex((word) => word.start >= date.start);
  if (EVENT_TYPES.has(type) || aboutEvent) {
    const cueWord = context.items[match.first]?.word ?? 0;
    const ordered = [...context.dates].sort((a, b) => Math.abs(wordOf(a) - cueWord) - Math.abs(wordOf(b) - cueWord));
    return { start: ordered[0]?.value ?? context.contextDate, end: null };
  }
  let start: string | null = null;
  let end: string | null = null;
  for (const date of context.dates) {
    const before = context.words[wordOf(date) - 1];
    const word = before ? tokenize(before.text)[0] : '';
    if (word === 'since' || word === 'from') start = date.value;
    if (word === 'until' || word === 'till') end = date.value;
    if (/^(since|from) /i.test(date.text)) start = date.value;
  }
  return { start, end };
}

function hedgesOf(words: readonly Word[]): string[] {
  return [...new Set(words.map((word) => tokenize(word.text)[0]).filter((word): word is string => word !== undefined && HEDGES.has(word)))];
}

function negated(items: readonly Item[], match: CueMatch): boolean {
  return items.slice(match.first, match.last + 1).some((item) => NEGATIONS.has(item.token));
}

/**
 * The proposals of one sentence: every cue that matches, for every coordinated mention it binds, when the relation
 * rules accept the kinds; the event a sentence reports gets its actor, victim and place.
 */
export function proposeForSentence(context: SentenceContext, within: readonly { readonly items: readonly Item[]; readonly self: SlotMention; readonly slots: readonly SlotMention[] }[]): Draftee[] {
  const proposals: Draftee[] = [];
  const hedges = hedgesOf(context.words);
  const factor = hedges.length > 0 ? HEDGE_FACTOR : 1;
  const groups = coordinate(context.items, context.slots);
  const add = (cue: Cue, match: CueMatch, source: SlotMention, target: SlotMention, confidence: number, types: readonly RelationType[]) => {
    if (sameThing(source, target)) return;
    const fitting = fittingType(types, source, target);
    if (!fitting) return;
    if (!source.kind) source.inferredKind = fitting.sourceKind;
    if (!target.kind) target.inferredKind = fitting.targetKind;
    const dates = datesFor(fitting.type, context, match, fitting.sourceKind === 'EVENT' || fitting.targetKind === 'EVENT');
    const event = context.events.find((candidate) => candidate.slot === source || candidate.slot === target);
    const resolved = [source, target].filter((end) => end.match === 'PRONOUN' || end.match === 'COREFERENCE');
    const pronoun = resolved.some((end) => end.match === 'PRONOUN') ? PRONOUN_FACTOR : 1;
    const resolutions = [...new Set(resolved.map((end) => end.reasons[0]).filter((reason): reason is string => reason !== undefined))];
    proposals.push({ type: fitting.type, source, target, ...dates, confidence: Math.round(confidence * factor * pronoun * 100) / 100, evidence: context.evidence, cue: cue.id, family: cue.family, hedges, resolutions, dateOff: event?.dateOff ?? false });
  };
  const members = (slots: readonly SlotMention[], index: number | undefined, cue: Cue, match_: CueMatch) => {
    if (index === undefined) return [];
    const group = groups.get(index);
    // "between Israel and Hezbollah": both ends are of one list; each end is its own member.
    const alone = !group || (group.titled && (cue.family === 'title' || cue.family === 'appositive')) || (cue.both === true && [cue.source, cue.target].every((name) => group.members.includes(match_.bound.get(name) ?? -1)));
    return (alone ? [index] : group.members).map((member) => slots[member]);
  };
  for (const match of preferSpecific(matchCues(context.items, 'sentence'))) {
    if (negated(context.items, match) || objectOfPreposition(context.items, match) || titleModifier(context.items, match)) continue;
    const { cue } = match;
    const types = typeof cue.type === 'string' ? [cue.type] : cue.type;
    if (qualifiedPlace(context.items, match, types)) continue;
    const eventOf = () => nearestEvent(context, match);
    const sources = cue.source === 'EVENT' ? eventOf() : members(context.slots, match.bound.get(cue.source), cue, match);
    const targets = cue.target === 'EVENT' ? eventOf() : members(context.slots, match.bound.get(cue.target), cue, match);
    for (const source of sources) {
      for (const target of targets) {
        add(cue, match, source, target, cue.confidence, types);
        if (cue.both) add(cue, match, target, source, cue.confidence, types);
        if (cue.event) addEventFrame(context, cue, match, source, target, add);
      }
    }
  }
  for (const name of within) {
    for (const match of matchCues(name.items, 'name')) {
      const { cue } = match;
      const types = typeof cue.type === 'string' ? [cue.type] : cue.type;
      if (cue.selfKinds && !cue.selfKinds.includes(name.self.kind ?? 'ORGANIZATION')) continue;
      const pick = (slotName: string) => (slotName === 'SELF' ? [name.self] : [name.slots[match.bound.get(slotName) ?? -1]].filter(Boolean));
      for (const source of pick(cue.source)) for (const target of pick(cue.target)) add(cue, match, source, target, cue.confidence, types);
    }
  }
  return proposals;
}

const PREPOSITIONS = new Set(['in', 'at', 'on', 'of', 'from', 'to', 'near', 'by', 'with', 'against', 'into', 'for', 'toward', 'towards', 'under', 'over', 'between']);

/** A cue that opens with its agent cannot take it from a prepositional phrase ("in Iraq in opposition to Saddam"). */
const AGENT_FAMILIES = new Set(['attack', 'killing', 'kidnapping', 'threat', 'opposition', 'control']);

function objectOfPreposition(items: readonly Item[], match: CueMatch): boolean {
  if (!match.cue.pattern.startsWith('{') || !(AGENT_FAMILIES.has(match.cue.family) || match.cue.subject) || match.cue.nominal) return false;
  const before = items[match.first - 1];
  return before !== undefined && PREPOSITIONS.has(before.token);
}

const TITLES = new Set(['head', 'leader', 'commander', 'chief', 'founder', 'boss', 'spokesman', 'official', 'officials', 'member', 'members']);

/** A mention right before a title ("Quds Force head Soleimani") qualifies the title: only title cues may take it. */
function titleModifier(items: readonly Item[], match: CueMatch): boolean {
  for (const [name, slot] of match.bound) {
    const position = items.findIndex((item) => item.slot === slot);
    if (position < match.first) continue;
    if (match.cue.family !== 'title' && TITLES.has(items[position + 1]?.token ?? '')) return true;
    // "Iran-backed group": a mention before a hyphen qualifies the next word, unless the cue reads that compound.
    if (items[position + 1]?.token === '-' && !new RegExp(`\\{${name}(:[A-Z]+)?\\} -`).test(match.cue.pattern)) return true;
  }
  return false;
}

/** A name right before a noun qualifies it ("the US facility"): it is no place where something is. */
function qualifiesNoun(items: readonly Item[], position: number): boolean {
  const next = items[position + 1];
  return next !== undefined && next.slot === undefined && next.noun;
}

/** A place slot after "in", "at" or "near" that only qualifies the next noun ("at the US facility"): no place. */
function qualifiedPlace(items: readonly Item[], match: CueMatch, types: readonly RelationType[]): boolean {
  if (!types.includes('LOCATED_AT')) return false;
  const slot = match.bound.get(match.cue.target);
  const position = items.findIndex((item) => item.slot === slot);
  return slot !== undefined && position > 0 && ['in', 'at', 'near'].includes(items[position - 1].token) && qualifiesNoun(items, position);
}

/** Of two matches of one family from the same first item, the longer is the more specific reading. */
function preferSpecific(matches: readonly CueMatch[]): CueMatch[] {
  return matches.filter((match) => !matches.some((other) => other !== match && other.cue.family === match.cue.family && other.first === match.first && other.last > match.last && other.bound.get(other.cue.source) === match.bound.get(match.cue.source)));
}

type Add = (cue: Cue, match: CueMatch, source: SlotMention, target: SlotMention, confidence: number, types: readonly RelationType[]) => void;

/** The event mention of the sentence nearest the cue (none: the sentence reports no event proxygraph could see). */
function nearestEvent(context: SentenceContext, match: CueMatch): SlotMention[] {
  const first = context.items[match.first]?.word ?? 0;
  const last = context.items[match.last]?.word ?? first;
  const distance = (slot: SlotMention) => (slot.last < first ? first - slot.last : slot.first > last ? slot.first - last : 0);
  const event = [...context.events].sort((a, b) => distance(a.slot) - distance(b.slot))[0]?.slot;
  return event ? [event] : [];
}

/** An attack, killing or kidnapping the sentence reports: who perpetrated it, whom it targeted or killed, where. */
function addEventFrame(context: SentenceContext, cue: Cue, match: CueMatch, actor: SlotMention, victim: SlotMention, add: Add): void {
  const event = nearestEvent(context, match)[0];
  if (!event || sameThing(event, actor) || sameThing(event, victim)) return;
  const confidence = cue.confidence * 0.9;
  add(cue, match, actor, event, confidence, ['PERPETRATED']);
  add(cue, match, event, victim, confidence, cue.family === 'killing' || cue.type === 'KILLED' ? ['KILLED', 'TARGETED'] : ['TARGETED']);
  // An attack on a place (a base, a tower, an airport) happened there.
  if (victim.kind === 'LOCATION' || victim.inferredKind === 'LOCATION') add(cue, match, event, victim, confidence, ['LOCATED_AT']);
  // Places of the same clause: inside the match, or just after it with no comma between.
  const clauseEnd = context.items.findIndex((item, position) => position > match.last && (item.token === ',' || item.token === ';'));
  const lastItem = Math.min(clauseEnd < 0 ? context.items.length - 1 : clauseEnd, match.last + 5);
  let previousPlace = -1;
  for (const [position, item] of context.items.entries()) {
    if (item.slot === undefined || position < match.first || position > lastItem) continue;
    const place = context.slots[item.slot];
    if (place.kind !== 'LOCATION' && place.kind !== 'STATE') continue;
    // "at Asad base in Iraq": the event is at the first place, which is in the second.
    const within = previousPlace === position - 2 && context.items[position - 1]?.token === 'in';
    previousPlace = position;
    if (place === actor || place === victim || within || qualifiesNoun(context.items, position)) continue;
    if (['in', 'at', 'near'].includes(context.items[position - 1]?.token ?? '')) add(cue, match, event, place, confidence, ['LOCATED_AT']);
  }
  // "attacks on US forces in Iraq and Syria": the places the victim's own name holds.
  for (const place of context.placesOf?.get(victim.mention) ?? []) add(cue, match, event, place, confidence, ['LOCATED_AT']);
}
