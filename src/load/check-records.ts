import {
  EVIDENCE_STANCES,
  idProblem,
  isEntityKind,
  isRelationType,
  partialDateProblem,
  ENTITY_KINDS,
  RELATION_TYPES,
  toInterval,
  type Alias,
  type AttributeValue,
  type EntityRecord,
  type EvidenceRecord,
  type EvidenceStance,
  type RelationshipRecord,
  type SourceRecord,
} from '../model';
import { closest } from './closest';
import { describe, isPlainObject, RecordChecker } from './record-checker';

const SOURCE_FIELDS = ['id', 'title', 'published', 'publisher', 'url'];
const ENTITY_FIELDS = ['id', 'kind', 'name', 'aliases', 'description', 'start', 'end', 'attributes'];
const RELATIONSHIP_FIELDS = ['id', 'type', 'source', 'target', 'start', 'end', 'confidence', 'disputed', 'weight', 'evidence', 'attributes'];
const EVIDENCE_FIELDS = ['source', 'locator', 'note', 'stance'];
const ALIAS_FIELDS = ['name', 'lang'];
const LANG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SAFE_URL_PATTERN = /^https?:\/\/[^\s]+$/i;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function checkFields(check: RecordChecker, value: Record<string, unknown>, allowed: readonly string[], where = ''): void {
  for (const field of Object.keys(value)) {
    if (allowed.includes(field)) continue;
    const suggestion = closest(field, allowed);
    check.report('UNKNOWN_FIELD', where || field, `unknown field "${field}"${where ? ` in ${where}` : ''}`, suggestion ? `did you mean "${suggestion}"?` : `allowed fields: ${allowed.join(', ')}`);
  }
}

function checkId(check: RecordChecker, value: Record<string, unknown>): string | undefined {
  const raw = value.id;
  if (raw === undefined || raw === null) {
    check.report('MISSING_FIELD', undefined, `${check.kind} has no "id"`, 'add an id: a lowercase slug such as "kataib-hezbollah"');
    return undefined;
  }
  const problem = idProblem(raw);
  if (problem) {
    check.report('UNSAFE_ID', 'id', `id ${JSON.stringify(raw)} ${problem}`, 'use a lowercase slug such as "kataib-hezbollah"');
    return undefined;
  }
  check.recordId = raw as string;
  return raw as string;
}

function checkDate(check: RecordChecker, value: Record<string, unknown>, field: string): string | undefined {
  let raw = value[field];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1000 && raw <= 9999) raw = String(raw);
  const problem = partialDateProblem(raw);
  if (problem) {
    check.report('INVALID_DATE', field, `"${field}" ${problem}`, 'write a partial ISO date in quotes: "2020", "2020-01" or "2020-01-03"');
    return undefined;
  }
  return raw as string;
}

function checkSpan(check: RecordChecker, start: string | undefined, end: string | undefined): void {
  if (start && end && toInterval(end).hi < toInterval(start).lo) {
    check.report('END_BEFORE_START', 'end', `end ${end} is before start ${start}`, 'swap the dates or correct the one that is wrong');
  }
}

function checkAttributes(check: RecordChecker, value: Record<string, unknown>): Record<string, AttributeValue> | undefined {
  const raw = value.attributes;
  if (raw === undefined || raw === null) return undefined;
  if (!isPlainObject(raw)) {
    check.report('INVALID_FIELD', 'attributes', `"attributes" must be a map of names to text, numbers or booleans, not ${describe(raw)}`);
    return undefined;
  }
  const attributes: Record<string, AttributeValue> = {};
  for (const [key, attribute] of Object.entries(raw)) {
    if (UNSAFE_KEYS.has(key)) {
      check.report('UNSAFE_KEY', 'attributes', `attribute name "${key}" is not allowed: it would tamper with JavaScript object prototypes`, 'rename the attribute');
    } else if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) {
      check.report('INVALID_FIELD', 'attributes', `attribute name ${JSON.stringify(key)} must start with a letter and hold only letters, digits and _`);
    } else if (typeof attribute === 'string' && check.text(attribute, 'attributes', 'many', `attribute "${key}"`) === undefined) {
      continue;
    } else if (typeof attribute === 'string' || typeof attribute === 'boolean' || (typeof attribute === 'number' && Number.isFinite(attribute))) {
      Object.defineProperty(attributes, key, { value: attribute, enumerable: true, writable: true, configurable: true });
    } else {
      check.report('INVALID_FIELD', 'attributes', `attribute "${key}" must be text, a number or a boolean, not ${describe(attribute)}`);
    }
  }
  return attributes;
}

function checkAliases(check: RecordChecker, value: Record<string, unknown>): Alias[] {
  const raw = value.aliases;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    check.report('INVALID_FIELD', 'aliases', '"aliases" must be a list', 'write one alias per "- " line');
    return [];
  }
  const aliases: Alias[] = [];
  for (const item of raw) {
    if (typeof item === 'string' && item.trim() !== '') {
      if (check.text(item, 'aliases', 'one', 'an alias') !== undefined) aliases.push({ name: item });
    } else if (isPlainObject(item) && typeof item.name === 'string' && item.name.trim() !== '') {
      checkFields(check, item, ALIAS_FIELDS, 'aliases');
      if (item.lang !== undefined && (typeof item.lang !== 'string' || !LANG_PATTERN.test(item.lang))) {
        check.report('INVALID_FIELD', 'aliases', `alias language ${JSON.stringify(item.lang)} is not a language tag`, 'use a BCP 47 tag such as ar, fa or en');
      } else if (check.text(item.name, 'aliases', 'one', 'an alias') !== undefined) {
        aliases.push(item.lang === undefined ? { name: item.name } : { name: item.name, lang: item.lang as string });
      }
    } else {
      check.report('INVALID_FIELD', 'aliases', `alias ${JSON.stringify(item)} must be a non-empty text or { name, lang }`);
    }
  }
  return aliases;
}

export function checkSource(check: RecordChecker, value: unknown): SourceRecord | undefined {
  if (!isPlainObject(value)) {
    check.report('FILE_SHAPE', undefined, `a source must be a map of fields, not ${describe(value)}`);
    return undefined;
  }
  const id = checkId(check, value);
  checkFields(check, value, SOURCE_FIELDS);
  const title = check.string(value, 'title', true, 1000);
  const published = checkDate(check, value, 'published');
  const publisher = check.string(value, 'publisher', false, 500);
  const url = check.string(value, 'url', false, 2000);
  if (url !== undefined && !SAFE_URL_PATTERN.test(url)) {
    check.report('UNSAFE_URL', 'url', `url ${JSON.stringify(url.slice(0, 60))} is not an http(s) address`, 'only http:// and https:// links are allowed');
  }
  if (!id || !title || check.problems.length > 0) return undefined;
  return { id, title, ...(published && { published }), ...(publisher && { publisher }), ...(url && { url }) };
}

export function checkEntity(check: RecordChecker, value: unknown): EntityRecord | undefined {
  if (!isPlainObject(value)) {
    check.report('FILE_SHAPE', undefined, `an entity must be a map of fields, not ${describe(value)}`);
    return undefined;
  }
  const id = checkId(check, value);
  checkFields(check, value, ENTITY_FIELDS);
  let kind = value.kind;
  if (kind === undefined) check.report('MISSING_FIELD', undefined, 'entity has no "kind"', `add "kind:" with one of ${ENTITY_KINDS.join(', ')}`);
  else if (!isEntityKind(kind)) {
    const suggestion = typeof kind === 'string' ? closest(kind.toUpperCase(), ENTITY_KINDS) : undefined;
    check.report('UNKNOWN_KIND', 'kind', `unknown entity kind ${JSON.stringify(kind)}`, suggestion ? `did you mean ${suggestion}? Kinds: ${ENTITY_KINDS.join(', ')}` : `kinds: ${ENTITY_KINDS.join(', ')}`);
    kind = undefined;
  }
  const name = check.string(value, 'name', true, 500);
  const aliases = checkAliases(check, value);
  const description = check.string(value, 'description', false, 10_000, 'many');
  const start = checkDate(check, value, 'start');
  const end = checkDate(check, value, 'end');
  checkSpan(check, start, end);
  const attributes = checkAttributes(check, value);
  if (!id || !kind || !name || check.problems.length > 0) return undefined;
  return {
    id,
    kind: kind as EntityRecord['kind'],
    name,
    aliases,
    ...(description && { description }),
    ...(start && { start }),
    ...(end && { end }),
    ...(attributes && Object.keys(attributes).length > 0 && { attributes }),
  };
}

function checkEvidence(check: RecordChecker, value: Record<string, unknown>): EvidenceRecord[] {
  const raw = value.evidence;
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
    check.report('MISSING_EVIDENCE', raw === undefined ? undefined : 'evidence', 'relationship has no evidence', 'every relationship cites at least one { source, locator, note }');
    return [];
  }
  if (!Array.isArray(raw)) {
    check.report('INVALID_FIELD', 'evidence', '"evidence" must be a list of { source, locator, note }');
    return [];
  }
  const evidence: EvidenceRecord[] = [];
  for (const item of raw) {
    if (!isPlainObject(item) || typeof item.source !== 'string' || item.source === '') {
      check.report('INVALID_FIELD', 'evidence', `evidence ${JSON.stringify(item)} must be a map with a "source"`, 'write { source: SOURCE-ID, locator: ¶N, note: ... }');
      continue;
    }
    checkFields(check, item, EVIDENCE_FIELDS, 'evidence');
    const text = (field: string, lines: 'one' | 'many') => {
      const v = item[field];
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'number') return String(v);
      if (typeof v !== 'string') check.report('INVALID_FIELD', 'evidence', `evidence ${field} must be text, not ${describe(v)}`);
      return typeof v === 'string' ? check.text(v, 'evidence', lines, `evidence ${field}`) : undefined;
    };
    const stance = item.stance;
    if (stance !== undefined && !(EVIDENCE_STANCES as readonly unknown[]).includes(stance)) {
      check.report('INVALID_FIELD', 'evidence', `evidence stance ${JSON.stringify(stance)} is unknown`, `use ${EVIDENCE_STANCES.join(' or ')}`);
    }
    const locator = text('locator', 'one');
    const note = text('note', 'many');
    evidence.push({
      source: item.source,
      ...(locator !== undefined && { locator }),
      ...(note !== undefined && { note }),
      ...(stance !== undefined && { stance: stance as EvidenceStance }),
    });
  }
  return evidence;
}

function checkNumber(check: RecordChecker, value: Record<string, unknown>, field: string, min: number, max: number, hint: string): number | undefined {
  const raw = value[field];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > max) {
    check.report(field === 'confidence' ? 'CONFIDENCE_RANGE' : 'INVALID_FIELD', field, `"${field}" is ${describe(raw)}; it must be a number from ${min} to ${max}`, hint);
    return undefined;
  }
  return raw;
}

export function checkRelationship(check: RecordChecker, value: unknown): RelationshipRecord | undefined {
  if (!isPlainObject(value)) {
    check.report('FILE_SHAPE', undefined, `a relationship must be a map of fields, not ${describe(value)}`);
    return undefined;
  }
  const id = checkId(check, value);
  checkFields(check, value, RELATIONSHIP_FIELDS);
  let type = value.type;
  if (type === undefined) check.report('MISSING_FIELD', undefined, 'relationship has no "type"', `add "type:" with one of ${RELATION_TYPES.join(', ')}`);
  else if (!isRelationType(type)) {
    const suggestion = typeof type === 'string' ? closest(type.toUpperCase().replace(/[\s-]/g, '_'), RELATION_TYPES) : undefined;
    check.report('UNKNOWN_TYPE', 'type', `unknown relation type ${JSON.stringify(type)}`, suggestion ? `did you mean ${suggestion}? Types: ${RELATION_TYPES.join(', ')}` : `types: ${RELATION_TYPES.join(', ')}`);
    type = undefined;
  }
  const source = check.string(value, 'source', true, 200);
  const target = check.string(value, 'target', true, 200);
  const start = checkDate(check, value, 'start');
  const end = checkDate(check, value, 'end');
  checkSpan(check, start, end);
  const confidence = checkNumber(check, value, 'confidence', 0, 1, 'confidence is a probability: 0.9 for well-established, 0.5 for uncertain');
  const weight = checkNumber(check, value, 'weight', 0, Number.MAX_SAFE_INTEGER, 'weights are non-negative numbers');
  const disputed = value.disputed;
  if (disputed !== undefined && typeof disputed !== 'boolean') check.report('INVALID_FIELD', 'disputed', '"disputed" must be true or false');
  const evidence = checkEvidence(check, value);
  const attributes = checkAttributes(check, value);
  if (!id || !type || !source || !target || check.problems.length > 0) return undefined;
  return {
    id,
    type: type as RelationshipRecord['type'],
    source,
    target,
    ...(start && { start }),
    ...(end && { end }),
    ...(confidence !== undefined && { confidence }),
    ...(disputed === true && { disputed: true }),
    ...(weight !== undefined && { weight }),
    evidence,
    ...(attributes && Object.keys(attributes).length > 0 && { attributes }),
  };
}
