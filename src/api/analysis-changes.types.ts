import { Field, Int, ObjectType } from 'type-graphql';
import type { ChangeKind, Interval, TimelineBucket } from '../model';
import { ChangeKindEnum, IntervalEnum } from './analysis.enums';
import { EntityView } from './entity.type';
import { RelationshipView } from './relationship.type';

@ObjectType('RelationshipChange', { description: 'A relationship that began or ended between two dates; its evidence is on the relationship.' })
export class RelationshipChangeView {
  @Field(() => RelationshipView)
  relationship!: RelationshipView;

  @Field(() => ChangeKindEnum)
  change!: ChangeKind;

  @Field(() => String, { nullable: true, description: 'The recorded date of the change: the relationship\'s start or end, or via\'s.' })
  date!: string | null;

  @Field(() => EntityView, { nullable: true, description: 'The end entity whose own dates made the difference, when the relationship\'s dates did not.' })
  via!: EntityView | null;
}

@ObjectType('EntityChange', { description: 'An entity that appeared or disappeared between two dates.' })
export class EntityChangeView {
  @Field(() => EntityView)
  entity!: EntityView;

  @Field(() => ChangeKindEnum)
  change!: ChangeKind;

  @Field(() => String, { nullable: true, description: 'Its start (appeared) or end (disappeared).' })
  date!: string | null;
}

@ObjectType('RelationshipChangeList')
export class RelationshipChangeListView {
  @Field(() => Int, { description: 'All of them, before the limit.' })
  total!: number;

  @Field(() => [RelationshipChangeView], { description: 'By date, then id.' })
  items!: RelationshipChangeView[];
}

@ObjectType('EntityChangeList')
export class EntityChangeListView {
  @Field(() => Int, { description: 'All of them, before the limit.' })
  total!: number;

  @Field(() => [EntityChangeView], { description: 'By date, then id.' })
  items!: EntityChangeView[];
}

@ObjectType('Changes', { description: 'The network as of `from` against the network as of `to`, under the same filters.' })
export class ChangesView {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => RelationshipChangeListView, { description: 'In the network as of to, not as of from.' })
  began!: RelationshipChangeListView;

  @Field(() => RelationshipChangeListView, { description: 'In the network as of from, not as of to.' })
  ended!: RelationshipChangeListView;

  @Field(() => RelationshipChangeListView, { description: 'Began and ended strictly between the two dates.' })
  beganAndEnded!: RelationshipChangeListView;

  @Field(() => EntityChangeListView)
  appeared!: EntityChangeListView;

  @Field(() => EntityChangeListView)
  disappeared!: EntityChangeListView;

  @Field(() => EntityChangeListView)
  appearedAndDisappeared!: EntityChangeListView;
}

@ObjectType('TimelineBucket')
export class TimelineBucketView implements TimelineBucket {
  @Field({ description: 'The bucket as a partial date: 2020, 2020-01 or 2020-01-03.' })
  label!: string;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  start!: string;

  @Field({ description: 'Last day (YYYY-MM-DD).' })
  end!: string;

  @Field(() => Int, { description: 'Dated events (EVENT entities) on a day in the bucket.' })
  events!: number;

  @Field(() => Int, { description: 'Relationships that start in the bucket.' })
  starts!: number;

  @Field(() => Int, { description: 'SPAN relationships that end in the bucket.' })
  ends!: number;

  @Field(() => Int, { description: 'Of those, dates less precise than the bucket, counted at its first day (e.g. "2014" in monthly buckets).' })
  imprecise!: number;
}

@ObjectType('Timeline', { description: 'A histogram of dated events and relationship starts and ends under the filters.' })
export class TimelineView {
  @Field(() => IntervalEnum)
  interval!: Interval;

  @Field(() => [TimelineBucketView], { description: 'Every bucket from the first dated item to the last, empty ones included.' })
  buckets!: TimelineBucketView[];

  @Field(() => Int)
  events!: number;

  @Field(() => Int)
  starts!: number;

  @Field(() => Int)
  ends!: number;

  @Field(() => Int, { description: 'Relationships under the filters with no start date.' })
  undatedRelationships!: number;
}
