import { Field, ObjectType } from 'type-graphql';

@ObjectType('Attribute', { description: 'A free attribute of an entity or relationship; value is the JSON text of the stored value.' })
export class AttributeView {
  @Field()
  key!: string;

  @Field({ description: 'The value as JSON: "text" in quotes, numbers and booleans bare.' })
  value!: string;
}

export function attributeViews(attributes: Readonly<Record<string, string | number | boolean>> | undefined): AttributeView[] {
  return Object.entries(attributes ?? {}).map(([key, value]) => ({ key, value: JSON.stringify(value) }));
}

@ObjectType('Alias', { description: 'A name an entity is also known by, with its language when known.' })
export class AliasView {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag (ar, fa, en).' })
  lang?: string;
}
