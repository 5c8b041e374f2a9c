import { join } from 'node:path';
import { readReport, type Mention, type Proposal, type ReportReading } from '../../src/ingest';
import { loadGraph, type KnowledgeGraph } from '../../src/load';

export const SEED_GRAPH: KnowledgeGraph = loadGraph(join(__dirname, '..', '..', 'graph'));

/** Reads a text against the seed graph (or another graph), published on 2024-04-21 unless told otherwise. */
export function read(text: string, options: { published?: string; graph?: KnowledgeGraph } = {}): ReportReading {
  return readReport(options.graph ?? SEED_GRAPH, { text, source: { title: 'Test report', published: options.published ?? '2024-04-21' } });
}

export function mentionOf(reading: ReportReading, text: string): Mention | undefined {
  return reading.mentions.find((mention) => mention.text === text);
}

/** "TYPE source target" of each proposal, ends by entity id or by name when new. */
export function stated(reading: ReportReading): string[] {
  return reading.proposals.map((proposal: Proposal) => `${proposal.type} ${proposal.source.entity ?? proposal.source.name} ${proposal.target.entity ?? proposal.target.name}`);
}
