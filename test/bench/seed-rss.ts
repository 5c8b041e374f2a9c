import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The resident size of a server process after start: spawns it, waits for its "API at" line and two more seconds,
 * reads VmRSS from /proc, and stops it with SIGTERM.
 */
export async function serverRss(script: string, env: Record<string, string>): Promise<{ rssMb: number; startMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [script], { env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} did not start in 180 s:\n${output}`)), 180_000);
      const take = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('API at')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
    });
    const startMs = Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
    return { rssMb: Math.round(rssKb / 1024), startMs };
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}
