import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';

/** What test/helpers/process-probe.js reports of a process. */
export interface ProbeReport {
  readonly modules: readonly string[];
  readonly memory: NodeJS.MemoryUsage;
  readonly heapSpaces: Record<string, number>;
  readonly rssKb: number;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly startMs: number;
  rssMb(): number;
  /** Asks the probe (started with `probe`) for its report. */
  probe(): Promise<ProbeReport>;
  stop(): Promise<void>;
}

/** Starts a server script in a fresh process and resolves once it prints its "API at" line. */
export async function startServerProcess(script: string, env: Record<string, string>, probe?: { script: string; file: string }): Promise<ServerProcess> {
  const started = performance.now();
  const args = probe ? ['--require', probe.script, script] : [script];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...(probe && { PROXYGRAPH_PROBE_FILE: probe.file }), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} did not start in 180 s:\n${output}`)), 180_000);
      const take = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /API at (http:\/\/[^\s,]+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
    });
    const startMs = Math.round(performance.now() - started);
    return {
      child,
      url,
      startMs,
      rssMb: () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024),
      async probe() {
        if (!probe) throw new Error('started without a probe');
        rmSync(probe.file, { force: true });
        child.kill('SIGUSR2');
        for (let waited = 0; !existsSync(probe.file); waited += 20) {
          if (waited > 10_000) throw new Error(`the probe of ${script} wrote nothing`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return JSON.parse(readFileSync(probe.file, 'utf8')) as ProbeReport;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The resident size of a server process after start: spawns it, waits for its "API at" line and two more seconds,
 * reads VmRSS from /proc, and stops it with SIGTERM.
 */
export async function serverRss(script: string, env: Record<string, string>): Promise<{ rssMb: number; startMs: number }> {
  const server = await startServerProcess(script, env);
  try {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return { rssMb: server.rssMb(), startMs: server.startMs };
  } finally {
    await server.stop();
  }
}

/** Creates a token through the CLI (which reaches a running server on the embedded store through its control socket). */
export async function createTokenWithCli(bin: string, home: string, role: 'editor' | 'admin' | 'reader'): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [bin, 'token', 'create', '--name', `bench-${role}-${Date.now()}`, '--role', role], { env: { ...process.env, PROXYGRAPH_HOME: home } });
  return stdout.trim().split('\n')[0];
}
