import { Field, ID, InputType } from 'type-graphql';
import type { SourceRecord } from '../model';

/** The fields a new source and a source's patch share (one definition; never a type of its own in the schema). */
@InputType('SourceOptionalFields')
abstract class SourceOptionalFields {
  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Partial ISO date.' })
  published?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) address.' })
  url?: string | null;
}

@InputType('SourceInput', { description: 'A new source, checked by the same rules as a record of sources.yaml.' })
export class SourceInput extends SourceOptionalFields implements Pick<SourceRecord, 'id' | 'title'> {
  @Field(() => ID, { description: 'A lowercase slug, unique among sources.' })
  id!: string;

  @Field()
  title!: string;
}

@InputType('SourcePatch', { description: 'The fields of a source to change: a field left out stays as it is, null clears it. The id cannot change.' })
export class SourcePatch extends SourceOptionalFields {
  @Field(() => String, { nullable: true })
  title?: string | null;
}
