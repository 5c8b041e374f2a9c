import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dataDirectory } from '../config';
import { decodeUtf8, INGEST_LIMITS, readReport, tooLarge, type ReportReading } from '../ingest';
import { loadGraph } from '../load';
import { DataValidationError, formatProblem, ProxygraphError } from '../model';
import type { CommandOutput } from './validate-command';

export const INGEST_USAGE = `usage: proxygraph ingest FILE --title T --published YYYY-MM-DD [--publisher P] [--url U] [--from DIR] [--json]
  reads an article (text or HTML, UTF-8, at most ${INGEST_LIMITS.maxBytes.toLocaleString('en')} bytes) against the known entities of DIR
  (default $PROXYGRAPH_DATA or graph/) and prints what it proposes; nothing is stored`;

const OPTIONS = new Set(['title', 'published', 'publisher', 'url', 'from']);

function parse(argv: readonly string[]): { file: string; options: Map<string, string>; json: boolean } | string {
  const options = new Map<string, string>();
  const files: string[] = [];
  let json = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--json') json = true;
    else if (argument.startsWith('--')) {
      const [name, inline] = argument.slice(2).split(/=(.*)/s, 2);
      if (!OPTIONS.has(name)) return `unknown option --${name}`;
      const value = inline ?? argv[++index];
      if (value === undefined) return `--${name} needs a value`;
      options.set(name, value);
    } else files.push(argument);
  }
  if (files.length !== 1) return 'give exactly one FILE';
  return { file: files[0], options, json };
}

/** Reads a file, refusing it before reading when it is over the limit. */
function readArticle(file: string): string {
  const descriptor = openSync(file, 'r');
  try {
    const { size } = fstatSync(descriptor);
    const bytes = Buffer.alloc(Math.min(size, INGEST_LIMITS.maxBytes + 1));
    const read = readSync(descriptor, bytes, 0, bytes.length, 0);
    if (size > INGEST_LIMITS.maxBytes) throw tooLarge(file, size);
    return decodeUtf8(bytes.subarray(0, read), file);
  } finally {
    closeSync(descriptor);
  }
}

function summary(reading: ReportReading): string[] {
  const lines = [`${reading.source.title} (${reading.source.published}): ${reading.paragraphs.length} paragraphs, ${reading.mentions.length} mentions, ${reading.newEntities.length} new entities, ${reading.proposals.length} proposals`];
  for (const note of reading.notes) lines.push(`note: ${note}`);
  for (const entity of reading.newEntities) lines.push(`new ${entity.kind} "${entity.name}" (${entity.id})${entity.flags.length ? ` [${entity.flags.join(', ')}]` : ''}: ${entity.reasons.join('; ')}`);
  for (const proposal of reading.proposals) {
    const end = (side: ReportReading['proposals'][number]['source']) => side.entity ?? `"${side.name}" (new)`;
    const dates = proposal.start || proposal.end ? ` ${proposal.start ?? ''}..${proposal.end ?? ''}` : '';
    const standing = proposal.status === 'ADDS_EVIDENCE' ? ` adds evidence to ${proposal.existing}` : proposal.status === 'CONFLICT' ? ` CONFLICTS with ${proposal.conflicts.join(', ')}` : '';
    const resolved = proposal.resolutions.length > 0 ? ` [${proposal.resolutions.join('; ')}]` : '';
    lines.push(`${proposal.id} ${proposal.type} ${end(proposal.source)} -> ${end(proposal.target)}${dates} (${proposal.confidence}, ${proposal.evidence.locator}, ${proposal.cue})${standing}${resolved}`);
  }
  return lines;
}

/** `proxygraph ingest FILE …`: what an article proposes, as JSON or a readable summary; nothing is stored. */
export function ingestCommand(argv: readonly string[], output: CommandOutput, env: NodeJS.ProcessEnv = process.env): number {
  const parsed = parse(argv);
  if (typeof parsed === 'string') {
    output.err(`proxygraph ingest: ${parsed}\n${INGEST_USAGE}`);
    return 2;
  }
  try {
    const text = readArticle(parsed.file);
    const graph = loadGraph(parsed.options.get('from') ?? dataDirectory(env));
    const reading = readReport(graph, {
      text,
      source: { title: parsed.options.get('title'), published: parsed.options.get('published'), publisher: parsed.options.get('publisher'), url: parsed.options.get('url') },
    });
    if (parsed.json) output.out(JSON.stringify(reading, null, 2));
    else for (const line of summary(reading)) output.out(line);
    return 0;
  } catch (error) {
    if (error instanceof DataValidationError) {
      for (const problem of error.problems) output.err(formatProblem(problem));
      return 1;
    }
    if (error instanceof ProxygraphError) {
      output.err(`proxygraph ingest: ${error.message}`);
      return 1;
    }
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'EACCES')) {
      output.err(`proxygraph ingest: cannot read ${parsed.file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
