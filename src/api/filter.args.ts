import { ArgsType, Field, Float, ID, Int } from 'type-graphql';
import type { EntityKind, RelationType } from '../model';
import { DEFAULTS, MAX_RELATIONSHIPS_PER_ENTITY, type Direction } from '../queries';
import { DirectionEnum, EntityKindEnum, RelationTypeEnum } from './enums';

const PER_ENTITY = 'At most this many relationships followed from, and returned at, each entity (1..1000), the first in id order; the rest are counted in Subgraph.more and set truncated.';
const AS_OF = 'Show the network as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD); see the README for the exact rule.';

@ArgsType()
export class AsOfArgs {
  @Field(() => String, { nullable: true, description: AS_OF })
  asOf?: string | null;
}

@ArgsType()
export class RelationshipFilterArgs extends AsOfArgs {
  @Field(() => [RelationTypeEnum], { nullable: true, description: 'Only these relation types (all when omitted).' })
  types?: RelationType[] | null;

  @Field(() => DirectionEnum, { nullable: true, defaultValue: DEFAULTS.direction })
  direction?: Direction | null;
}

@ArgsType()
export class EntityRelationshipsArgs extends RelationshipFilterArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULTS.entityRelationships, description: 'At most this many, 0..500 (relationshipCounts and degree give the totals).' })
  first?: number | null;

  @Field(() => ID, { nullable: true, description: 'The id of the last relationship of the previous page: the page starts after it.' })
  after?: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULTS.first, description: 'Page size, 0..500.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class EntitiesArgs extends PageArgs {
  @Field(() => [EntityKindEnum], { nullable: true })
  kinds?: EntityKind[] | null;
}

@ArgsType()
export class RelationshipsArgs extends PageArgs {
  @Field(() => [RelationTypeEnum], { nullable: true })
  types?: RelationType[] | null;

  @Field(() => String, { nullable: true, description: AS_OF })
  asOf?: string | null;
}

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Words of a name or alias in any order; case, accents, apostrophes and small typos do not matter.' })
  text!: string;

  @Field(() => [EntityKindEnum], { nullable: true })
  kinds?: EntityKind[] | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULTS.searchLimit, description: '1..100.' })
  limit?: number | null;
}

@ArgsType()
export class NeighborhoodArgs extends RelationshipFilterArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULTS.depth, description: 'Hops from the entity, 1..4.' })
  depth?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULTS.neighborhoodLimit, description: 'At most this many entities (1..5000); past it, truncated is true.' })
  limit?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULTS.relationshipsPerEntity, description: PER_ENTITY })
  relationshipsPerEntity?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULTS.relationshipLimit, description: 'At most this many relationships in all (0..20000); past it, truncated is true.' })
  relationshipLimit?: number | null;

  @Field(() => Float, { nullable: true, description: 'Only relationships at least this confident (0..1).' })
  minConfidence?: number | null;
}

@ArgsType()
export class NetworkArgs extends AsOfArgs {
  @Field(() => Int, { nullable: true, defaultValue: MAX_RELATIONSHIPS_PER_ENTITY, description: PER_ENTITY })
  relationshipsPerEntity?: number | null;

  @Field(() => [EntityKindEnum], { nullable: true })
  kinds?: EntityKind[] | null;

  @Field(() => [RelationTypeEnum], { nullable: true })
  types?: RelationType[] | null;

  @Field(() => Float, { nullable: true, description: 'Only relationships at least this confident (0..1).' })
  minConfidence?: number | null;
}
