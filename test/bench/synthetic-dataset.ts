import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Dataset, EntityRecord, RelationshipRecord, RelationType } from '../../src/model';
import type { KnowledgeGraph } from '../../src/load';

/**
 * The benchmark's synthetic dataset: N organizations and 5N typed, dated relationships with a heavy-tailed degree
 * (half the targets drawn from a power law, so a few hubs have tens of thousands of relationships), from a seed.
 * Every record is valid (ORGANIZATION → ORGANIZATION types only) and cites one source.
 */

export const BENCH_SOURCE = { id: 'bench-source', title: 'Synthetic benchmark data' };

/** Share of each type among relationships: SPAN types and two EVENT types. */
const TYPE_MIX: readonly [RelationType, number][] = [
  ['BACKS', 0.22],
  ['ALLIED_WITH', 0.18],
  ['SUPPLIED', 0.12],
  ['OPPOSED', 0.12],
  ['PART_OF', 0.08],
  ['FRONT_FOR', 0.06],
  ['ATTACKED', 0.14],
  ['THREATENED', 0.08],
];
const EVENT_TYPES = new Set<RelationType>(['ATTACKED', 'THREATENED']);

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const entityId = (i: number, width: number) => `o${pad(i, width)}`;

export function syntheticDataset(entities: number, seed: number): Dataset {
  const random = seededRandom(seed);
  const width = String(entities).length;
  const evidence = [{ source: BENCH_SOURCE.id }];
  const entityRecords: EntityRecord[] = new Array(entities);
  const ids: string[] = new Array(entities);
  for (let i = 0; i < entities; i++) {
    ids[i] = entityId(i, width);
    const founded = random() < 0.1 ? { start: String(1980 + Math.floor(random() * 40)) } : {};
    entityRecords[i] = { id: ids[i], kind: 'ORGANIZATION', name: `Organization ${i}`, aliases: [], ...founded };
  }
  const m = entities * 5;
  const relationships: RelationshipRecord[] = new Array(m);
  const relationshipWidth = String(m).length;
  const cumulative: number[] = [];
  let sum = 0;
  for (const [, share] of TYPE_MIX) cumulative.push((sum += share));
  for (let j = 0; j < m; j++) {
    const source = Math.floor(random() * entities);
    let target = random() < 0.5 ? Math.floor(entities * random() ** 3) : Math.floor(random() * entities);
    if (target === source) target = (target + 1) % entities;
    const roll = random() * sum;
    let t = 0;
    while (cumulative[t] < roll) t++;
    const type = TYPE_MIX[t][0];
    let dates: { start?: string; end?: string } = {};
    if (EVENT_TYPES.has(type)) {
      const day = Math.floor(random() * 35 * 365);
      dates = { start: new Date(Date.UTC(1990, 0, 1) + day * 86_400_000).toISOString().slice(0, 10) };
    } else if (random() < 0.85) {
      const start = 1990 + Math.floor(random() * 31);
      dates = random() < 0.5 ? { start: String(start), end: String(start + Math.floor(random() * 15)) } : { start: String(start) };
    }
    const confidence = random() < 0.7 ? { confidence: Math.round((0.5 + random() * 0.5) * 100) / 100 } : {};
    const weight = random() < 0.3 ? { weight: 1 + Math.floor(random() * 9) } : {};
    relationships[j] = { id: `r${pad(j, relationshipWidth)}`, type, source: ids[source], target: ids[target], ...dates, ...confidence, ...weight, evidence };
  }
  return { sources: [BENCH_SOURCE], entities: entityRecords, relationships };
}

const CHUNK = 100_000;

async function writeLine(out: WriteStream, value: unknown): Promise<void> {
  if (!out.write(JSON.stringify(value) + '\n')) await once(out, 'drain');
}

async function finish(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/** The dataset as JSON lines: {"sources": [...]}, then {"entities": [...]} and {"relationships": [...]} chunks. */
export async function writeDatasetLines(dataset: Dataset, file: string): Promise<void> {
  const out = createWriteStream(file);
  await writeLine(out, { sources: dataset.sources });
  for (let i = 0; i < dataset.entities.length; i += CHUNK) await writeLine(out, { entities: dataset.entities.slice(i, i + CHUNK) });
  for (let i = 0; i < dataset.relationships.length; i += CHUNK) await writeLine(out, { relationships: dataset.relationships.slice(i, i + CHUNK) });
  await finish(out);
}

/**
 * Graphology's own serialization of the graph (graph.export() format), in chunks: one string cannot hold it at
 * this size (V8 strings stop at 2^29 characters), so each line is a partial export that graph.import(part, true) merges.
 */
export async function writeGraphologyLines(graph: KnowledgeGraph, file: string): Promise<void> {
  const out = createWriteStream(file);
  await writeLine(out, { options: { type: 'directed', multi: true, allowSelfLoops: true } });
  let nodes: unknown[] = [];
  for (const node of graph.nodeEntries()) {
    nodes.push({ key: node.node, attributes: node.attributes });
    if (nodes.length === CHUNK) {
      await writeLine(out, { nodes });
      nodes = [];
    }
  }
  if (nodes.length > 0) await writeLine(out, { nodes });
  let edges: unknown[] = [];
  for (const edge of graph.edgeEntries()) {
    edges.push({ key: edge.edge, source: edge.source, target: edge.target, attributes: edge.attributes });
    if (edges.length === CHUNK) {
      await writeLine(out, { edges });
      edges = [];
    }
  }
  if (edges.length > 0) await writeLine(out, { edges });
  await finish(out);
}

/** Reads a JSON-lines file, handing each parsed line to `take`. */
export async function readLines(file: string, take: (value: any) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line) take(JSON.parse(line));
}
