import { tokenize } from '../queries/normalize-text';
import { DEMONYMS, NAME_ARTICLES, NAME_SYNONYMS } from './name-tables';

/**
 * Words of one family, so that "attacked", "attacks" and "attack" compare equal when a description is matched.
 * Data: extend it here.
 */
const WORD_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  attack: ['attack', 'attacks', 'attacked', 'attacking', 'assault', 'assaulted', 'raid', 'raided', 'target', 'targets', 'targeted', 'targeting', 'hit', 'struck'],
  strike: ['strike', 'strikes', 'airstrike', 'airstrikes', 'struck', 'bombed', 'bombing', 'bombings'],
  kill: ['kill', 'kills', 'killed', 'killing', 'killings', 'assassination', 'assassinated', 'assassinate'],
  explosion: ['explosion', 'explosions', 'blast', 'blasts', 'exploded', 'explosive'],
  kidnap: ['kidnap', 'kidnapped', 'kidnapping', 'abduction', 'abducted', 'abduct', 'seized', 'captured', 'kidnappers'],
  invasion: ['invasion', 'invaded', 'invade', 'invading', 'offensive'],
  launch: ['launch', 'launched', 'launches', 'fired', 'fire', 'firing'],
  transfer: ['transfer', 'transferred', 'moving', 'moved', 'move', 'shipment', 'shipped', 'smuggled'],
  fatwa: ['fatwa', 'edict', 'decree'],
  headquarters: ['headquarters', 'hq', 'headquarter'],
  base: ['base', 'bases', 'outpost', 'camp'],
  drone: ['drone', 'drones', 'uav', 'uavs'],
  missile: ['missile', 'missiles'],
  rocket: ['rocket', 'rockets'],
  militia: ['militia', 'militias', 'militiamen'],
  force: ['force', 'forces', 'troops', 'soldiers', 'military', 'personnel', 'members'],
};

/** Nouns of an event family that name no event: a "target" is what an attack aims at. */
export const NOT_EVENT_NOUNS: ReadonlySet<string> = new Set(['target', 'targets']);

/** Roots of the words that report something happening: the heads by which events are recognised. */
export const EVENT_ROOTS: ReadonlySet<string> = new Set(['attack', 'strike', 'kill', 'explosion', 'kidnap', 'invasion', 'launch', 'transfer', 'fatwa', 'war', 'operation', 'massacre', 'siege', 'battle', 'uprising', 'clash', 'shelling', 'ambush']);

/**
 * Heads that tell one kind of event: an attack is also reported as a strike or as missiles fired ("launch"), so a
 * sentence with any of them may describe an event named as an attack or a strike (not the other way: an event named
 * for a launch is that narrower thing). Only the head is shared; the other words of the
 * event's name must still be there.
 */
const HEAD_KIN: Readonly<Record<string, readonly string[]>> = {
  attack: ['strike', 'launch'],
  strike: ['attack', 'launch'],
};

/** The heads by which a described entity is recognised, with their kin. */
export function headsOf(description: { readonly heads: ReadonlySet<string> }): ReadonlySet<string> {
  return new Set([...description.heads].flatMap((head) => [head, ...(Object.hasOwn(HEAD_KIN, head) ? HEAD_KIN[head] : [])]));
}

const FAMILY_OF = new Map<string, string>(Object.entries(WORD_FAMILIES).flatMap(([root, words]) => words.map((word) => [word, root] as [string, string])));

/** A folded word reduced to its family ("attacked" → "attack"), or a crude stem of it. */
export function wordRoot(folded: string): string {
  const family = FAMILY_OF.get(folded);
  if (family) return family;
  if (folded.length > 5 && folded.endsWith('ing')) return folded.slice(0, -3);
  if (folded.length > 4 && folded.endsWith('ed')) return folded.slice(0, -2);
  if (folded.length > 4 && folded.endsWith('es')) return folded.slice(0, -2);
  if (folded.length > 3 && folded.endsWith('s') && !folded.endsWith('ss')) return folded.slice(0, -1);
  return folded;
}

/** The folded tokens a demonym stands for ("iranian" → ["iran"]), or null. */
export function demonymState(folded: string): string[] | null {
  const state = Object.hasOwn(DEMONYMS, folded) ? DEMONYMS[folded] : undefined;
  return state ? tokenize(state) : null;
}

/**
 * The matching keys of a name: folded tokens (search's folding), with articles dropped ("al-Haq" → "haq") when the
 * name has other words, demonyms read as their state ("Iranian-backed" → "iran backed"), and a leading "the" dropped.
 */
export function nameKeys(name: string): string[] {
  const tokens = tokenize(name);
  const keys: string[] = [];
  for (const [index, token] of tokens.entries()) {
    if (index === 0 && token === 'the' && tokens.length > 1) continue;
    if (NAME_ARTICLES.has(token) && tokens.length > 1) continue;
    const phrase = NAME_SYNONYMS.get(`${token} ${tokens[index + 1]}`);
    if (phrase) continue;
    const synonym = NAME_SYNONYMS.get(`${tokens[index - 1]} ${token}`) ?? NAME_SYNONYMS.get(token);
    keys.push(...(synonym ? [synonym] : demonymState(token) ?? [token]));
  }
  return keys;
}

/** The key a name word is matched with: its synonym ("troops" → "forces"), else itself; `next` completes a phrase. */
export function synonymKey(token: string, previous: string | undefined): string {
  return NAME_SYNONYMS.get(`${previous} ${token}`) ?? NAME_SYNONYMS.get(token) ?? token;
}
