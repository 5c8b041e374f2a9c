import { formatEntities, formatRelationships, formatSources, yamlScalar } from '../load/write-dataset';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../model';

/*
 * One record of a dataset file as text, in the canonical form of src/load/write-dataset.ts, fast enough for millions
 * of records. The canonical writer formats every scalar through the yaml library (about 50 µs a record); the records
 * a bulk import makes are simple (slug ids, a kind or type, a name, a number, "line N"), so their scalars are written
 * directly when the form is certain, and everything else goes through the canonical writer. A test checks that both
 * give the same bytes.
 */

// Text the yaml library writes plain: starts with a letter, no characters YAML gives meaning, not a keyword.
const PLAIN = /^[A-Za-z](?:[A-Za-z0-9_. -]*[A-Za-z0-9_])?$/;
const KEYWORDS = /^(?:true|false|null|True|False|TRUE|FALSE|Null|NULL)$/;
const DIGITS = /^[0-9]{1,15}$/;
const SIMPLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;

function scalar(value: string | number): string {
  if (typeof value === 'number') {
    const text = String(value);
    return SIMPLE_NUMBER.test(text) ? text : yamlScalar(value);
  }
  if (PLAIN.test(value) && !KEYWORDS.test(value) && !value.includes('  ')) return value;
  // Digits alone would read back as a number: the canonical form double-quotes them.
  if (DIGITS.test(value)) return `"${value}"`;
  return yamlScalar(value);
}

const isSimpleEvidence = (relationship: RelationshipRecord) =>
  relationship.evidence.length === 1 && Object.keys(relationship.evidence[0]).every((key) => key === 'source' || key === 'locator');

/** A relationship as its block of lines (no trailing newline). */
export function relationshipBlock(relationship: RelationshipRecord): string {
  const { id, type, source, target, weight, evidence } = relationship;
  const simple = Object.keys(relationship).every((key) => ['id', 'type', 'source', 'target', 'weight', 'evidence'].includes(key)) && isSimpleEvidence(relationship);
  if (!simple) return formatRelationships([{ record: relationship }]).replace(/\n$/, '');
  const lines = [`- id: ${scalar(id)}`, `  type: ${type}`, `  source: ${scalar(source)}`, `  target: ${scalar(target)}`];
  if (weight !== undefined) lines.push(`  weight: ${scalar(weight)}`);
  lines.push('  evidence:', `    - source: ${scalar(evidence[0].source)}`);
  if (evidence[0].locator !== undefined) lines.push(`      locator: ${scalar(evidence[0].locator)}`);
  return lines.join('\n');
}

/** An entity as its block of lines (no trailing newline). */
export function entityBlock(entity: EntityRecord): string {
  const simple = Object.keys(entity).every((key) => ['id', 'kind', 'name', 'aliases'].includes(key)) && entity.aliases.length === 0;
  if (!simple) return formatEntities([{ record: entity }]).replace(/\n$/, '');
  return `- id: ${scalar(entity.id)}\n  kind: ${entity.kind}\n  name: ${scalar(entity.name)}`;
}

export function sourceBlock(source: SourceRecord): string {
  return formatSources([{ record: source }]).replace(/\n$/, '');
}
