import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EntityRecord, RelationshipRecord } from '../model';
import { versionOf } from '../store';
import { EntityView } from './entity.type';
import { GraphService } from './graph-service';
import { RelationshipView } from './relationship.type';

const DESCRIPTION = 'Goes up by one with every change; name it when you update, so that an edit made since you read is not overwritten.';

@Resolver(() => EntityView)
export class EntityVersionResolver {
  constructor(private readonly service: GraphService) {}

  @FieldResolver(() => Int, { description: DESCRIPTION })
  version(@Root() entity: EntityRecord): number {
    return versionOf(this.service.graph, entity.id);
  }
}

@Resolver(() => RelationshipView)
export class RelationshipVersionResolver {
  constructor(private readonly service: GraphService) {}

  @FieldResolver(() => Int, { description: DESCRIPTION })
  version(@Root() relationship: RelationshipRecord): number {
    return versionOf(this.service.graph, relationship.id);
  }
}
