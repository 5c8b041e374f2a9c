/** Settings of the API server, read from the environment in one place. */
export interface ServerOptions {
  readonly host: string;
  readonly port: number;
  /** Development: introspection, the IDE and stack traces in errors are on. */
  readonly development: boolean;
  readonly introspection: boolean;
  readonly ide: boolean;
  readonly allowBatchedHttpRequests: boolean;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new Error(`${name}=${value}: must be an integer from ${min} to ${max}`);
  return parsed;
}

export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const development = env.NODE_ENV !== 'production';
  return {
    host: env.HOST || '127.0.0.1',
    port: integer('PORT', env.PORT, 4000, 0, 65535),
    development,
    introspection: flag(env.PROXYGRAPH_INTROSPECTION, true),
    ide: flag(env.PROXYGRAPH_IDE, true),
    allowBatchedHttpRequests: flag(env.PROXYGRAPH_BATCHING, false),
    maxBodyBytes: integer('PROXYGRAPH_MAX_BODY_BYTES', env.PROXYGRAPH_MAX_BODY_BYTES, 1_000_000, 1_000, 100_000_000),
  };
}
