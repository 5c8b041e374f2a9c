import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { createToken } from '../../src/store';
import { logDisagreements } from './helpers/consistency';
import { BIN, ensureBuilt, startServer, stopServer, type ServerProcess } from './helpers/server-process';
import { declarePostgresPresence, freshStoreConfig, openTestStore, prepareHome, STORE_KINDS, type StoreKind, type TestStoreConfig } from './helpers/stores';

// A real server process (node dist/src/main.js) receives a stream of mutations and is killed with SIGKILL at random
// moments, again and again. After every restart each acknowledged mutation is there, and no mutation is half there:
// each step ends with a merge, which changes three records and adds a merge record in one transaction.

const ROUNDS: Record<StoreKind, number> = { embedded: 10, postgres: 6 };
const WORKERS = 2;
jest.setTimeout(600_000);
declarePostgresPresence('durability under SIGKILL');
beforeAll(() => ensureBuilt(), 300_000);

interface Step {
  readonly a: string;
  readonly b: string;
  readonly r: string;
  readonly acked: { a: boolean; b: boolean; r: boolean; merge: boolean };
}

const bName = (step: Step) => `Name of ${step.b}`;

async function runStep(server: ServerProcess, secret: string, step: Step): Promise<void> {
  const ops: [keyof Step['acked'], string, Record<string, unknown>][] = [
    ['a', 'mutation($i: EntityInput!) { createEntity(input: $i) { id } }', { i: { id: step.a, kind: 'ORGANIZATION', name: `Name of ${step.a}` } }],
    ['b', 'mutation($i: EntityInput!) { createEntity(input: $i) { id } }', { i: { id: step.b, kind: 'ORGANIZATION', name: bName(step) } }],
    ['r', 'mutation($i: RelationshipInput!) { createRelationship(input: $i) { id } }', { i: { id: step.r, type: 'LOCATED_AT', source: step.b, target: 'iraq', evidence: [{ source: 'article-2024-04-21' }] } }],
    ['merge', 'mutation($k: ID!, $m: ID!) { mergeEntities(keep: $k, merge: $m) { mergeId } }', { k: step.a, m: step.b }],
  ];
  for (const [op, query, variables] of ops) {
    const result = await server.gql(query, variables, secret);
    if (result.errors) throw new Error(`refused ${op} of ${step.a}: ${JSON.stringify(result.errors)}`);
    step.acked[op] = true;
  }
}

interface ServedState {
  readonly aliases: Map<string, string[]>;
  readonly sourceOf: Map<string, string>;
}

async function readState(server: ServerProcess): Promise<ServedState> {
  const aliases = new Map<string, string[]>();
  const sourceOf = new Map<string, string>();
  for (let after: string | null = null, more = true; more; ) {
    const { data }: { data?: any } = await server.gql(`query($after: String) { entities(first: 200, after: $after) { edges { node { id aliases } } pageInfo { hasNextPage endCursor } } }`, { after });
    for (const { node } of data.entities.edges) aliases.set(node.id, node.aliases);
    ({ hasNextPage: more, endCursor: after } = data.entities.pageInfo);
  }
  for (let after: string | null = null, more = true; more; ) {
    const { data }: { data?: any } = await server.gql(`query($after: String) { relationships(first: 200, after: $after) { edges { node { id source { id } } } pageInfo { hasNextPage endCursor } } }`, { after });
    for (const { node } of data.relationships.edges) sourceOf.set(node.id, node.source.id);
    ({ hasNextPage: more, endCursor: after } = data.relationships.pageInfo);
  }
  return { aliases, sourceOf };
}

/** What must hold of every step: acknowledged effects present, and each merge all there or not at all. */
function violations(state: ServedState, steps: readonly Step[]): string[] {
  const found: string[] = [];
  for (const step of steps) {
    const { acked } = step;
    if (acked.a && !state.aliases.has(step.a)) found.push(`${step.a}: acknowledged create is lost`);
    if (acked.r && !state.sourceOf.has(step.r)) found.push(`${step.r}: acknowledged create is lost`);
    if (!acked.b) continue;
    const parts = [!state.aliases.has(step.b), state.aliases.get(step.a)?.includes(bName(step)) === true, ...(state.sourceOf.has(step.r) ? [state.sourceOf.get(step.r) === step.a] : [])];
    const merged = parts.every(Boolean);
    if (!merged && parts.some(Boolean)) found.push(`${step.a}: merge half applied (${parts.join(', ')})`);
    if (acked.merge && !merged) found.push(`${step.a}: acknowledged merge is lost`);
    if (!merged && !state.aliases.has(step.b)) found.push(`${step.b}: acknowledged create is lost`);
  }
  return found;
}

describe.each(STORE_KINDS)('durability on the %s store', (kind) => {
  let test_: TestStoreConfig;
  let secret: string;
  beforeAll(async () => {
    test_ = await freshStoreConfig(kind);
    await prepareHome(test_);
    const store = await openTestStore(test_);
    secret = await createToken(store, 'durability', 'editor');
    await store.close();
  }, 120_000);
  afterAll(() => test_?.cleanup());

  test(`every acknowledged mutation survives ${ROUNDS[kind]} SIGKILLs, and none is half applied`, async () => {
    const steps: Step[] = [];
    let acknowledged = 0;
    for (let round = 0; round < ROUNDS[kind]; round++) {
      const server = await startServer(test_.env);
      expect(violations(await readState(server), steps)).toEqual([]);
      if (round === 0 && kind === 'embedded') {
        // A second process on a running embedded store is refused, not let in to corrupt it. (Token commands go
        // through the running server instead; export opens the store itself.)
        const target = `${test_.env.PROXYGRAPH_HOME}/export-refused`;
        const busy = await promisify(execFile)(process.execPath, [BIN, 'export', target], { env: { ...process.env, ...test_.env } }).catch((error: { code: number; stderr: string }) => error);
        expect(busy).toMatchObject({ code: 1, stderr: expect.stringMatching(/in use by process \d+/) });
        expect(existsSync(target)).toBe(false);
      }
      let next = 0;
      let killed = false;
      const worker = async () => {
        for (;;) {
          const id = `k${round}-${next++}`;
          const step: Step = { a: `${id}-a`, b: `${id}-b`, r: `${id}-r`, acked: { a: false, b: false, r: false, merge: false } };
          steps.push(step);
          try {
            await runStep(server, secret, step);
          } catch (error) {
            if (!killed) throw error;
            return; // killed: this step's last request may or may not have committed
          }
        }
      };
      const workers = Array.from({ length: WORKERS }, worker);
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 1000));
      killed = true;
      server.child.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      await Promise.all(workers);
      acknowledged = steps.reduce((sum, step) => sum + Object.values(step.acked).filter(Boolean).length, 0);
    }
    const server = await startServer(test_.env);
    const state = await readState(server);
    await stopServer(server);
    expect(violations(state, steps)).toEqual([]);
    // Every step started acknowledged something most of the time; the kills did land in the middle of steps.
    expect(acknowledged).toBeGreaterThan(ROUNDS[kind] * 2);
    expect(steps.some((step) => step.acked.b && !step.acked.merge)).toBe(true);
    const store = await openTestStore(test_);
    try {
      expect(await logDisagreements(store)).toEqual([]);
    } finally {
      await store.close();
    }
    process.stdout.write(`durability (${kind}): ${ROUNDS[kind]} SIGKILLs, ${steps.length} steps, ${acknowledged} acknowledged mutations, none lost or half applied\n`);
  });
});
