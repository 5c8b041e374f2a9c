import type { KnowledgeGraph } from '../load';
import type { GraphEditor } from '../store';

/**
 * What resolvers are given: the knowledge graph they read, and the editor that changes it through the store (null
 * when the server serves files without a store). Built in one place (create-schema.ts) and injected.
 */
export class GraphService {
  constructor(
    readonly graph: KnowledgeGraph,
    readonly editor: GraphEditor | null = null,
  ) {}
}
