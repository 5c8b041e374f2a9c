import { createServer, type Socket } from 'node:net';
import { ProxygraphError } from '../model';

/** The server cannot listen where it was told to: says where, and how to choose another place. */
export class ListenError extends ProxygraphError {}

/** A clear error for a failure to listen on host:port; other errors pass unchanged. */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (code === 'EADDRINUSE') {
    return new ListenError(`port ${port} is already in use on ${host} (another proxygraph, or another program, listens on ${where}): stop it, or choose another port, for example PORT=${port === 65535 ? 4000 : port + 1} npm start`);
  }
  if (code === 'EACCES') return new ListenError(`not allowed to listen on ${where} (ports below 1024 need privileges): choose another port, for example PORT=4000 npm start`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new ListenError(`HOST=${host} is not an address of this machine: use HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every interface)`);
  return error;
}

export interface PortReservation {
  /** Frees the port, just before the server listens on it. */
  release(): Promise<void>;
}

/** What a client (a health probe, a browser) gets while the server is still starting: not ready, ask again shortly. */
const STARTING = 'HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: text/plain\r\nContent-Length: 24\r\nConnection: close\r\n\r\nproxygraph is starting\r\n';

/**
 * Takes host:port before anything else happens, so that a busy port stops the start before the store is opened or a
 * dataset imported. Port 0 (any free port) needs no reservation. Whoever connects meanwhile is answered 503 with
 * Retry-After and disconnected: a connection left open would hold the port (close() waits for it) and the start with it.
 */
export function reservePort(host: string, port: number): Promise<PortReservation> {
  if (port === 0) return Promise.resolve({ release: async () => undefined });
  return new Promise((resolve, reject) => {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      socket.end(STARTING);
    });
    server.once('error', (error) => reject(listenError(error, host, port)));
    server.listen({ host, port, exclusive: true }, () => {
      resolve({
        release: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}
