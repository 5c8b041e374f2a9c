import { Field, Int, ObjectType } from 'type-graphql';
import type { DateField, EntityRecord, RelationshipRecord } from '../model';
import type { DateCitation, RelationshipCitation, SourceCitations } from '../queries';
import { EntityView } from './entity.type';
import { RelationshipView } from './relationship.type';

@ObjectType('RelationshipCitation', { description: 'A relationship whose evidence cites the source.' })
export class RelationshipCitationView implements RelationshipCitation {
  @Field(() => RelationshipView)
  relationship!: RelationshipRecord;

  @Field(() => Int, { description: 'How many pieces of its evidence cite the source.' })
  pieces!: number;

  @Field({ description: 'Every piece of its evidence cites the source: deleting the source is refused until it has other evidence.' })
  onlySource!: boolean;
}

@ObjectType('DateCitation', { description: 'An entity whose dates name the source (attributes start_source, end_source).' })
export class DateCitationView implements DateCitation {
  @Field(() => EntityView)
  entity!: EntityRecord;

  @Field(() => [String], { description: 'Which dates: start, end.' })
  dates!: DateField[];
}

@ObjectType('SourceCitations', { description: 'What cites a source: what deleteSource(cascade: true) would change.' })
export class SourceCitationsView implements SourceCitations {
  @Field(() => Int, { description: 'Relationships whose evidence cites it.' })
  relationshipCount!: number;

  @Field(() => Int, { description: 'Pieces of evidence citing it.' })
  evidenceCount!: number;

  @Field(() => Int, { description: 'Entities whose dates name it.' })
  entityCount!: number;

  @Field(() => [RelationshipCitationView], { description: 'In id order, at most limit.' })
  relationships!: RelationshipCitation[];

  @Field(() => [DateCitationView], { description: 'In id order, at most limit.' })
  entities!: DateCitation[];
}
