import { Field, ID, ObjectType } from 'type-graphql';
import type { SourceRecord } from '../model';

@ObjectType('Source', { description: 'A report that evidence cites.' })
export class SourceView implements SourceRecord {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'A descriptive title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Publication date (partial ISO date).' })
  published?: string;

  @Field(() => String, { nullable: true })
  publisher?: string;

  @Field(() => String, { nullable: true })
  url?: string;
}
