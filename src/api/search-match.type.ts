import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MATCH_QUALITIES, MATCH_QUALITY_DEFINITIONS, SEARCH_FIELD_DEFINITIONS, SEARCH_FIELDS, type MatchQuality, type SearchField, type SearchMatch } from '../queries';
import { EntityView } from './entity.type';

// Derived from the query layer's lists: one definition of where and how a search matched.
export const SearchFieldEnum = Object.fromEntries(SEARCH_FIELDS.map((field) => [field, field])) as { [K in SearchField]: K };
registerEnumType(SearchFieldEnum, {
  name: 'SearchField',
  description: 'Where a search result matched. Names and aliases rank before descriptions, descriptions before event places and dates.',
  valuesConfig: Object.fromEntries(SEARCH_FIELDS.map((field) => [field, { description: SEARCH_FIELD_DEFINITIONS[field] }])),
});

export const MatchQualityEnum = Object.fromEntries(MATCH_QUALITIES.map((quality) => [quality, quality])) as { [K in MatchQuality]: K };
registerEnumType(MatchQualityEnum, {
  name: 'MatchQuality',
  description: 'How well a search result matched, best first; case, accents and punctuation never matter.',
  valuesConfig: Object.fromEntries(MATCH_QUALITIES.map((quality) => [quality, { description: MATCH_QUALITY_DEFINITIONS[quality] }])),
});

@ObjectType('SearchMatch', { description: 'A search result and why it matched.' })
export class SearchMatchView implements Pick<SearchMatch, 'field' | 'text' | 'quality'> {
  @Field(() => EntityView)
  entity!: EntityView;

  @Field(() => SearchFieldEnum)
  field!: SearchField;

  @Field({ description: "The name or alias that matched (for ALIAS: which one), the description, or the event's places and date words that matched." })
  text!: string;

  @Field(() => MatchQualityEnum)
  quality!: MatchQuality;
}
