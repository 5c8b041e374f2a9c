import { partialDateOf } from './time-mapping';

/*
 * The values of STIX properties the reader maps, checked before mapping: a value of the wrong shape is a problem at its
 * object's line, as validation reports a bad field, instead of being dropped or replaced without a word (a name that
 * is a number used to become the STIX id, a first_seen of "last spring" to vanish, a confidence of 250 to be ignored).
 */

type Check = (value: unknown) => string | null;

const text: Check = (value) => (typeof value === 'string' ? null : `must be text, not ${shape(value)}`);
const texts: Check = (value) => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? null : `must be a list of text, not ${shape(value)}`);
const timestamp: Check = (value) => (typeof value === 'string' && partialDateOf(value) !== undefined ? null : `must be a timestamp such as "2020-01-31T00:00:00Z", not ${shape(value)}`);
const percent: Check = (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100 ? null : `must be an integer from 0 to 100, not ${shape(value)}`);
const probability: Check = (value) => (typeof value === 'number' && value >= 0 && value <= 1 ? null : `must be a number from 0 to 1, not ${shape(value)}`);
const objects: Check = (value) => (Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item)) ? null : `must be a list of objects, not ${shape(value)}`);

/** The properties the reader maps, and the shape each must have when present. */
const PROPERTY_CHECKS: Readonly<Record<string, Check>> = {
  name: text,
  description: text,
  aliases: texts,
  first_seen: timestamp,
  last_seen: timestamp,
  published: timestamp,
  start_time: timestamp,
  stop_time: timestamp,
  relationship_type: text,
  source_ref: text,
  target_ref: text,
  object_refs: texts,
  confidence: percent,
  external_references: objects,
  x_proxygraph_confidence: probability,
  x_proxygraph_aliases: (value) => (Array.isArray(value) ? null : `must be a list, not ${shape(value)}`),
};

function shape(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value).slice(0, 60)}`;
}

/** Each property of a STIX object that the reader maps but that has the wrong shape: [property, what is wrong]. */
export function stixValueProblems(object: Record<string, unknown>): [string, string][] {
  const found: [string, string][] = [];
  for (const [property, check] of Object.entries(PROPERTY_CHECKS)) {
    if (!Object.hasOwn(object, property) || object[property] === undefined) continue;
    const problem = check(object[property]);
    if (problem) found.push([property, problem]);
  }
  return found;
}
