import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, print, astFromValue, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { printGeneratedSchema } from '../../src/api/print-schema';

test('schema/schema.graphql is what the type-graphql classes generate (run `npm run schema` when this fails)', async () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
  expect(committed).toBe(await printGeneratedSchema());
});

/** A field as one line: name(arg: Type = default, ...): Type, arguments in name order. */
function signature(field: GraphQLField<unknown, unknown>): string {
  const args = [...field.args]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((arg) => `${arg.name}: ${String(arg.type)}${arg.defaultValue !== undefined ? ` = ${print(astFromValue(arg.defaultValue, arg.type)!)}` : ''}`);
  return `${field.name}${args.length ? `(${args.join(', ')})` : ''}: ${String(field.type)}`;
}

test('the contract of the read API holds in the generated schema', async () => {
  const schema = buildSchema(await printGeneratedSchema());
  const fields = (type: string) => Object.values((schema.getType(type) as GraphQLObjectType).getFields()).map(signature);
  expect(fields('Query')).toEqual(
    expect.arrayContaining([
      'entity(id: ID!): Entity',
      'search(kinds: [EntityKind!], limit: Int = 10, text: String!): [Entity!]!',
      'entities(after: String, first: Int = 50, kinds: [EntityKind!]): EntityConnection!',
      'relationships(after: String, asOf: String, first: Int = 50, types: [RelationType!]): RelationshipConnection!',
      'neighborhood(asOf: String, depth: Int = 1, direction: Direction = BOTH, id: ID!, limit: Int = 200, minConfidence: Float, relationshipLimit: Int = 1000, relationshipsPerEntity: Int = 100, types: [RelationType!]): Subgraph!',
      'network(asOf: String, kinds: [EntityKind!], minConfidence: Float, relationshipsPerEntity: Int = 1000, types: [RelationType!]): Subgraph!',
      'sources: [Source!]!',
      'stats(asOf: String): Stats!',
    ]),
  );
  expect(fields('Entity')).toEqual(
    expect.arrayContaining([
      'id: ID!',
      'kind: EntityKind!',
      'name: String!',
      'aliases: [String!]!',
      'description: String',
      'start: String',
      'end: String',
      'relationships(after: ID, asOf: String, direction: Direction = BOTH, first: Int = 100, types: [RelationType!]): [Relationship!]!',
      'relationshipCounts(asOf: String, direction: Direction = BOTH, types: [RelationType!]): [TypeCount!]!',
      'degree(asOf: String, direction: Direction = BOTH, types: [RelationType!]): Int!',
    ]),
  );
  expect(fields('Relationship')).toEqual(
    expect.arrayContaining(['id: ID!', 'type: RelationType!', 'source: Entity!', 'target: Entity!', 'start: String', 'end: String', 'confidence: Float', 'disputed: Boolean!', 'evidence: [Evidence!]!']),
  );
  expect(fields('Evidence')).toEqual(expect.arrayContaining(['source: Source!', 'locator: String', 'note: String']));
  expect(fields('Source')).toEqual(expect.arrayContaining(['id: ID!', 'title: String!', 'published: String', 'publisher: String', 'url: String']));
  expect(fields('Subgraph')).toEqual(expect.arrayContaining(['nodes: [Entity!]!', 'edges: [Relationship!]!', 'truncated: Boolean!', 'more: [OmittedRelationships!]!']));
  expect(fields('OmittedRelationships').sort()).toEqual(['count: Int!', 'entity: ID!', 'type: RelationType!']);
  expect(fields('Stats')).toEqual(
    expect.arrayContaining(['entities: Int!', 'relationships: Int!', 'byKind: [KindCount!]!', 'byType: [TypeCount!]!', 'earliest: String', 'latest: String']),
  );
  expect(fields('EntityConnection')).toEqual(expect.arrayContaining(['edges: [EntityEdge!]!', 'pageInfo: PageInfo!', 'totalCount: Int!']));
  expect(fields('PageInfo')).toEqual(expect.arrayContaining(['hasNextPage: Boolean!', 'endCursor: String']));
});
