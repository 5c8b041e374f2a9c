import { isSafeId, MAX_ID_LENGTH } from '../model';

/*
 * Ids from other formats: Gephi's "0.0", SNAP's "12345", STIX's "threat-actor--6d17…", names with spaces. Our ids are
 * lowercase slugs, so every foreign id goes through one deterministic rule:
 *   - a token that already is a safe id is kept as it is ("12345", "kataib-hezbollah");
 *   - any other token becomes its slug plus a short hash of the exact original ("0.0" → "0-0-1lq2c9x"), so two
 *     tokens that slug alike ("A B", "a-b") never merge, and the same token gives the same id in every run and file;
 *   - tokens starting with "edge-" are always hashed: that prefix is where generated relationship ids live, so an
 *     entity can never take a relationship's id.
 * The original token is kept on the record (as its name, or in an attribute) by the reader.
 */

const RESERVED_PREFIX = 'edge-';
const HASH_LENGTH = 7;

/** FNV-1a (32-bit) of the UTF-16 code units, in base 36: short, stable, and the same in Node and browsers. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).padStart(HASH_LENGTH, '0');
}

/** Lowercase ASCII slug: accents stripped, every run of other characters one hyphen, trimmed; may be empty. */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}

/** The safe id for a foreign entity token (see the rule above). */
export function entityIdFor(token: string): string {
  if (isSafeId(token) && !token.startsWith(RESERVED_PREFIX)) return token;
  const slug = slugify(token, MAX_ID_LENGTH - HASH_LENGTH - 2) || 'x';
  return `${slug}-${shortHash(token)}`;
}

/** True when an id is of the shape generated for relationships (no entity id ever has it). */
export function isGeneratedRelationshipId(id: string): boolean {
  return id.startsWith(RESERVED_PREFIX);
}

/** A generated relationship id: "edge-" and a slug of the parts ("edge-ca-grqc-17"), within the id length limit. */
export function generatedRelationshipId(...parts: readonly (string | number)[]): string {
  const slug = slugify(parts.join('-'), MAX_ID_LENGTH - RESERVED_PREFIX.length - HASH_LENGTH - 1);
  const full = `${RESERVED_PREFIX}${slug}`;
  const exact = parts.join('-');
  // A slug that dropped characters or length could meet another one: then add the hash of the exact parts.
  return slug === exact ? full : `${full}-${shortHash(exact)}`;
}

/**
 * Hands out ids for one import: entity ids by the rule above (the same token always gets the same id), and readable
 * ids for named records (STIX objects, relationships) that are made unique within the import by a hash suffix.
 */
export class IdAllocator {
  private readonly byToken = new Map<string, string>();
  private readonly taken = new Map<string, string>();

  /** The id of the entity a foreign token names. */
  entity(token: string): string {
    let id = this.byToken.get(token);
    if (id === undefined) {
      id = entityIdFor(token);
      if (this.taken.has(id)) id = `${slugify(token, MAX_ID_LENGTH - 2 * HASH_LENGTH - 3) || 'x'}-${shortHash(token)}-${shortHash(`${token}\u0000`)}`;
      this.byToken.set(token, id);
      this.taken.set(id, token);
    }
    return id;
  }

  /**
   * A unique id built from readable parts (a name, "source-type-target"), tied to `key` (the foreign id) so the same
   * key always gets the same id: the slug when free, else the slug plus a hash of the key.
   */
  named(key: string, readable: string, fallback = 'x'): string {
    const known = this.byToken.get(key);
    if (known !== undefined) return known;
    const base = slugify(readable, MAX_ID_LENGTH - HASH_LENGTH - 2) || fallback;
    let id = isSafeId(base) && !base.startsWith(RESERVED_PREFIX) && !this.taken.has(base) ? base : `${base}-${shortHash(key)}`;
    for (let salt = 1; this.taken.has(id) || !isSafeId(id); salt++) id = `${base}-${shortHash(`${key}#${salt}`)}`;
    this.byToken.set(key, id);
    this.taken.set(id, key);
    return id;
  }

  /** Claims an id given verbatim (a proxygraph id carried by the file); false when it is unsafe or already taken. */
  claim(key: string, id: string): boolean {
    if (!isSafeId(id) || this.taken.has(id)) return false;
    this.byToken.set(key, id);
    this.taken.set(id, key);
    return true;
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }
}
