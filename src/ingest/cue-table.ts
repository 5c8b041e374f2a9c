import type { EntityKind, RelationType } from '../model';

/**
 * The cues that turn a sentence into proposed relationships: one table, read by the matcher (cue-matcher.ts), the
 * tests (every example must give its relationship) and the README. Add a row to teach proxygraph a new phrasing.
 *
 * Pattern language, over the sentence's words (folded as search folds them) with every mention replaced by a slot:
 * - `{A:KINDS}` a mention whose kind is one of KINDS (PERSON, ORG, STATE, LOCATION, EVENT; GROUP = ORG|STATE,
 *   ACTOR = PERSON|ORG|STATE, PLACE = LOCATION|STATE, ANY); a name of unknown kind fits any slot and takes the kind
 *   the rule allows. Coordinated mentions ("X, Y and Z") all fill the slot.
 * - `a|b|c` one of these words; a trailing `?` makes a word or a set optional; `~kill` is kill, kills, killed, killing.
 * - `…N` up to N words (never a mention); `…*N` up to N words or mentions; `_` exactly one word; `^` and `$` the
 *   start and end (of a name); words joined by `_` in a set are a phrase (`carried_out`).
 * - punctuation is written as it is: `,` `-` `'s` `(` `)`.
 * `within: 'name'` rows read a mention's own words: "Iranian-backed militias in Iraq" says who backs them and where
 * they are; SELF is the mention itself.
 * EVENT as a source or target is the event the sentence reports (the nearest event mention: a known event it
 * describes or names). `event: true` rows also link the event the sentence reports (a known event it describes, or a new one): the actor
 * PERPETRATED it, it TARGETED (or KILLED) the victim, and it is LOCATED_AT the places the sentence puts it.
 */
export type CueFamily = 'appositive' | 'title' | 'passive' | 'compound' | 'membership' | 'attack' | 'killing' | 'kidnapping' | 'threat' | 'opposition' | 'location' | 'control' | 'name';

export interface Cue {
  readonly id: string;
  readonly family: CueFamily;
  readonly pattern: string;
  /** The relation type, or types tried in order until one fits the kinds at both ends (PERSON → MEMBER_OF, else PART_OF). */
  readonly type: RelationType | readonly RelationType[];
  readonly source: string;
  readonly target: string;
  readonly confidence: number;
  readonly event?: boolean;
  readonly within?: 'name';
  /** `within: 'name'` rows: the kinds the named thing itself must have. */
  readonly selfKinds?: readonly EntityKind[];
  /** The agent is a noun's modifier ("the US killing of X"), which may stand after a preposition ("led to the US killing"). */
  readonly nominal?: boolean;
  /** Also propose the reverse (a war "between A and B" opposes each to the other). */
  readonly both?: boolean;
  /** A sentence the cue must read, and the relationship it must give (type source target, by name). */
  readonly example: { readonly text: string; readonly gives: string };
}

/** Words a pattern names in capitals stand for these sets. */
export const CUE_WORD_SETS: Readonly<Record<string, string>> = {
  LEADER: 'leader|head|commander|chief|founder|secretary|boss|emir',
  /** Auxiliaries and adverbs between a subject and its verb. */
  /** An appositive between a subject and its verb: ", led by X," (a comma, up to eight words or mentions, a comma). */
  APPOS: '(,_…*8_,)?',
  /** Words that report an event happening (an attack, a killing, an explosion). */
  EVENT_WORD: 'attack|attacks|attacked|strike|strikes|struck|airstrike|airstrikes|killing|killings|assassination|invasion|invaded|bombing|bombings|raid|raids|explosion|blast|kidnapping|abduction|offensive|fatwa|massacre|ambush|shelling',
  AUX: '(also|have|has|had|then|repeatedly|reportedly|allegedly|later|again|jointly|would|often|once|been|previously|recently|subsequently|is|are|was|were)?',
};
const ATTACK_VERBS = 'attacked|attack|attacks|struck|strike|strikes|hit|hits|bombed|shelled|targeted|target|targets|raided|stormed|invaded|assaulted|ambushed';
const BACKING = 'backed|supported|sponsored|funded|armed|financed|trained|directed|bankrolled';

export const CUES: readonly Cue[] = [
  // Leadership
  { id: 'leader-appositive', family: 'appositive', pattern: '{A:PERSON} , a|an|the|its? top|senior|former|founding|longtime|overall|supreme? LEADER of the? {B:GROUP}', type: 'LEADS', source: 'A', target: 'B', confidence: 0.85, example: { text: 'Abu Fadak al-Mohammedawi, the leader of Kataib Hezbollah, spoke.', gives: 'LEADS Abu Fadak al-Mohammedawi Kataib Hezbollah' } },
  { id: 'leader-fronted', family: 'appositive', pattern: 'the? top|senior|former? LEADER of the? {B:GROUP} militia|group|organization|organisation|movement|force? , {A:PERSON}', type: 'LEADS', source: 'A', target: 'B', confidence: 0.85, example: { text: 'The head of Asaib Ahl al-Haq, Qais Khazali, spoke.', gives: 'LEADS Qais Khazali Asaib Ahl al-Haq' } },
  { id: 'leader-possessive', family: 'appositive', pattern: "{B:GROUP} 's top|senior|former? LEADER , ? {A:PERSON}", type: 'LEADS', source: 'A', target: 'B', confidence: 0.85, example: { text: "Hezbollah's leader Hassan Nasrallah spoke.", gives: 'LEADS Hassan Nasrallah Hezbollah' } },
  { id: 'leader-title', family: 'title', pattern: '{B:GROUP} top|senior? LEADER {A:PERSON}', type: 'LEADS', source: 'A', target: 'B', confidence: 0.8, example: { text: 'IRGC Quds Force head Qasem Soleimani travelled.', gives: 'LEADS Qasem Soleimani IRGC Quds Force' } },
  { id: 'leader-verb', family: 'appositive', pattern: '{A:PERSON} APPOS , ? who? AUX leads|heads|commands|led|headed|commanded|founded|runs|ran {B:GROUP}', type: 'LEADS', source: 'A', target: 'B', confidence: 0.8, example: { text: 'Qais Khazali, who leads Asaib Ahl al-Haq, spoke.', gives: 'LEADS Qais Khazali Asaib Ahl al-Haq' } },
  { id: 'leader-passive', family: 'passive', pattern: '{B:GROUP} , ? which|that? is|are|was|were? led|headed|commanded|founded|run by {A:PERSON}', type: 'LEADS', source: 'A', target: 'B', confidence: 0.85, example: { text: 'Kataib Hezbollah, led by Abu Fadak al-Mohammedawi, struck.', gives: 'LEADS Abu Fadak al-Mohammedawi Kataib Hezbollah' } },
  // Membership and parts
  { id: 'member-of', family: 'membership', pattern: '{A:ACTOR} , ? who|which|that? is|are|was|were|remains? a|an|one? senior|key|founding|leading? member|part|faction|unit|wing|component|branch|brigade|commander|official of the? {B:GROUP}', type: ['MEMBER_OF', 'PART_OF'], source: 'A', target: 'B', confidence: 0.8, example: { text: 'Kataib Hezbollah is a faction of the Popular Mobilization Forces.', gives: 'PART_OF Kataib Hezbollah Popular Mobilization Forces' } },
  { id: 'founding-member', family: 'membership', pattern: '{A:ACTOR} , a|an|one founding|leading|key|powerful? militia|group|faction|member|members|party of the? {B:GROUP}', type: ['MEMBER_OF', 'PART_OF'], source: 'A', target: 'B', confidence: 0.8, example: { text: 'Harakat al-Nujaba, a founding militia of the Islamic Resistance in Iraq, spoke.', gives: 'PART_OF Harakat al-Nujaba Islamic Resistance in Iraq' } },
  { id: 'operating-under', family: 'membership', pattern: '{A:ACTOR} , ? which|that|who? AUX operating|operates|operate|operated|fights|fight|fighting|serves|serve|serving under the? umbrella|banner|command|flag? of? the? {B:GROUP}', type: ['MEMBER_OF', 'PART_OF'], source: 'A', target: 'B', confidence: 0.75, example: { text: 'Kataib Hezbollah, operating under the Popular Mobilization Forces, grew.', gives: 'PART_OF Kataib Hezbollah Popular Mobilization Forces' } },
  { id: 'joined', family: 'membership', pattern: '{A:ACTOR} APPOS AUX joined {B:GROUP}', type: ['MEMBER_OF', 'PART_OF'], source: 'A', target: 'B', confidence: 0.7, example: { text: 'Kataib Hezbollah joined the Popular Mobilization Forces in 2014.', gives: 'PART_OF Kataib Hezbollah Popular Mobilization Forces' } },
  { id: 'part-of-umbrella', family: 'membership', pattern: '{A:ACTOR} , ? AUX part of the? {B:GROUP}', type: ['MEMBER_OF', 'PART_OF'], source: 'A', target: 'B', confidence: 0.75, example: { text: 'Kataib Hezbollah is part of the Islamic Resistance in Iraq.', gives: 'PART_OF Kataib Hezbollah Islamic Resistance in Iraq' } },
  { id: 'umbrella-includes', family: 'membership', pattern: '{B:ORG} , ? which|that? AUX includes|include|including|comprises|comprising|such_as|among_them …*3 {A:ORG}', type: 'PART_OF', source: 'A', target: 'B', confidence: 0.7, example: { text: 'The Islamic Resistance in Iraq, which includes Kataib Hezbollah, claimed it.', gives: 'PART_OF Kataib Hezbollah Islamic Resistance in Iraq' } },
  { id: 'front-for', family: 'membership', pattern: '{A:ORG} , ? AUX a front|cover|facade|façade|proxy_name for the? {B:GROUP}', type: 'FRONT_FOR', source: 'A', target: 'B', confidence: 0.75, example: { text: 'The Islamic Resistance in Iraq is a front for Kataib Hezbollah.', gives: 'FRONT_FOR Islamic Resistance in Iraq Kataib Hezbollah' } },
  // Backing
  { id: 'backed-by', family: 'passive', pattern: `{B:ACTOR} , ? which|that|who? AUX been? ${BACKING} by the? {A:ACTOR}`, type: 'BACKS', source: 'A', target: 'B', confidence: 0.85, example: { text: 'The Iraqi militias, which are backed by Iran, attacked.', gives: 'BACKS Iran Iraqi militias' } },
  { id: 'backed-compound', family: 'compound', pattern: `{A:ACTOR} - ${BACKING}|sponsored|allied|controlled {B:ACTOR}`, type: 'BACKS', source: 'A', target: 'B', confidence: 0.8, example: { text: 'The Iran-backed Kataib Hezbollah struck.', gives: 'BACKS Iran Kataib Hezbollah' } },
  { id: 'aligned-compound', family: 'compound', pattern: '{A:ACTOR} - aligned|linked|affiliated|leaning {B:ACTOR}', type: 'BACKS', source: 'A', target: 'B', confidence: 0.65, example: { text: 'The Iran-aligned Harakat al-Nujaba struck.', gives: 'BACKS Iran Harakat al-Nujaba' } },
  { id: 'linked-to-state', family: 'passive', pattern: '{B:ORG} , ? which|that|who? AUX generally|closely|deeply|widely? linked|tied|aligned|loyal|close to the? {A:STATE}', type: 'BACKS', source: 'A', target: 'B', confidence: 0.6, example: { text: 'Kataib Hezbollah, which is closely aligned to Iran, fired.', gives: 'BACKS Iran Kataib Hezbollah' } },
  { id: 'proxy-of', family: 'appositive', pattern: '{B:ORG} , ? AUX a|an|one? of? {A:STATE} proxy|proxies|client|clients', type: 'BACKS', source: 'A', target: 'B', confidence: 0.8, example: { text: 'Kataib Hezbollah, an Iranian proxy, fired.', gives: 'BACKS Iran Kataib Hezbollah' } },
  { id: 'supplied', family: 'passive', pattern: '{A:ACTOR} APPOS AUX supplied|supplies|armed|arms|provided|provides|sent|sends|gave|gives|shipped … weapons|drones|missiles|rockets|arms|money|funds|training? to {B:ACTOR}', type: 'SUPPLIED', source: 'A', target: 'B', confidence: 0.75, example: { text: 'Iran supplied drones to Kataib Hezbollah.', gives: 'SUPPLIED Iran Kataib Hezbollah' } },
  { id: 'allied-with', family: 'opposition', pattern: '{A:ACTOR} APPOS AUX working|worked|works|work|fought|fighting alongside|with the? {B:ACTOR}', type: 'ALLIED_WITH', source: 'A', target: 'B', confidence: 0.6, example: { text: 'Badr worked alongside the IRGC against Saddam.', gives: 'ALLIED_WITH Badr IRGC' } },
  // Place and control
  { id: 'based-compound', family: 'compound', pattern: '{A:PLACE} - based {B:ACTOR}', type: 'LOCATED_AT', source: 'B', target: 'A', confidence: 0.8, example: { text: 'The Iraqi-based Popular Mobilization Units grew.', gives: 'LOCATED_AT Popular Mobilization Units Iraq' } },
  { id: 'based-in', family: 'location', pattern: '{A:ACTOR} , ? AUX based|headquartered|stationed|deployed in|at|near {B:PLACE}', type: 'LOCATED_AT', source: 'A', target: 'B', confidence: 0.8, example: { text: 'Kataib Hezbollah, based in Baghdad, fired.', gives: 'LOCATED_AT Kataib Hezbollah Baghdad' } },
  { id: 'demonym-group', family: 'compound', pattern: 'the|an|a? {A:STATE} militia|group|organization|organisation|movement|faction|paramilitary|armed_group {B:ORG}', type: 'LOCATED_AT', source: 'B', target: 'A', confidence: 0.7, example: { text: 'The Iraqi militia Kataib Hezbollah fired.', gives: 'LOCATED_AT Kataib Hezbollah Iraq' } },
  { id: 'place-in-place', family: 'location', pattern: '{A:LOCATION} in|of|inside the? northern|southern|eastern|western|central|north|south|east|west|northeast|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern? {B:PLACE}', type: 'PART_OF', source: 'A', target: 'B', confidence: 0.7, example: { text: 'Rockets fell on Anbar in western Iraq.', gives: 'PART_OF Anbar Iraq' } },
  { id: 'place-near-place', family: 'location', pattern: '{A:LOCATION} , ? AUX around? …2 near|outside|north|south|east|west|northeast|northwest|southeast|southwest of? {B:PLACE}', type: 'LOCATED_AT', source: 'A', target: 'B', confidence: 0.6, example: { text: 'Camp Kalsu, near Iskandariya, was hit.', gives: 'LOCATED_AT Camp Kalsu Iskandariya' } },
  { id: 'set-up-base', family: 'control', pattern: '{A:GROUP} APPOS AUX set_up|built|established|opened|created|runs|operates|controls|controlled|seized|took_over a|an|its|their|the? own? {B:LOCATION}', type: 'CONTROLS', source: 'A', target: 'B', confidence: 0.75, example: { text: 'Kataib Hezbollah set up Camp Ashraf.', gives: 'CONTROLS Kataib Hezbollah Camp Ashraf' } },
  { id: 'set-up-at-place', family: 'location', pattern: 'at|in {B:PLACE} , the? …*3 {A:GROUP} AUX set_up|built|established|opened', type: 'LOCATED_AT', source: 'A', target: 'B', confidence: 0.7, example: { text: 'At Albukamal, the Iraqi militia Kataib Hezbollah set up a headquarters.', gives: 'LOCATED_AT Kataib Hezbollah Albukamal' } },
  { id: 'used-by', family: 'control', pattern: '{B:LOCATION} , ? AUX used|controlled|held|run|operated|occupied|manned by the? {A:GROUP}', type: 'CONTROLS', source: 'A', target: 'B', confidence: 0.7, example: { text: 'Camp Kalsu, used by the Popular Mobilization Forces, exploded.', gives: 'CONTROLS Popular Mobilization Forces Camp Kalsu' } },
  { id: 'facility-of', family: 'location', pattern: 'the? {A:ACTOR} facility|base|troops|forces|embassy|consulate|outpost at|in {B:LOCATION}', type: ['LOCATED_AT', 'CONTROLS'], source: 'A', target: 'B', confidence: 0.6, example: { text: 'Missiles hit the Iranian base at Camp Ashraf.', gives: 'CONTROLS Iran Camp Ashraf' } },
  // Attacks, killings, kidnappings, threats
  { id: 'attacked', family: 'attack', pattern: `{A:ACTOR} APPOS AUX AUX ${ATTACK_VERBS} {B:ANY}`, type: 'ATTACKED', source: 'A', target: 'B', confidence: 0.8, event: true, example: { text: 'Hamas attacked Israel on October 7.', gives: 'ATTACKED Hamas Israel' } },
  { id: 'launched-attack', family: 'attack', pattern: '{A:ACTOR} APPOS AUX AUX launched|carried_out|conducted|claimed|staged|mounted|claimed_responsibility_for …4 attack|attacks|strike|strikes|raid|raids|drone|drones|rockets|missiles|assault on|against|at|targeting|toward|towards {B:ANY}', type: 'ATTACKED', source: 'A', target: 'B', confidence: 0.8, event: true, example: { text: 'Kataib Hezbollah launched a drone attack on Tower 22.', gives: 'ATTACKED Kataib Hezbollah Tower 22' } },
  { id: 'fired-at-facility', family: 'attack', pattern: '{A:ACTOR} APPOS AUX AUX fired|launched|sent|lobbed|shot …3 rockets|missiles|drones|mortars|shells|projectiles|drone|missile|rocket at|on|into|toward|towards|against the? {X:ACTOR}? facility|base|forces|troops|positions|embassy|consulate|outpost at|in {B:LOCATION}', type: 'ATTACKED', source: 'A', target: 'B', confidence: 0.8, event: true, example: { text: 'Iran fired missiles at the US facility at Camp Victory.', gives: 'ATTACKED Iran Camp Victory' } },
  { id: 'fired-at', family: 'attack', pattern: '{A:ACTOR} APPOS AUX AUX fired|launched|sent|lobbed|shot …3 rockets|missiles|drones|mortars|shells|projectiles|drone|missile|rocket at|on|into|toward|towards|against the? {B:ANY}', type: 'ATTACKED', source: 'A', target: 'B', confidence: 0.8, event: true, example: { text: 'Kataib Hezbollah fired rockets at Camp Victory.', gives: 'ATTACKED Kataib Hezbollah Camp Victory' } },
  { id: 'attack-by', family: 'passive', pattern: `{B:ANY} , ? AUX AUX attacked|targeted|struck|hit|bombed|shelled|raided by the? {A:ACTOR}`, type: 'ATTACKED', source: 'A', target: 'B', confidence: 0.8, event: true, example: { text: 'Tower 22 was attacked by Kataib Hezbollah.', gives: 'ATTACKED Kataib Hezbollah Tower 22' } },
  { id: 'attack-on-by', family: 'attack', pattern: 'attack|attacks|strike|strikes|assault|raid on|against the? {B:ANY} by|from the? {A:ACTOR}', type: 'ATTACKED', source: 'A', target: 'B', confidence: 0.75, event: true, example: { text: 'The attack on Tower 22 by Kataib Hezbollah killed three.', gives: 'ATTACKED Kataib Hezbollah Tower 22' } },
  { id: 'attack-possessive', nominal: true, family: 'attack', pattern: "{A:ACTOR} 's …2 attack|attacks|strike|strikes|assault|raid on|against the? {B:ANY}", type: 'ATTACKED', source: 'A', target: 'B', confidence: 0.75, event: true, example: { text: "Hamas's attack on Israel began the war.", gives: 'ATTACKED Hamas Israel' } },
  { id: 'killed', family: 'killing', pattern: '{A:ACTOR} APPOS AUX AUX killed|assassinated|executed|murdered {B:PERSON}', type: 'KILLED', source: 'A', target: 'B', confidence: 0.85, event: true, example: { text: 'Kataib Hezbollah killed Abu Baqir al-Saadi in Baghdad.', gives: 'KILLED Kataib Hezbollah Abu Baqir al-Saadi'} },
  { id: 'strike-killed', family: 'killing', pattern: '{A:ACTOR} drone|air|missile|rocket? strike|airstrike|attack|raid|bombing AUX killed|assassinated {B:PERSON}', type: 'KILLED', source: 'A', target: 'B', confidence: 0.8, event: true, example: { text: 'A US strike killed Abu Baqir al-Saadi in Baghdad.', gives: 'KILLED United States Abu Baqir al-Saadi' } },
  { id: 'killed-by', family: 'passive', pattern: '{B:PERSON} , ? who? AUX AUX killed|assassinated|executed|murdered …3 by a|an|the? {A:ACTOR}', type: 'KILLED', source: 'A', target: 'B', confidence: 0.85, event: true, example: { text: 'Abu Mahdi al-Muhandis, who was killed in 2020 by a US drone strike, led it.', gives: 'KILLED United States Abu Mahdi al-Muhandis' } },
  { id: 'killing-of', nominal: true, family: 'killing', pattern: "{A:ACTOR} 's? killing|assassination|murder of …*3 {B:PERSON}", type: 'KILLED', source: 'A', target: 'B', confidence: 0.85, event: true, example: { text: 'The US killing of Qasem Soleimani shook the region.', gives: 'KILLED United States Qasem Soleimani' } },
  { id: 'kidnapped', family: 'kidnapping', pattern: '{A:ACTOR} APPOS AUX AUX kidnapped|abducted|seized|captured|held|holds … {B:PERSON}', type: 'KIDNAPPED', source: 'A', target: 'B', confidence: 0.8, event: true, example: { text: 'Kataib Hezbollah kidnapped researcher Elizabeth Tsurkov.', gives: 'KIDNAPPED Kataib Hezbollah Elizabeth Tsurkov' } },
  { id: 'kidnapped-by', family: 'passive', pattern: '{B:PERSON} , ? who? AUX AUX kidnapped|abducted|seized|held|captured …3 by the? {A:ACTOR}', type: 'KIDNAPPED', source: 'A', target: 'B', confidence: 0.8, event: true, example: { text: 'Elizabeth Tsurkov was kidnapped by Kataib Hezbollah.', gives: 'KIDNAPPED Kataib Hezbollah Elizabeth Tsurkov' } },
  { id: 'threatened', family: 'threat', pattern: '{A:ACTOR} , ? …*6 threatened|threatens|threaten|warned|warns|vowed_to_attack|vowed_to_strike {B:ANY}', type: 'THREATENED', source: 'A', target: 'B', confidence: 0.75, example: { text: 'Qais Khazali went to Lebanon and threatened Israel.', gives: 'THREATENED Qais Khazali Israel' } },
  { id: 'threats-against', family: 'threat', pattern: '{A:ACTOR} APPOS AUX AUX issued|made|renewed|repeated …2 threats|threat|warnings|warning against|to the? {B:ANY}', type: 'THREATENED', source: 'A', target: 'B', confidence: 0.7, example: { text: 'Kataib Hezbollah issued threats against the United States.', gives: 'THREATENED Kataib Hezbollah United States' } },
  // The event a sentence reports (EVENT: the nearest event mention of the sentence, known or described)
  { id: 'actor-event', nominal: true, family: 'attack', pattern: "{A:ACTOR} 's? …2 EVENT_WORD", type: 'PERPETRATED', source: 'A', target: 'EVENT', confidence: 0.7, example: { text: 'A US drone strike killed him on 3 January 2020 near Baghdad.', gives: 'PERPETRATED United States US killing of Qasem Soleimani and Abu Mahdi al-Muhandis' } },
  { id: 'carried-out-event', family: 'attack', pattern: '{A:ACTOR} APPOS AUX AUX carried_out|conducted|launched|staged|mounted|claimed|claimed_responsibility_for|was_behind|were_behind|orchestrated …3 EVENT_WORD', type: 'PERPETRATED', source: 'A', target: 'EVENT', confidence: 0.8, example: { text: 'Kataib Hezbollah carried out the attack on Tower 22 on 28 January 2024.', gives: 'PERPETRATED Kataib Hezbollah Drone attack on US troops at Tower 22, Jordan (January 2024)' } },
  { id: 'event-by', family: 'attack', pattern: 'EVENT_WORD …3 by|from the? {A:ACTOR}', type: 'PERPETRATED', source: 'A', target: 'EVENT', confidence: 0.75, example: { text: 'The attack by Kataib Hezbollah on 28 January 2024 killed three.', gives: 'PERPETRATED Kataib Hezbollah attack' } },
  { id: 'event-on', family: 'attack', pattern: 'EVENT_WORD on|of|against|targeting|at the? {B:ANY}', type: ['KILLED', 'TARGETED'], source: 'EVENT', target: 'B', confidence: 0.75, example: { text: 'The attack on Tower 22 on 28 January 2024 killed three.', gives: 'TARGETED attack Tower 22' } },
  { id: 'event-in', family: 'location', pattern: 'EVENT_WORD …*4 in|at|near {B:PLACE}', type: 'LOCATED_AT', source: 'EVENT', target: 'B', confidence: 0.7, example: { text: 'The attack on 28 January 2024 in Jordan killed three.', gives: 'LOCATED_AT attack Jordan' } },
  // Opposition
  { id: 'rhetoric-against', family: 'opposition', pattern: '{A:ACTOR} APPOS AUX AUX …4 rhetoric|campaign|war|hostility|operations against|slamming|targeting {B:ACTOR}', type: 'OPPOSED', source: 'A', target: 'B', confidence: 0.6, example: { text: 'The Iraqi militias increased their rhetoric against Israel.', gives: 'OPPOSED Iraqi militias Israel' } },
  { id: 'fought', family: 'opposition', pattern: '{A:ACTOR} APPOS AUX AUX fought|fights|fight|battled|opposed|opposes|resisted|resist|go_fight|to_fight|in_opposition_to|against {B:ACTOR}', type: 'OPPOSED', source: 'A', target: 'B', confidence: 0.65, example: { text: 'Kataib Hezbollah fought ISIS in 2015.', gives: 'OPPOSED Kataib Hezbollah ISIS' } },
  { id: 'war-between', family: 'opposition', pattern: 'war|wars|conflict|tensions|fighting|hostilities|clashes between {A:ACTOR} and {B:ACTOR}', type: 'OPPOSED', source: 'A', target: 'B', confidence: 0.6, both: true, example: { text: 'A war between Israel and Hezbollah loomed.', gives: 'OPPOSED Israel Hezbollah' } },
  { id: 'war-compound', family: 'opposition', pattern: '{A:ACTOR} - {B:ACTOR} war|conflict|tensions|fighting|hostilities|clashes|confrontation', type: 'OPPOSED', source: 'A', target: 'B', confidence: 0.6, both: true, example: { text: 'The Israel-Hamas war went on.', gives: 'OPPOSED Israel Hamas' } },
  // What a name says of itself
  { id: 'name-backed', family: 'name', within: 'name', pattern: `^ {A:ACTOR} - ${BACKING}|aligned|allied`, type: 'BACKS', source: 'A', target: 'SELF', confidence: 0.7, example: { text: 'Iraqi militias and the Iranian-backed Shia militias in Iraq spoke.', gives: 'BACKS Iran Iranian-backed Shia militias in Iraq' } },
  { id: 'name-in-place', family: 'name', within: 'name', pattern: 'in {A:PLACE} and? {B:PLACE}? $', type: 'LOCATED_AT', source: 'SELF', target: 'A', confidence: 0.7, example: { text: 'US forces in Iraq were hit.', gives: 'LOCATED_AT US forces in Iraq Iraq' } },
  { id: 'name-based', family: 'name', within: 'name', pattern: '^ {A:PLACE} - based', type: 'LOCATED_AT', source: 'SELF', target: 'A', confidence: 0.7, example: { text: 'The Iraqi-based militias spoke.', gives: 'LOCATED_AT Iraqi-based militias Iraq' } },
  { id: 'name-unit-of', family: 'name', within: 'name', pattern: '^ {A:ORG} _', selfKinds: ['ORGANIZATION'], type: 'PART_OF', source: 'SELF', target: 'A', confidence: 0.6, example: { text: 'The IRGC Quds Force acted.', gives: 'PART_OF IRGC Quds Force Islamic Revolutionary Guard Corps' } },
];
