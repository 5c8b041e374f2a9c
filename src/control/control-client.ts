import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { controlSocketPath, type ControlRequest, type ControlResponse } from './control-protocol';

const TIMEOUT_MS = 30_000;

/**
 * Sends one request to the server running on the embedded store in `home`. Resolves with null when no server
 * listens there (no socket, or a socket left by a server that is gone): the caller then opens the store itself.
 */
export function askRunningServer(home: string, request: ControlRequest): Promise<ControlResponse | null> {
  const path = controlSocketPath(home);
  if (!existsSync(path)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let buffer = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error(`the server did not answer on ${path} within ${TIMEOUT_MS / 1000} s`)));
    socket.on('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => (buffer += chunk));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(buffer) as ControlResponse);
      } catch {
        reject(new Error(`the server answered on ${path} with something that is not JSON`));
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && (error.code === 'ECONNREFUSED' || error.code === 'ENOENT')) resolve(null);
      else if (!connected && error.code === 'EACCES') reject(new Error(`${path} belongs to another user: run the command as the user who runs the server`));
      else reject(error);
    });
  });
}
