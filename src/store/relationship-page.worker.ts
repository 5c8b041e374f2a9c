import { parentPort } from 'node:worker_threads';
import { packRelationshipPage, pageBuffers } from './relationship-page';

/**
 * A worker of relationship-pages.ts: told the graph's node numbers once, then sent pages of the relationships table as
 * COPY bytes, it cuts, reads and encodes each (relationship-page.ts) and sends back its columns, in order. A page with
 * a bad row comes back as that row's error.
 */
export type PageRequest = { readonly nodeKeys: readonly (string | undefined)[] } | { readonly bytes: Uint8Array };

let numbers = new Map<string, number>();
const decoder = new TextDecoder();

parentPort?.on('message', (request: PageRequest) => {
  if ('nodeKeys' in request) {
    numbers = new Map();
    request.nodeKeys.forEach((key, number) => key !== undefined && numbers.set(key, number));
    return;
  }
  try {
    const page = packRelationshipPage(decoder.decode(request.bytes), numbers);
    parentPort!.postMessage({ page }, pageBuffers(page));
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
