import type { EntityKind } from '../model';

/**
 * Word lists the mention finder reads. Data, not code: extend them here. All entries are folded (lowercase, no
 * diacritics or apostrophes), as `tokenize` of normalize-text.ts folds the text.
 */

/** Adjectives (and plural nouns) of a state's name: they mention the state whose name or alias is given. */
export const DEMONYMS: Readonly<Record<string, string>> = {
  iranian: 'Iran', iranians: 'Iran', persian: 'Iran',
  iraqi: 'Iraq', iraqis: 'Iraq',
  israeli: 'Israel', israelis: 'Israel',
  syrian: 'Syria', syrians: 'Syria',
  lebanese: 'Lebanon',
  jordanian: 'Jordan', jordanians: 'Jordan',
  yemeni: 'Yemen', yemenis: 'Yemen',
  american: 'United States', americans: 'United States',
  saudi: 'Saudi Arabia', saudis: 'Saudi Arabia',
  turkish: 'Turkey', russian: 'Russia', russians: 'Russia', british: 'United Kingdom', french: 'France',
  egyptian: 'Egypt', qatari: 'Qatar', emirati: 'United Arab Emirates', kuwaiti: 'Kuwait', bahraini: 'Bahrain',
  afghan: 'Afghanistan', pakistani: 'Pakistan', palestinian: 'Palestine', palestinians: 'Palestine', chinese: 'China',
};

/**
 * Words that name the same thing inside a name: "US troops", "US soldiers" and "US service members" are the "US forces"
 * the graph knows. Each maps to the word the names are matched with; a two-word phrase is written with a space.
 */
export const NAME_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['troops', 'forces'], ['soldiers', 'forces'], ['servicemen', 'forces'], ['servicemembers', 'forces'], ['personnel', 'forces'], ['service members', 'forces'],
]);

/** Qualifiers a name may carry inside it without naming something else: "the Kurdistan autonomous region". */
export const NAME_QUALIFIERS: ReadonlySet<string> = new Set(['autonomous', 'semi', 'semiautonomous', 'federal']);

/** Articles that names carry or drop at will ("al-Muhandis", "Muhandis"; "Asaib Ahl al-Haq"): skipped when matching. */
export const NAME_ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ul', 'ad', 'ash']);

/** Capitalised words that qualify a name without being part of it: "Shia Badr", "Sheikh Qais Khazali". */
export const NAME_MODIFIERS: ReadonlySet<string> = new Set([
  'shia', 'shiite', 'shiites', 'shiism', 'sunni', 'sunnis', 'kurdish', 'kurd', 'kurds', 'arab', 'arabs', 'muslim', 'muslims', 'christian', 'yazidi', 'turkmen',
  'mr', 'mrs', 'ms', 'dr', 'gen', 'general', 'col', 'colonel', 'maj', 'major', 'lt', 'sheikh', 'shaykh', 'sayyid', 'ayatollah', 'grand', 'imam', 'hajj', 'haji',
  'president', 'prime', 'minister', 'commander', 'leader', 'secretary', 'spokesman', 'spokesperson', 'chief', 'sen', 'senator', 'rep', 'king', 'prince', 'emir',
]);

/** Capitalised words that are not names (sentence openers, calendar words). */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'from', 'of', 'and', 'or', 'but', 'this', 'that', 'these', 'those', 'they', 'it', 'he', 'she', 'we', 'i', 'its',
  'their', 'his', 'her', 'after', 'before', 'since', 'while', 'when', 'as', 'with', 'however', 'nevertheless', 'meanwhile', 'later', 'also', 'some', 'many',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'today', 'yesterday', 'credit', 'reuters', 'afp', 'ap', 'photo', 'file', 'update', 'updated', 'read', 'more',
]);

/** Words that give away the kind of an unknown name; the first kind whose word the name holds wins. */
export const KIND_WORDS: readonly { readonly kind: EntityKind; readonly words: readonly string[] }[] = [
  { kind: 'LOCATION', words: ['base', 'airport', 'airbase', 'camp', 'province', 'governorate', 'district', 'city', 'street', 'border', 'crossing', 'tower', 'bridge', 'port', 'valley', 'mountain', 'mountains', 'island', 'square', 'compound', 'facility', 'region', 'sea', 'gulf', 'river', 'desert', 'embassy', 'consulate', 'hospital', 'prison'] },
  { kind: 'ORGANIZATION', words: ['brigade', 'brigades', 'battalion', 'battalions', 'forces', 'force', 'movement', 'organization', 'organisation', 'party', 'army', 'corps', 'front', 'units', 'unit', 'resistance', 'hezbollah', 'hizballah', 'kataib', 'harakat', 'saraya', 'asaib', 'liwa', 'ministry', 'council', 'command', 'agency', 'committee', 'guard', 'guards', 'militia', 'group', 'coalition', 'alliance', 'company', 'bank', 'foundation', 'network', 'department', 'office', 'service', 'services', 'police', 'navy', 'union', 'league', 'association', 'jihad', 'state', 'government', 'court', 'parliament', 'university', 'post', 'times', 'news', 'institute', 'center', 'centre'] },
  { kind: 'EVENT', words: ['attack', 'attacks', 'strike', 'strikes', 'bombing', 'war', 'offensive', 'operation', 'invasion', 'massacre', 'explosion', 'uprising', 'battle', 'siege'] },
];

/** Words before a name that say it is a person. */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'general', 'col', 'colonel', 'maj', 'major', 'sheikh', 'shaykh', 'sayyid', 'ayatollah', 'imam', 'cleric', 'commander', 'leader',
  'president', 'minister', 'spokesman', 'spokesperson', 'researcher', 'journalist', 'official', 'head', 'chief', 'secretary', 'senator', 'king', 'prince',
]);

/** Name particles of Arabic personal names. */
export const PERSON_PARTICLES: ReadonlySet<string> = new Set(['abu', 'bin', 'ibn', 'umm', 'bint']);

/** Letters of other scripts that look like Latin ones (Unicode confusables), mapped to the Latin letter they imitate. */
export const CONFUSABLES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', һ: 'h',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J',
  // Greek
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

/** Invisible characters that can hide inside a name. */
export const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
/** Characters that reorder text on screen: a name can read as something else. */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
