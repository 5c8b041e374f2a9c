import { GraphQLScalarType } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

/**
 * graphql-scalars' JSONObject, without its @specifiedBy link: the schema then reads the same in the generated file and
 * through introspection (whose default query leaves specifiedBy out).
 */
export const JSONObjectScalar = new GraphQLScalarType({ ...GraphQLJSONObject.toConfig(), specifiedByURL: undefined });
