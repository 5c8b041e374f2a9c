import type { Request } from 'autocannon';
import { parseEventStream } from '../../../client/event-stream';
import { ENTITY, SEARCH } from '../../../client/documents';
import { operation, type Tally } from './request-mix';

/** The secrets of the store server's tokens (store-server.ts). */
export interface Secrets {
  readonly admin: string;
  readonly editor: string;
  readonly reader: string;
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

function send(tally: Tally, body: string | (() => string), headers: Record<string, string> = {}, path = '/graphql', method: Request['method'] = 'POST'): Request {
  const all = { 'content-type': 'application/json', ...headers };
  return {
    method,
    path,
    headers: all,
    ...(typeof body === 'string' ? { body } : { setupRequest: (request: Request) => ({ ...request, body: body() }) }),
    onResponse: (status: number, responseBody: string) => tally.record(status, responseBody ?? ''),
  } as Request;
}

const ARTICLE = [
  'Militia report',
  'Kataib Hezbollah, which is backed by Iran, fired rockets at Camp Victory last month.',
  'Qais Khazali, the leader of Asaib Ahl al-Haq, threatened Israel.',
].join('\n\n');
const SOURCE = { title: 'Bench report', published: '2024-04-21', publisher: 'Bench Wire', url: 'https://example.org/bench' };
const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { id mentions { id entity flags } proposals { id } } }';
const CREATE = 'mutation($name: String!, $role: Role!) { createToken(name: $name, role: $role) { secret } }';
const REVOKE = 'mutation($name: String!) { revokeToken(name: $name) { name } }';

let sources = 0;

/**
 * Valid work on the surfaces of a store, as analysts cause it: reads, analysis queries, an article ingested by an
 * editor, a source created (which every open change stream is told), the tokens listed by the admin.
 */
export function storeValidMix(tally: Tally, secrets: Secrets): Request[] {
  const editor = bearer(secrets.editor);
  return [
    send(tally, operation(SEARCH, { text: 'hezbollah', limit: 10 })),
    send(tally, operation(ENTITY, { id: 'kataib-hezbollah' }), bearer(secrets.reader)),
    send(tally, JSON.stringify({ query: '{ metrics(limit: 20) { totalCount items { rank entity { id } } } }' })),
    send(tally, JSON.stringify({ query: '{ communities(limit: 10) { count communities { size members { id } } } }' })),
    send(tally, JSON.stringify({ query: '{ brokers(from: ["iran"], to: ["israel", "us-military"], limit: 10) { connectedPairs brokers { rank } } }' })),
    send(tally, JSON.stringify({ query: '{ changesBetween(from: "2019", to: "2024", limit: 50) { began { total } ended { total } } }' })),
    send(tally, operation(INGEST, { input: { text: ARTICLE, source: SOURCE } }), editor),
    send(tally, () => operation('mutation($input: SourceInput!) { createSource(input: $input) { id } }', { input: { id: `bench-source-${process.pid}-${sources++}`, title: 'Bench source' } }), editor),
    send(tally, JSON.stringify({ query: '{ tokens { name role } }' }), bearer(secrets.admin)),
  ];
}

/** Hostile requests at the surfaces of a store: each must be refused (a 4xx, or a 200 with the client's error). */
export function storeHostileMix(tally: Tally, secrets: Secrets): Request[] {
  const editor = bearer(secrets.editor);
  const reader = bearer(secrets.reader);
  const ingest = (input: Record<string, unknown>, headers: Record<string, string> = editor) => send(tally, operation(INGEST, { input }), headers);
  return [
    // Ingestion: hostile sources and text, and a reader or nobody trying it.
    ingest({ text: ARTICLE, source: { ...SOURCE, url: 'javascript:alert(document.cookie)' } }),
    ingest({ text: ARTICLE, source: { ...SOURCE, title: 'Militia\u0000report' } }),
    ingest({ text: 'PK\u0003\u0004\u0000\u0000 binary', source: SOURCE }),
    ingest({ text: 'Kataib Hezbollah fired rockets. '.repeat(12_000), source: SOURCE }),
    ingest({ text: ARTICLE, source: SOURCE }, reader),
    ingest({ text: ARTICLE, source: SOURCE }, {}),
    send(tally, operation('mutation($draft: ID!, $proposal: ID!) { acceptProposal(draft: $draft, proposal: $proposal) { relationship { id } } }', { draft: '../../etc/passwd', proposal: 'p1' }), editor),
    // Token mutations by non-admins, and hostile names from the admin.
    send(tally, operation(CREATE, { name: 'mallory', role: 'ADMIN' }), editor),
    send(tally, operation(CREATE, { name: 'mallory', role: 'ADMIN' })),
    send(tally, operation(REVOKE, { name: 'bench-admin' }), reader),
    send(tally, operation(CREATE, { name: 'eve\n{"level":30}', role: 'READER' }), bearer(secrets.admin)),
    send(tally, operation(CREATE, { name: 'a'.repeat(10_000), role: 'READER' }), bearer(secrets.admin)),
    send(tally, operation(REVOKE, { name: 'bench-admin' }), bearer(secrets.admin)),
    // Analysis past its maxima.
    send(tally, JSON.stringify({ query: '{ metrics(limit: 5001, samples: 100001) { totalCount } }' })),
    send(tally, JSON.stringify({ query: '{ communities(limit: 1000) { communities { members(limit: 5000) { id } } } }' })),
    send(tally, operation('query($from: [ID!]!) { brokers(from: $from, to: ["israel"]) { connectedPairs } }', { from: Array.from({ length: 2001 }, (_, i) => `ghost-${i}`) })),
    send(tally, JSON.stringify({ query: '{ changesBetween(from: "2024", to: "2019", limit: 5001) { from } }' })),
    // The change stream: wrong method, wrong credentials.
    send(tally, '{}', {}, '/events', 'POST'),
    send(tally, '', bearer('pxg_not-a-token'), '/events', 'GET'),
    send(tally, '', { authorization: 'Basic YWRhOmFkYQ==' }, '/events', 'GET'),
  ];
}

/** Open change streams for the length of a phase: how many opened, were told changes, and broke off early. */
export class StreamWatch {
  opened = 0;
  failed = 0;
  endedEarly = 0;
  changes = 0;
  private readonly controllers: AbortController[] = [];
  private closing = false;

  async open(origin: string, count: number, headers: Record<string, string> = {}): Promise<void> {
    await Promise.all(
      Array.from({ length: count }, async () => {
        const controller = new AbortController();
        this.controllers.push(controller);
        const response = await fetch(`${origin}/events`, { headers, signal: controller.signal }).catch(() => null);
        if (!response || response.status !== 200 || !response.body) {
          this.failed++;
          return;
        }
        this.opened++;
        void this.read(response.body);
      }),
    );
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseEventStream(buffer + decoder.decode(value, { stream: true }));
        buffer = parsed.rest;
        for (const event of parsed.events) if (event.event === 'changes') this.changes += (JSON.parse(event.data) as { changes: unknown[] }).changes.length;
      }
    } catch {
      // aborted by close()
    }
    if (!this.closing) this.endedEarly++;
  }

  close(): void {
    this.closing = true;
    for (const controller of this.controllers) controller.abort();
  }
}

export { bearer };
