import type { KnowledgeGraph } from '../load';

/** What resolvers are given: the knowledge graph they read. Built in one place (create-schema.ts) and injected. */
export class GraphService {
  constructor(readonly graph: KnowledgeGraph) {}
}
