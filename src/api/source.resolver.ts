import { Arg, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { InvalidInputError, type SourceRecord } from '../model';
import { getSource, sourceCitations, type SourceCitations } from '../queries';
import { versionsOf } from '../store';
import { GraphService } from './graph-service';
import { SourceCitationsView } from './source-citations.type';
import { SourceView } from './source.type';

const MAX_CITATIONS = 1000;

/** One source, its version, and what cites it. */
@Resolver(() => SourceView)
export class SourceResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => SourceView, { nullable: true, description: 'The source with this id; null when unknown.' })
  source(@Arg('id', () => ID) id: string): SourceRecord | null {
    return getSource(this.service.graph, id);
  }

  @FieldResolver(() => Int, { description: 'Goes up by one with every change; name it when you update or delete the source.' })
  version(@Root() source: SourceRecord): number {
    return versionsOf(this.service.graph).get('source', source.id);
  }

  @FieldResolver(() => SourceCitationsView, { description: 'The relationships whose evidence cites it and the entities whose dates name it (each list at most limit).' })
  citations(@Root() source: SourceRecord, @Arg('limit', () => Int, { defaultValue: 100, description: `1..${MAX_CITATIONS}` }) limit: number): SourceCitations {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CITATIONS) throw new InvalidInputError('limit', `must be an integer from 1 to ${MAX_CITATIONS}, got ${limit}`);
    return sourceCitations(this.service.graph, source.id, limit);
  }
}
