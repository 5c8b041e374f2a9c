import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeOf, expectServes, type TestResponse, type TestServer } from '../http-harness';

/*
 * The hostile-input suite: one file per surface (queries, HTTP, data files, imports, input sizes, high degrees, rate
 * limits, ...). A surface adds a file with a table of cases, each a request and the exact refusal expected, and runs
 * it with `hostileCases`: every case checks the status, the code, the message, that nothing internal leaked, and that
 * the server still answers a normal query afterwards.
 */

export interface Refusal {
  readonly status: number;
  readonly code: string;
  /** A part of the first error's message. */
  readonly message?: string | RegExp;
}

/** A case: its name, how to send it (a response, or the raw text of one), and the refusal expected. */
export type HostileCase = readonly [name: string, send: (server: TestServer) => Promise<TestResponse | string>, refusal: Refusal];

export function escapeRegExp(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

export async function expectRefusal(server: TestServer, response: TestResponse, refusal: Refusal): Promise<void> {
  expect([response.status, codeOf(response)]).toEqual([refusal.status, refusal.code]);
  if (refusal.message) expect(response.body.errors[0].message).toMatch(typeof refusal.message === 'string' ? escapeRegExp(refusal.message) : refusal.message);
  expect(response.text).not.toMatch(/\/work\/|node_modules|\bat .+:\d+:\d+|root:/);
  await expectServes(server);
}

/** Runs a table of cases against the server `current()` gives (started in the file's beforeAll). */
export function hostileCases(current: () => TestServer, cases: readonly HostileCase[]): void {
  test.each(cases)('%s', async (_name, send, refusal) => {
    const server = current();
    const result = await send(server);
    await expectRefusal(server, typeof result === 'string' ? fromRaw(result) : result, refusal);
  });
}

export async function toResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export function fromRaw(raw: string): TestResponse {
  const split = raw.indexOf('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
  const text = raw.slice(split + 4);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status, headers: new Headers(), text, body };
}


/** The rows of every hostile table in this directory (lines starting a case), for the count below. */
export function countCases(): number {
  return readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.ts'))
    .reduce((total, file) => total + (readFileSync(join(__dirname, file), 'utf8').match(/^ {2,4}\[['"`]/gm) ?? []).length, 0);
}
