import { confusableSkeleton, lookAlikeCharacters, visibleText, type EntityRecord } from '../model';

/** A record that may be a copy of another, under another spelling, with the place to look at. */
export interface NamedRecord {
  readonly record: Pick<EntityRecord, 'id' | 'name'>;
  readonly file?: string;
  readonly line?: number;
}

/**
 * Entities among `incoming` whose name looks like the name of another entity (of `known`, or of `incoming`) without
 * being the same text: written with look-alike letters or hidden characters (model/confusables.ts). Each is a possible
 * duplicate of the one it imitates, reported as a note: the import goes on, the analyst decides.
 */
export function lookAlikeNotes(incoming: readonly NamedRecord[], known: readonly Pick<EntityRecord, 'id' | 'name'>[]): string[] {
  const bySkeleton = new Map<string, Pick<EntityRecord, 'id' | 'name'>[]>();
  const add = (record: Pick<EntityRecord, 'id' | 'name'>) => {
    const skeleton = confusableSkeleton(record.name);
    const list = bySkeleton.get(skeleton);
    if (list) list.push(record);
    else bySkeleton.set(skeleton, [record]);
  };
  known.forEach(add);
  incoming.forEach(({ record }) => add(record));
  const notes: string[] = [];
  for (const { record, file, line } of incoming) {
    const changed = lookAlikeCharacters(record.name);
    if (changed.length === 0) continue;
    const original = bySkeleton.get(confusableSkeleton(record.name))!.find((other) => other.id !== record.id && other.name !== record.name && lookAlikeCharacters(other.name).length === 0);
    if (!original) continue;
    const place = file ? `${file}${line ? `:${line}` : ''}: ` : '';
    notes.push(`${place}possible duplicate: "${visibleText(record.name)}" (${record.id}) looks like "${original.name}" (${original.id}) but is written with other characters (${changed.join(', ')})`);
  }
  return notes;
}
