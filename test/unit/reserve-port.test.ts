import { connect, createServer } from 'node:net';
import { reservePort } from '../../src/startup/reserve-port';

/** A free port on the loopback, found by listening on port 0 and closing. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('the port reserved while the server starts', () => {
  test('answers a request meanwhile with 503 and Retry-After, and is then free for the server', async () => {
    const port = await freePort();
    const reservation = await reservePort('127.0.0.1', port);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.text()).toBe('proxygraph is starting\r\n');
    await reservation.release();
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen({ host: '127.0.0.1', port }, resolve));
    await new Promise((resolve) => server.close(resolve));
  });

  test('a client that connects and never reads nor closes does not hold the release (and the start) back', async () => {
    const port = await freePort();
    const reservation = await reservePort('127.0.0.1', port);
    const socket = connect(port, '127.0.0.1');
    socket.pause();
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    // Give the server's side time to accept it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const released = await Promise.race([reservation.release().then(() => 'released'), new Promise((resolve) => setTimeout(() => resolve('held'), 5000))]);
    expect(released).toBe('released');
    socket.destroy();
  });

  test('a busy port is refused with the way out', async () => {
    const port = await freePort();
    const holder = await reservePort('127.0.0.1', port);
    await expect(reservePort('127.0.0.1', port)).rejects.toThrow(`port ${port} is already in use on 127.0.0.1`);
    await holder.release();
  });
});
