import { tokenize } from '../queries/normalize-text';
import type { EntityKind } from '../model';
import type { NameIndex } from './name-index';
import type { NameSpan } from './scan-names';
import type { Word } from './sentences';

/** Nouns that stand for one organisation named just before: "the group", "this militia". */
const GROUP_NOUNS = new Set(['group', 'organisation', 'organization', 'militia', 'movement', 'faction']);
const DEFINITE = new Set(['the', 'this', 'that']);

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
 * article. Anything less certain is left unlinked.
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
    if (words[position + 1] && /^\p{Lu}/u.test(words[position + 1].text) && !/[,;:]/.test(words[position].after)) continue;
    const before = named.filter((entry) => entry.sentence < sentence || (entry.sentence === sentence && taken.some((span) => span.entity === entry.entity && span.last < position)));
    let entity: string | null = null;
    let kind: EntityKind | null = null;
    let why = '';
    if (GROUP_NOUNS.has(noun)) {
      const recent = [...new Set(before.filter((entry) => entry.kind === 'ORGANIZATION' && entry.sentence >= sentence - 1).map((entry) => entry.entity))];
      if (recent.length === 1) {
        entity = recent[0];
        kind = 'ORGANIZATION';
        why = `"${words[opening].text} … ${words[position].text}" after the only organisation named just before`;
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
    spans.push({ first: opening === position - 1 ? opening : position, last: position, entity, kind, match: 'COREFERENCE', candidates: [], flags: [], reasons: [why] });
  }
  return spans;
}
