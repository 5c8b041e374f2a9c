import { JSONObjectScalar } from './mutation-scalars';
import { Field, ID, InputType } from 'type-graphql';
import type { Alias, EntityKind, EntityRecord } from '../model';
import { EntityKindEnum } from './enums';

@InputType('AliasInput', { description: 'A name the entity is also known by, with its BCP 47 language tag when known.' })
export class AliasInput implements Alias {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  lang?: string;
}

const ATTRIBUTES = 'Free attributes: a JSON object of names (a letter, then letters, digits, _) to text, numbers or booleans.';

@InputType('EntityInput', { description: 'A new entity, checked by the same rules as a record of entities.yaml.' })
export class EntityInput implements Pick<EntityRecord, 'id' | 'kind' | 'name'> {
  @Field(() => ID, { description: 'A lowercase slug (a-z, 0-9, -), unique among entities and relationships.' })
  id!: string;

  @Field(() => EntityKindEnum)
  kind!: EntityKind;

  @Field()
  name!: string;

  @Field(() => [AliasInput], { nullable: true })
  aliases?: AliasInput[] | null;

  @Field(() => String, { nullable: true, description: 'In our own words.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Partial ISO date: founded, born, or when the event happened.' })
  start?: string | null;

  @Field(() => String, { nullable: true, description: 'Partial ISO date: dissolved, died, or when the event ended.' })
  end?: string | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: ATTRIBUTES })
  attributes?: Record<string, unknown> | null;
}

@InputType('EntityPatch', { description: 'The fields of an entity to change: a field left out stays as it is, null clears it.' })
export class EntityPatch {
  @Field(() => EntityKindEnum, { nullable: true, description: 'A new kind must still suit every relationship of the entity.' })
  kind?: EntityKind | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [AliasInput], { nullable: true, description: 'Replaces all aliases.' })
  aliases?: AliasInput[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  start?: string | null;

  @Field(() => String, { nullable: true })
  end?: string | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: `Replaces all attributes. ${ATTRIBUTES}` })
  attributes?: Record<string, unknown> | null;
}

/**
 * The fields of an input object as a plain record for validation: nested inputs become plain objects and fields the
 * caller left out are dropped (null, which clears a field in a patch, is kept).
 */
export function fieldsOf(input: object): Record<string, unknown> {
  const plain = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(plain);
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      const result: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(value)) {
        if (field !== undefined) Object.defineProperty(result, key, { value: plain(field), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    return value;
  };
  return plain(input) as Record<string, unknown>;
}
