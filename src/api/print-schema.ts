import { lexicographicSortSchema, printSchema } from 'graphql';
import { KnowledgeGraph } from '../load';
import { createSchema } from './create-schema';

const HEADER = '# Generated from the type-graphql classes in src/api by `npm run schema`. Do not edit by hand.\n\n';

/** The SDL the code generates, sorted so that diffs are stable. */
export async function printGeneratedSchema(): Promise<string> {
  const schema = await createSchema(new KnowledgeGraph());
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}
