import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, type KnowledgeGraph } from '../../../src/load';
import type { EntityRecord, RelationshipRecord } from '../../../src/model';

/** Reads the few GML files of test/fixtures/analysis (Newman's: nodes with id and label, edges with source and target). */

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'analysis');

interface GmlGraph {
  readonly nodes: { id: string; label?: string }[];
  readonly edges: { source: string; target: string }[];
}

export function readGml(name: string): GmlGraph {
  const tokens = readFileSync(join(FIXTURES, name), 'utf8').match(/"[^"]*"|\[|\]|[^\s[\]]+/g) ?? [];
  const nodes: GmlGraph['nodes'] = [];
  const edges: GmlGraph['edges'] = [];
  let block: Record<string, string> | null = null;
  let kind = '';
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === '[') depth++;
    else if (token === ']') {
      depth--;
      if (depth === 1 && block) {
        if (kind === 'node') nodes.push({ id: block.id, label: block.label });
        else if (kind === 'edge') edges.push({ source: block.source, target: block.target });
        block = null;
      }
    } else if (depth === 1 && (token === 'node' || token === 'edge')) {
      kind = token;
      block = {};
    } else if (depth === 2 && block && i + 1 < tokens.length && tokens[i + 1] !== '[') {
      block[token] = tokens[++i].replace(/^"|"$/g, '');
    }
  }
  return { nodes, edges };
}

/** The GML graph as a knowledge graph: organizations allied with each other, ids as in the file. */
export function gmlKnowledgeGraph(name: string): KnowledgeGraph {
  const gml = readGml(name);
  const entities: EntityRecord[] = gml.nodes.map((node) => ({ id: node.id, kind: 'ORGANIZATION', name: node.label ?? `Node ${node.id}`, aliases: [] }));
  const relationships: RelationshipRecord[] = gml.edges.map((edge, i) => ({ id: `e${i}`, type: 'ALLIED_WITH', source: edge.source, target: edge.target, evidence: [{ source: 'gml' }] }));
  return buildGraph({ sources: [{ id: 'gml', title: name }], entities, relationships });
}

export interface ReferenceMeasures {
  readonly nodes: number;
  readonly edges: number;
  readonly betweenness: Record<string, number>;
  readonly pagerank: Record<string, number>;
  readonly closeness: Record<string, number>;
  readonly degree: Record<string, number>;
  readonly subset: { sources: string[]; targets: string[]; values: Record<string, number> };
}

export interface Reference {
  readonly networkx: string;
  readonly karate: ReferenceMeasures & { louvainModularity: number };
  readonly lesmiserables: ReferenceMeasures;
  readonly lesmiserablesDirected: ReferenceMeasures;
}

export function reference(): Reference {
  return JSON.parse(readFileSync(join(FIXTURES, 'reference-values.json'), 'utf8')) as Reference;
}
