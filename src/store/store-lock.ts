import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { ProxygraphError } from '../model';

/** The embedded store is open in another process: one process at a time may open it. */
export class StoreBusyError extends ProxygraphError {}

/** True while a process runs (or is a zombie its parent has not reaped yet). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds. A lock naming this process's pid but not held here is stale: a previous process with the same pid (a container's PID 1) was killed. */
const heldHere = new Set<string>();

/** A lock file with no pid in it younger than this may be one being written by hand or by an older version: busy. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

/**
 * Creates `file` holding `text`, atomically: written under a name of its own, then hard-linked into place, which fails
 * when the file exists. Nobody ever sees the lock file empty or half written.
 */
function createWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  writeFileSync(temporary, text, { flag: 'wx' });
  try {
    linkSync(temporary, file);
  } finally {
    unlinkSync(temporary);
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/**
 * Takes the lock file of an embedded store, so that a second process (a second server, or `proxygraph import` while
 * the server runs) is refused instead of corrupting the database. A lock left by a process that no longer runs (killed)
 * is taken over; one without a pid is taken over only once it is old. Returns the function that releases it.
 */
export function lockStore(file: string, directory: string): () => void {
  if (heldHere.has(file)) throw new StoreBusyError(`the embedded store in ${directory} is already open in this process`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createWhole(file, `${process.pid}\n`);
      heldHere.add(file);
      return () => {
        heldHere.delete(file);
        try {
          if (Number(readFileSync(file, 'utf8')) === process.pid) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      } catch {
        // removed meanwhile: try again
      }
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new StoreBusyError(
          `the embedded store in ${directory} is in use by process ${owner} (a running proxygraph server?); stop it first, or run servers and commands against a shared PostgreSQL with DATABASE_URL`,
        );
      }
      if (!Number.isInteger(owner) && ageMs(file) < UNREADABLE_LOCK_GRACE_MS) {
        throw new StoreBusyError(`the embedded store in ${directory} is being opened by another process (its lock file ${file} names no process yet); try again, or remove the file if no proxygraph runs`);
      }
      try {
        unlinkSync(file); // a stale lock of a process that is gone
      } catch {
        // someone else removed it first
      }
    }
  }
  throw new StoreBusyError(`could not lock the embedded store in ${directory} (${file})`);
}
