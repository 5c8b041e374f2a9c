import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout; LOG_LEVEL sets the level (silent in tests unless asked). */
export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  const level = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
  return pino({ level, base: { service: 'proxygraph' } });
}
