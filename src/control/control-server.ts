import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../logger';
import { ProxygraphError } from '../model';
import type { Store } from '../store';
import { runControlCommand } from './control-commands';
import { controlSocketPath, MAX_SOCKET_PATH, type ControlRequest, type ControlResponse } from './control-protocol';

const MAX_REQUEST_BYTES = 16_384;
const IDLE_MS = 10_000;

function serve(socket: Socket, store: Store, logger: Logger): void {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.setTimeout(IDLE_MS, () => socket.destroy());
  const reply = (response: ControlResponse) => socket.end(`${JSON.stringify(response)}\n`);
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    if (buffer.length > MAX_REQUEST_BYTES) {
      reply({ ok: false, pid: process.pid, error: 'request too large' });
      return;
    }
    const newline = buffer.indexOf('\n');
    if (newline < 0) return;
    socket.pause();
    let request: ControlRequest;
    try {
      request = JSON.parse(buffer.slice(0, newline)) as ControlRequest;
    } catch {
      reply({ ok: false, pid: process.pid, error: 'the request is not JSON' });
      return;
    }
    runControlCommand(store, request).then(reply, (error: unknown) => {
      if (!(error instanceof ProxygraphError)) logger.error({ err: error, command: request.command }, 'control command failed');
      reply({ ok: false, pid: process.pid, error: error instanceof ProxygraphError ? error.message : 'internal error (see the server log)' });
    });
  });
  socket.on('error', () => socket.destroy());
}

export interface ControlServer {
  readonly path: string;
  close(): Promise<void>;
}

/**
 * Listens on PROXYGRAPH_HOME/proxygraph.sock (mode 0600) for the commands that need the embedded store while this
 * server holds it. Resolves with null, after a warning, when the socket cannot be made (a path too long for a Unix
 * socket, or a file system without sockets): the commands then say to stop the server.
 */
export async function startControlServer(home: string, store: Store, logger: Logger): Promise<ControlServer | null> {
  const path = controlSocketPath(home);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    logger.warn({ path }, 'PROXYGRAPH_HOME is too long a path for the control socket: `proxygraph token` will need the server stopped');
    return null;
  }
  // This process holds the store's lock, so a socket file left here is a killed server's.
  if (existsSync(path)) unlinkSync(path);
  const server: Server = createServer((socket) => serve(socket, store, logger));
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => resolve());
  });
  // The socket is created 0600, never open to others even for a moment. Node binds it within listen(), synchronously,
  // so the process-wide umask is changed only for that call.
  const previous = process.umask(0o177);
  try {
    server.listen(path);
  } finally {
    process.umask(previous);
  }
  try {
    await listening;
  } catch (error) {
    logger.warn({ err: error, path }, 'could not open the control socket: `proxygraph token` will need the server stopped');
    return null;
  }
  chmodSync(path, 0o600);
  server.unref();
  return {
    path,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }),
  };
}
