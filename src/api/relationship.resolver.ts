import { Arg, Args, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ruleFor, type EntityRecord, type RelationshipRecord } from '../model';
import { getRelationship, getSource, listRelationships } from '../queries';
import { AttributeView, attributeViews } from './attribute.type';
import { RelationshipConnectionView, toConnection } from './connection.type';
import { EntityView } from './entity.type';
import { TemporalityEnum } from './enums';
import { EvidenceView } from './evidence.type';
import { RelationshipsArgs } from './filter.args';
import { GraphService } from './graph-service';
import { RelationshipView } from './relationship.type';

@Resolver(() => RelationshipView)
export class RelationshipResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => RelationshipView, { nullable: true, description: 'The relationship with this id; null when unknown.' })
  relationship(@Arg('id', () => ID) id: string): RelationshipRecord | null {
    return getRelationship(this.service.graph, id);
  }

  @Query(() => RelationshipConnectionView, { description: 'All relationships in id order, a page at a time.' })
  relationships(@Args() args: RelationshipsArgs) {
    return toConnection(listRelationships(this.service.graph, args));
  }

  @FieldResolver(() => EntityView)
  source(@Root() relationship: RelationshipRecord): EntityRecord {
    return this.service.graph.getNodeAttributes(relationship.source).record;
  }

  @FieldResolver(() => EntityView)
  target(@Root() relationship: RelationshipRecord): EntityRecord {
    return this.service.graph.getNodeAttributes(relationship.target).record;
  }

  @FieldResolver(() => Boolean, { description: 'True when the claim contradicts well-established fact; the evidence says why.' })
  disputed(@Root() relationship: RelationshipRecord): boolean {
    return relationship.disputed === true;
  }

  @FieldResolver(() => TemporalityEnum, { description: 'Whether this type holds over a span or happens at a time.' })
  temporality(@Root() relationship: RelationshipRecord): 'SPAN' | 'EVENT' {
    return ruleFor(relationship.type).temporality;
  }

  @FieldResolver(() => [EvidenceView])
  evidence(@Root() relationship: RelationshipRecord): EvidenceView[] {
    return relationship.evidence.map((item) => ({
      source: getSource(this.service.graph, item.source)!,
      locator: item.locator,
      note: item.note,
      stance: item.stance ?? 'SUPPORTS',
    }));
  }

  @FieldResolver(() => [AttributeView])
  attributes(@Root() relationship: RelationshipRecord): AttributeView[] {
    return attributeViews(relationship.attributes);
  }
}
