import type { Request } from 'autocannon';
import { ENTITY, NEIGHBORHOOD, NETWORK, PATHS, SEARCH } from '../../../client/documents';

/**
 * What came back on one autocannon instance. Every request of an instance has the same expectation (a clean 200, or
 * a 4xx refusal), so responses are judged per instance: autocannon's per-request onResponse hook can be called for a
 * neighbouring request of the list, so it is not used to tell requests apart. Refusals are counted by their code.
 */
export class Tally {
  readonly byOutcome = new Map<string, number>();
  /** Responses that broke the expectation (a valid request that was not a clean 200, a hostile one that was not a 4xx). */
  unexpected = 0;
  readonly samples: string[] = [];

  /** ok: a clean 200; refused: a 4xx; limited: a clean 200 within the rate limit or a 429 past it. */
  constructor(readonly expect: 'ok' | 'refused' | 'limited') {}

  record(status: number, body: string): void {
    const clean = status === 200 && !body.includes('"errors"');
    const ok = this.expect === 'ok' ? clean : this.expect === 'limited' ? clean || status === 429 : status >= 400 && status < 500;
    const outcome = `${status} ${/"code":"(\w+)"/.exec(body)?.[1] ?? (status === 200 ? 'OK' : '?')}`;
    this.byOutcome.set(outcome, (this.byOutcome.get(outcome) ?? 0) + 1);
    if (!ok) {
      this.unexpected++;
      if (this.samples.length < 5) this.samples.push(`${status} ${body.slice(0, 200)}`);
    }
  }

  count(predicate: (status: number) => boolean): number {
    let total = 0;
    for (const [outcome, count] of this.byOutcome) if (predicate(Number(outcome.slice(0, 3)))) total += count;
    return total;
  }

  summary(): string {
    return [...this.byOutcome.entries()].map(([outcome, count]) => `${outcome} ×${count}`).join(', ');
  }
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function graphql(tally: Tally, body: string, address?: string | (() => string)): Request {
  return {
    method: 'POST',
    path: '/graphql',
    // The servers trust X-Forwarded-For (PROXYGRAPH_TRUST_PROXY), so one load generator can stand for many readers.
    headers: typeof address === 'string' ? { ...JSON_HEADERS, 'x-forwarded-for': address } : JSON_HEADERS,
    ...(typeof address === 'function' && { setupRequest: (request: Request) => ({ ...request, headers: { ...JSON_HEADERS, 'x-forwarded-for': address() } }) }),
    body,
    onResponse: (status: number, responseBody: string) => tally.record(status, responseBody ?? ''),
  } as Request;
}

const operation = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/** Entities the read mix visits: the busiest and some quiet ones of the seed dataset. */
const ENTITIES = ['iran-backed-militias-in-iraq', 'iraq', 'iran', 'israel', 'us-military', 'kataib-hezbollah', 'hezbollah', 'popular-mobilization-units'];
const SEARCHES = ['hezbollah', 'kataib', 'Hashd al-Shaabi', 'iran', 'muhandis', 'soleimani', 'badr', 'tower 22'];
const PAIRS = [
  ['kataib-hezbollah', 'israel'],
  ['hezbollah', 'iraq'],
  ['iran', 'us-military'],
];

/**
 * The realistic read mix, in the proportions a reader of the client causes: searches as they type, an entity panel,
 * neighbourhoods of depth 1 and 2, and paths (when the server has them) — the client's own documents.
 */
export function readMix(tally: Tally, withPaths: boolean): Request[] {
  const requests: Request[] = [];
  // Each request sent from the next of READERS addresses: the paths of the mix stay within each reader's rate limit.
  let sent = 0;
  const reader = () => () => {
    const n = sent++ % READERS;
    return `10.0.${n >> 8}.${n & 255}`;
  };
  for (let i = 0; i < ENTITIES.length; i++) {
    const id = ENTITIES[i];
    requests.push(graphql(tally, operation(SEARCH, { text: SEARCHES[i], limit: 10 }), reader()));
    requests.push(graphql(tally, operation(SEARCH, { text: SEARCHES[(i + 3) % SEARCHES.length].slice(0, 4), limit: 10 }), reader()));
    requests.push(graphql(tally, operation(ENTITY, { id }), reader()));
    requests.push(graphql(tally, operation(NEIGHBORHOOD, { id, depth: i % 2 === 0 ? 1 : 2 }), reader()));
    if (withPaths) {
      const [from, to] = PAIRS[i % PAIRS.length];
      requests.push(graphql(tally, operation(PATHS, { from, to, k: 3 }), reader()));
    }
  }
  return requests;
}

/** How many readers the read mix stands for (distinct X-Forwarded-For addresses). */
export const READERS = 2000;

/**
 * One address asking for paths as fast as it can, 20 at a time (aliases): past its rate limit every request is 429,
 * and the readers of the read mix must not notice.
 */
export function floodMix(tally: Tally): Request[] {
  const query = `{ ${Array.from({ length: 20 }, (_, i) => `p${i}: shortestPath(from: "kataib-hezbollah", to: "israel") { length }`).join(' ')} }`;
  return [graphql(tally, JSON.stringify({ query }), '203.0.113.66')];
}

/** The read mix at the high-degree entity of hub-server.ts, and around it. */
export function hubMix(tally: Tally): Request[] {
  const requests: Request[] = [];
  for (let i = 0; i < 8; i++) {
    const member = `member-${i * 97}`;
    requests.push(graphql(tally, operation(SEARCH, { text: i % 2 === 0 ? 'hub' : `member ${i * 97}`, limit: 10 })));
    requests.push(graphql(tally, operation(ENTITY, { id: i % 2 === 0 ? 'hub' : member, ...(i % 4 === 1 && { asOf: '2010' }) })));
    requests.push(graphql(tally, operation(NEIGHBORHOOD, { id: 'hub', depth: i % 2 === 0 ? 1 : 2, ...(i % 4 === 3 && { asOf: '2015' }) })));
    requests.push(graphql(tally, operation(NEIGHBORHOOD, { id: member, depth: 1 })));
    requests.push(graphql(tally, operation(PATHS, { from: member, to: `member-${(i * 97 + 1) % 1000}`, k: 3 })));
  }
  return requests;
}

function nested(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level++) selection = `relationships { target { ${selection} } }`;
  return selection;
}

function fragmentBomb(levels: number): string {
  let fragments = 'fragment F0 on Entity { id name }\n';
  for (let i = 1; i <= levels; i++) fragments += `fragment F${i} on Entity { ...F${i - 1} a${i}: relationships { target { ...F${i - 1} } } }\n`;
  return `{ entity(id: "iran") { ...F${levels} } }\n${fragments}`;
}

/** Hostile requests, each of which must be refused with a 4xx before any resolver runs. */
export function hostileMix(tally: Tally, maxBodyBytes: number): Request[] {
  return [
    // The 1.3 KB document that killed a plain Apollo Server: a neighbour field nested 25 times.
    graphql(tally, JSON.stringify({ query: `{ entity(id: "iran") { ${nested(25)} } }` })),
    // 1,000 aliases of a deep field (7 MB from a plain Apollo Server).
    graphql(tally, JSON.stringify({ query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: neighborhood(id: "iran", depth: 4) { nodes { id } }`).join(' ')} }` })),
    graphql(tally, JSON.stringify({ query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: entity(id: "iran") { id name }`).join(' ')} }` })),
    graphql(tally, JSON.stringify({ query: '{ neighborhood(id: "iran", depth: 4, limit: 5000) { nodes { id relationships { id target { id } } } } }' })),
    graphql(tally, JSON.stringify({ query: fragmentBomb(30) })),
    graphql(tally, JSON.stringify({ query: `{ stats { ${'entities @include(if: true) '.repeat(40)} } }` })),
    graphql(tally, '{"query": "{ stats { entities } }",'),
    graphql(tally, JSON.stringify({ query: '{ stats { entities } }', pad: 'x'.repeat(maxBodyBytes) })),
  ];
}

/** One heavy but allowed query: the whole network with every field, as the client draws it. */
export function heavyMix(tally: Tally): Request[] {
  return [graphql(tally, operation(NETWORK, {}))];
}
