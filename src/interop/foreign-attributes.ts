import type { AttributeValue } from '../model';

const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** An attribute name made usable: other characters become "_", a leading non-letter gets "a_"; empty when hopeless. */
export function attributeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (cleaned === '') return '';
  const named = /^[A-Za-z]/.test(cleaned) ? cleaned : `a_${cleaned}`;
  return ['__proto__', 'constructor', 'prototype'].includes(named) ? `${named}_` : named;
}

/**
 * The scalar attributes of a foreign node or edge, as our `attributes` map: names made usable, values kept when
 * text, finite numbers or booleans; everything else (lists, maps, null) left out and named in `dropped`.
 */
export function foreignAttributes(attributes: Readonly<Record<string, unknown>>, skip: readonly string[] = []): { values: Record<string, AttributeValue>; dropped: string[] } {
  const values: Record<string, AttributeValue> = {};
  const dropped: string[] = [];
  for (const [rawName, value] of Object.entries(attributes)) {
    if (skip.includes(rawName)) continue;
    const name = ATTRIBUTE_NAME.test(rawName) && !['__proto__', 'constructor', 'prototype'].includes(rawName) ? rawName : attributeName(rawName);
    if (name !== '' && (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))) {
      Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
    } else dropped.push(rawName);
  }
  return { values, dropped };
}
