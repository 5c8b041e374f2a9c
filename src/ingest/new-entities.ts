import { createHash } from 'node:crypto';
import type { KnowledgeGraph } from '../load';
import { isSafeId, MAX_ID_LENGTH, type EntityKind } from '../model';
import { foldText } from '../queries/normalize-text';
import type { NameFlag, NewEntityProposal } from './ingest-types';
import type { ParagraphReading } from './read-paragraph';
import { unmask } from './suspicious-names';
import { nameKeys } from './word-forms';

/** A slug for a new entity's name, free in the graph and in this draft. */
export function proposeId(name: string, taken: (id: string) => boolean): string {
  const base =
    foldText(unmask(name).text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_ID_LENGTH - 12) || `entity-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  let id = isSafeId(base) ? base : `entity-${base}`;
  for (let suffix = 2; taken(id) || !isSafeId(id); suffix++) id = `${base}-${suffix}`;
  return id;
}

/**
 * Unknown names of the article as proposed new entities: mentions of one name (folded as search folds it) become one
 * proposal, with the kind most of them suggest, every reason, every flag, and the first mention's sentence as evidence.
 */
export function collectNewEntities(graph: KnowledgeGraph, readings: readonly ParagraphReading[]): NewEntityProposal[] {
  const groups = new Map<string, { name: string; kinds: EntityKind[]; mentions: string[]; reasons: Set<string>; flags: Set<NameFlag>; paragraph: number; quote: string }>();
  for (const reading of readings) {
    for (const mention of reading.mentions) {
      const fresh = mention.newEntity;
      if (!fresh) continue;
      const key = nameKeys(unmask(fresh.name).text).join(' ') + (mention.flags.length > 0 ? ` ${mention.flags.join(',')} ${fresh.name}` : '');
      let group = groups.get(key);
      if (!group) {
        const proposal = reading.proposals.find((draftee) => draftee.source.mention === mention.mention || draftee.target.mention === mention.mention);
        group = { name: fresh.name, kinds: [], mentions: [], reasons: new Set(), flags: new Set(), paragraph: reading.number, quote: proposal?.evidence.quote ?? fresh.name };
        groups.set(key, group);
      }
      group.kinds.push(fresh.kind);
      group.mentions.push(mention.mention);
      for (const reason of mention.reasons) group.reasons.add(reason);
      for (const flag of mention.flags) group.flags.add(flag);
    }
  }
  const used = new Set<string>();
  return [...groups.values()].map((group) => {
    const counts = new Map<EntityKind, number>();
    for (const kind of group.kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const kind = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const id = proposeId(group.name, (candidate) => graph.hasNode(candidate) || graph.hasEdge(candidate) || used.has(candidate));
    used.add(id);
    return { id, name: group.name, kind, mentions: group.mentions, reasons: [...group.reasons], flags: [...group.flags], evidence: { paragraph: group.paragraph, locator: `¶${group.paragraph}`, quote: group.quote } };
  });
}
