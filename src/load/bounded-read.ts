import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/*
 * Reading files whose size nobody vouches for. The size a file reports is not trusted (/dev/zero, a FIFO, /proc
 * files and a file still being written all report something else than what reading gives): only regular files are
 * read, and reading stops one byte past the limit.
 */

/** The limits on what is read, each with the environment variable that sets it. */
export interface InputLimits {
  /** Largest dataset file (YAML) read, in bytes. */
  readonly maxFileBytes: number;
  /** Largest file an import reads whole (CSV, JSON, GEXF, GraphML, STIX), in bytes. */
  readonly maxImportBytes: number;
  /** Longest line of a line-based import (edge lists), in bytes. */
  readonly maxLineBytes: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxFileBytes: 256 * 1024 * 1024,
  // Parsing keeps several copies of a document (text, tree, records): 64 MiB of GEXF or STIX already takes gigabytes.
  maxImportBytes: 64 * 1024 * 1024,
  maxLineBytes: 1024 * 1024,
};

export const INPUT_LIMIT_VARIABLES: Readonly<Record<keyof InputLimits, string>> = {
  maxFileBytes: 'PROXYGRAPH_MAX_FILE_BYTES',
  maxImportBytes: 'PROXYGRAPH_MAX_IMPORT_BYTES',
  maxLineBytes: 'PROXYGRAPH_MAX_LINE_BYTES',
};

/** Each limit from its variable, else its default. */
export function inputLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): InputLimits {
  const limit = (name: keyof InputLimits) => {
    const text = env[INPUT_LIMIT_VARIABLES[name]];
    if (text === undefined || text === '') return DEFAULT_INPUT_LIMITS[name];
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${INPUT_LIMIT_VARIABLES[name]}=${text}: must be a number of bytes (a positive integer)`);
    return value;
  };
  return { maxFileBytes: limit('maxFileBytes'), maxImportBytes: limit('maxImportBytes'), maxLineBytes: limit('maxLineBytes') };
}

/** Why a file was not read: a problem code, a message and how to get past it. */
export interface ReadRefusal {
  readonly code: 'FILE_NOT_REGULAR' | 'FILE_TOO_LARGE' | 'FILE_MISSING';
  readonly message: string;
  readonly hint: string;
}

/** The refusal of a file past a limit, naming the limit and its variable. */
export function tooLarge(limit: keyof InputLimits, bytes: number, what = 'the file'): ReadRefusal {
  return {
    code: 'FILE_TOO_LARGE',
    message: `${what} has more than ${bytes} bytes, the most that are read`,
    hint: `raise ${INPUT_LIMIT_VARIABLES[limit]} (now ${bytes}) if the machine has the memory for it, or split the input`,
  };
}

export const NOT_REGULAR: ReadRefusal = {
  code: 'FILE_NOT_REGULAR',
  message: 'not a regular file (a device, FIFO or socket can be endless)',
  hint: 'give a file on disk; copy the input into one first',
};

/** Opens a file for reading; refuses anything but a regular file (symlinks are followed). */
export function openRegularFile(path: string): { fd?: number; size?: number; refusal?: ReadRefusal } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { refusal: { code: 'FILE_MISSING', message: code === 'ENOENT' ? 'the file does not exist' : `cannot read the file (${code})`, hint: 'check the path' } };
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    return { refusal: NOT_REGULAR };
  }
  return { fd, size: stats.size };
}

/** Reads a regular file whole, stopping one byte past `maxBytes` (limit: which limit that is, for the message). */
export function readFileBounded(path: string, maxBytes: number, limit: keyof InputLimits): { bytes?: Buffer; refusal?: ReadRefusal } {
  const { fd, size, refusal } = openRegularFile(path);
  if (fd === undefined) return { refusal };
  try {
    // A size over the limit is believed at once; a size under it is not (the file may grow while it is read).
    if (size! > maxBytes) return { refusal: tooLarge(limit, maxBytes) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return { refusal: tooLarge(limit, maxBytes) };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } finally {
    closeSync(fd);
  }
}
