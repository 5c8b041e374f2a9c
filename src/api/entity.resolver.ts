import { Arg, Args, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { EntityRecord } from '../model';
import { degreeOf, entityById, listEntities, relationshipCountsOf, relationshipsOf, searchEntities } from '../queries';
import { AliasView, AttributeView, attributeViews } from './attribute.type';
import { EntitiesArgs, EntityRelationshipsArgs, RelationshipFilterArgs, SearchArgs } from './filter.args';
import { TypeCountView } from './graph.types';
import { EntityConnectionView, toConnection } from './connection.type';
import { EntityView } from './entity.type';
import { GraphService } from './graph-service';
import { RelationshipView } from './relationship.type';

@Resolver(() => EntityView)
export class EntityResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => EntityView, { nullable: true, description: 'The entity with this id; null when unknown. An id that is not a slug is BAD_USER_INPUT (to find an entity by name, use search).' })
  entity(@Arg('id', () => ID) id: string): EntityRecord | null {
    return entityById(this.service.graph, id);
  }

  @Query(() => [EntityView], {
    description:
      'Entities whose name or aliases match, best first: exact, then prefix, then every word, then spelling variants; entities found only by their description or (events) their places and dates come after every name or alias match. A query naming an attack (attack, strike, bombing, explosion, …) puts events first. searchMatches says why each matched.',
  })
  search(@Args() { text, kinds, limit }: SearchArgs): EntityRecord[] {
    return searchEntities(this.service.graph, text, kinds, limit);
  }

  @Query(() => EntityConnectionView, { description: 'All entities in id order, a page at a time.' })
  entities(@Args() args: EntitiesArgs) {
    return toConnection(listEntities(this.service.graph, args));
  }

  @FieldResolver(() => [String], { description: 'Other names: acronyms, transliterations, names in other scripts.' })
  aliases(@Root() entity: EntityRecord): string[] {
    return entity.aliases.map((alias) => alias.name);
  }

  @FieldResolver(() => [AliasView], { description: 'The aliases with their language tags.' })
  aliasDetails(@Root() entity: EntityRecord): AliasView[] {
    return [...entity.aliases];
  }

  @FieldResolver(() => [AttributeView])
  attributes(@Root() entity: EntityRecord): AttributeView[] {
    return attributeViews(entity.attributes);
  }

  @FieldResolver(() => [RelationshipView], { description: "A page of the entity's relationships under the filters, in id order (first, after)." })
  relationships(@Root() entity: EntityRecord, @Args() args: EntityRelationshipsArgs) {
    return relationshipsOf(this.service.graph, entity.id, args.direction, args);
  }

  @FieldResolver(() => [TypeCountView], { description: 'How many relationships of each type the entity has under the filters (types with none left out).' })
  relationshipCounts(@Root() entity: EntityRecord, @Args() args: RelationshipFilterArgs) {
    return relationshipCountsOf(this.service.graph, entity.id, args.direction, args);
  }

  @FieldResolver(() => Int, { description: 'How many relationships the entity has under the filters.' })
  degree(@Root() entity: EntityRecord, @Args() args: RelationshipFilterArgs): number {
    return degreeOf(this.service.graph, entity.id, args.direction, args);
  }
}
