import { tokenize } from '../queries/normalize-text';
import type { EntityKind } from '../model';
import type { NameIndex } from './name-index';
import type { NameSpan } from './scan-names';
import type { Word } from './sentences';

/** Nouns that stand for one organisation named just before: "the group", "this militia". */
const GROUP_NOUNS = new Set(['group', 'organisation', 'organization', 'militia', 'movement', 'faction']);
/** Plural nouns that stand for a collective named before ("these groups" after "Iran-backed militias in Iraq"). */
const PLURAL_GROUP_NOUNS = new Set(['groups', 'organisations', 'organizations', 'factions', 'movements']);
/** Head nouns of names that stand for a collective of groups. */
const COLLECTIVE_HEADS = ['militias', 'groups', 'factions', 'organisations', 'organizations', 'movements'];
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);

/** An entity the article has named, in reading order. */
export interface Named {
  readonly entity: string;
  readonly kind: EntityKind;
  /** Sentence number across the whole article. */
  readonly sentence: number;
}

/**
 * Definite descriptions resolved without pronouns, only where one reading is possible: "the group" (or "this
 * militia") when exactly one organisation was named in this sentence before it or in the previous sentence; "the
 * militias" when exactly one entity with that head noun ("Iran-backed militias in Iraq") was named earlier in the
 * article; "these groups" when exactly one collective of groups (a name headed by "militias", "groups", "factions" …)
 * was. Anything less certain is left unlinked.
 */
export function resolveDefinites(words: readonly Word[], taken: readonly NameSpan[], named: readonly Named[], sentence: number, index: NameIndex): NameSpan[] {
  const covered = new Set<number>();
  for (const span of taken) for (let word = span.first; word <= span.last; word++) covered.add(word);
  const spans: NameSpan[] = [];
  for (let position = 1; position < words.length; position++) {
    // "the group", or with modifiers between: "the Iran-backed group", "this powerful militia".
    let opening = position - 1;
    while (opening > 0 && position - opening <= 4 && !DEFINITE.has(tokenize(words[opening].text)[0] ?? '') && (covered.has(opening) || words[opening].after.trim() === '-' || words[opening - 1]?.after.trim() === '-' || words[opening].tags.has('Adjective'))) opening--;
    const determiner = tokenize(words[opening].text)[0];
    const noun = tokenize(words[position].text)[0];
    if (!determiner || !noun || !DEFINITE.has(determiner) || covered.has(position) || covered.has(opening)) continue;
    // "the Asaib Ahl al-Haq militia" is that group named with its kind, not a reference back to another.
    if (taken.some((span) => span.first > opening && span.last < position && (span.kind === 'ORGANIZATION' || span.kind === 'PERSON') && words[span.last].after.trim() !== '-')) continue;
    if (words[position + 1] && /^\p{Lu}/u.test(words[position + 1].text) && !/[,;:]/.test(words[position].after)) continue;
    const before = named.filter((entry) => entry.sentence < sentence || (entry.sentence === sentence && taken.some((span) => span.entity === entry.entity && span.last < position)));
    let entity: string | null = null;
    let kind: EntityKind | null = null;
    let why = '';
    const collectives = new Set(COLLECTIVE_HEADS.flatMap((head) => [...(index.heads.get(head) ?? [])]));
    if (GROUP_NOUNS.has(noun)) {
      // One group, singular: a collective named in the plural ("the militias") is not what "the group" stands for.
      const recent = [...new Set(before.filter((entry) => entry.kind === 'ORGANIZATION' && entry.sentence >= sentence - 1 && !collectives.has(entry.entity)).map((entry) => entry.entity))];
      if (recent.length === 1) {
        entity = recent[0];
        kind = 'ORGANIZATION';
        why = `"${words[opening].text} … ${words[position].text}" after the only organisation named just before`;
      }
    } else if (PLURAL_GROUP_NOUNS.has(noun)) {
      const earlier = [...new Set(before.filter((entry) => collectives.has(entry.entity)).map((entry) => entry.entity))];
      if (earlier.length === 1) {
        entity = earlier[0];
        kind = index.entities.get(entity)!.kind;
        why = `"${words[opening].text} … ${words[position].text}" after the only collective of groups named earlier in the article`;
      }
    } else {
      const heads = index.heads.get(noun);
      if (!heads) continue;
      const earlier = [...new Set(before.filter((entry) => heads.has(entry.entity)).map((entry) => entry.entity))];
      if (earlier.length === 1) {
        entity = earlier[0];
        kind = index.entities.get(entity)!.kind;
        why = `"${words[position - 1].text} ${words[position].text}" after the only "${noun}" named earlier in the article`;
      }
    }
    if (!entity) continue;
    // "the militias in Iraq" for "Iran-backed militias in Iraq": the place its name holds is part of the description.
    let last = position;
    const place = taken.find((span) => span.first === position + 2 && span.entity !== null);
    const nameTokens = tokenize(index.entities.get(entity)?.name ?? '');
    if (place && tokenize(words[position + 1].text)[0] === 'in' && !/[,;:]/.test(words[position].after) && tokenize(index.entities.get(place.entity!)?.name ?? '-').every((token) => nameTokens.includes(token))) last = place.last;
    spans.push({ first: opening === position - 1 ? opening : position, last, entity, kind, match: 'COREFERENCE', candidates: [], flags: [], reasons: [why] });
  }
  return spans;
}
