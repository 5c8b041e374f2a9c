import { Args, Query, Resolver } from 'type-graphql';
import { searchMatches, type SearchMatch } from '../queries';
import { SearchArgs } from './filter.args';
import { GraphService } from './graph-service';
import { SearchMatchView } from './search-match.type';

@Resolver()
export class SearchResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => [SearchMatchView], {
    description: 'The results of search, in the same order, each with where it matched (name, which alias, description, event context) and how well.',
  })
  searchMatches(@Args() { text, kinds, limit }: SearchArgs): SearchMatch[] {
    return searchMatches(this.service.graph, text, kinds, limit);
  }
}
