import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { endianness } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * A snapshot file: named sections of typed arrays and string lists, read back with no per-record parsing. Layout:
 * MAGIC (8 bytes), the header's byte length (u32 LE), the header (JSON: format, tag, sections with their kinds and
 * lengths, the SHA-256 of the body), then the body: the sections' bytes in order. A reader checks the magic, the
 * format, the tag and the file's size before reading the body, and the checksum after; any mismatch is a reason to
 * ignore the file, never a partly read graph.
 */

const MAGIC = Buffer.from('PXGSNAP\n', 'latin1');
/** Raise when the layout of the file or the meaning of a section changes: older files are then ignored. */
export const SNAPSHOT_FORMAT = 1;
/** Characters per text chunk: well under V8's longest string (2^29 − 24), so no list ever makes a string too long. */
const CHUNK_CHARS = 1 << 26;
const MAX_HEADER = 1 << 24;

export type SectionValue = Int32Array | Uint8Array | Float64Array | readonly string[];
type Kind = 'i32' | 'u8' | 'f64' | 'strings';

interface SectionHeader {
  readonly name: string;
  readonly kind: Kind;
  /** Elements (typed arrays: values; strings: strings). */
  readonly length: number;
  /** For strings: the UTF-8 bytes of each text chunk (the strings' lengths are the section `${name}#lengths`). */
  readonly chunks?: readonly number[];
}

interface Header {
  readonly format: number;
  /** The typed arrays are written as the machine holds them: read back only on a machine of the same byte order. */
  readonly endianness: 'LE' | 'BE';
  readonly tag: string;
  readonly sections: readonly SectionHeader[];
  readonly bodyBytes: number;
  readonly sha256: string;
}

/** Why a snapshot was not used (said in a log line). */
export class SnapshotIgnored extends Error {}

const kindOf = (value: SectionValue): Kind => (value instanceof Int32Array ? 'i32' : value instanceof Uint8Array ? 'u8' : value instanceof Float64Array ? 'f64' : 'strings');

const bytesOf = (array: Int32Array | Uint8Array | Float64Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** A string list as its lengths (UTF-16 units) and UTF-8 text chunks, each under CHUNK_CHARS, no string split between two. */
function encodeStrings(strings: readonly string[]): { lengths: Int32Array; chunks: Buffer[] } {
  const lengths = new Int32Array(strings.length);
  const chunks: Buffer[] = [];
  let from = 0;
  while (from < strings.length) {
    let chars = 0;
    let to = from;
    while (to < strings.length && (to === from || chars + strings[to].length <= CHUNK_CHARS)) {
      lengths[to] = strings[to].length;
      chars += strings[to++].length;
    }
    const text = strings.slice(from, to).join('');
    // A lone surrogate would come back as U+FFFD, of the same length: a different string. Refuse to write it.
    if (!(text as unknown as { isWellFormed(): boolean }).isWellFormed()) throw new Error('snapshot: a text holds a lone surrogate; not written');
    chunks.push(Buffer.from(text, 'utf8'));
    from = to;
  }
  return { lengths, chunks };
}

/**
 * Writes the sections to `path` atomically: a temporary file in the same directory, flushed, then renamed over `path`,
 * so a reader sees the old file or the new one, whole. Yields between sections (a large graph takes a few seconds).
 */
export async function writeSnapshotFile(path: string, tag: string, sections: Iterable<[string, SectionValue]>): Promise<number> {
  const headers: SectionHeader[] = [];
  const parts: Uint8Array[] = [];
  const hash = createHash('sha256');
  let bodyBytes = 0;
  const add = (bytes: Uint8Array) => {
    parts.push(bytes);
    hash.update(bytes);
    bodyBytes += bytes.byteLength;
  };
  for (const [name, value] of sections) {
    const kind = kindOf(value);
    if (kind === 'strings') {
      const encoded = encodeStrings(value as readonly string[]);
      headers.push({ name: `${name}#lengths`, kind: 'i32', length: encoded.lengths.length });
      add(bytesOf(encoded.lengths));
      headers.push({ name, kind, length: encoded.lengths.length, chunks: encoded.chunks.map((chunk) => chunk.byteLength) });
      for (const chunk of encoded.chunks) add(chunk);
    } else {
      const array = value as Int32Array | Uint8Array | Float64Array;
      headers.push({ name, kind, length: array.length });
      add(bytesOf(array));
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  const header: Header = { format: SNAPSHOT_FORMAT, endianness: endianness(), tag, sections: headers, bodyBytes, sha256: hash.digest('hex') };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const file = await open(temporary, 'w');
  try {
    for (const part of [MAGIC, length, headerBytes, ...parts]) await file.write(part);
    await file.sync();
    await file.close();
    await rename(temporary, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await removeAbandoned(path);
  return MAGIC.length + 4 + headerBytes.length + bodyBytes;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the temporary files of writes whose process is gone (killed while writing): they would never be renamed. */
async function removeAbandoned(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  for (const name of await readdir(dirname(path))) {
    const match = /^(\d+)-[0-9a-f]+\.tmp$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '');
    if (match && !isRunning(Number(match[1]))) await rm(join(dirname(path), name), { force: true });
  }
}

/** The tag of a snapshot file, from its header alone; null when there is no readable header. */
export function readSnapshotTag(path: string): string | null {
  try {
    const fd = openSync(path, 'r');
    try {
      return readHeader(fd).tag;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

function readExactly(fd: number, target: Uint8Array, position: number): void {
  let done = 0;
  while (done < target.byteLength) {
    const read = readSync(fd, target, done, target.byteLength - done, position + done);
    if (read === 0) throw new SnapshotIgnored('the file is truncated');
    done += read;
  }
}

function readHeader(fd: number): Header & { bodyStart: number } {
  const prefix = new Uint8Array(MAGIC.length + 4);
  readExactly(fd, prefix, 0);
  if (!Buffer.from(prefix.subarray(0, MAGIC.length)).equals(MAGIC)) throw new SnapshotIgnored('not a proxygraph snapshot');
  const headerLength = Buffer.from(prefix).readUInt32LE(MAGIC.length);
  if (headerLength > MAX_HEADER) throw new SnapshotIgnored('its header is damaged');
  const headerBytes = new Uint8Array(headerLength);
  readExactly(fd, headerBytes, prefix.length);
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(headerBytes).toString('utf8')) as Header;
  } catch {
    throw new SnapshotIgnored('its header is damaged');
  }
  return { ...header, bodyStart: prefix.length + headerLength };
}

/**
 * The sections of the snapshot at `path`, if it was written by this format for `tag`; throws SnapshotIgnored saying
 * why not (missing, another format, another tag, truncated, damaged).
 */
export function readSnapshotFile(path: string, tag: string): Map<string, SectionValue> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new SnapshotIgnored('there is none yet');
  }
  try {
    const header = readHeader(fd);
    if (header.format !== SNAPSHOT_FORMAT) throw new SnapshotIgnored(`it was written in snapshot format ${String(header.format)}, this proxygraph reads format ${SNAPSHOT_FORMAT}`);
    if (header.endianness !== endianness()) throw new SnapshotIgnored(`it was written on a machine of another byte order (${String(header.endianness)})`);
    if (header.tag !== tag) throw new SnapshotIgnored(`it is of another state (${String(header.tag)}; now ${tag})`);
    const size = fstatSync(fd).size;
    if (size !== header.bodyStart + header.bodyBytes) throw new SnapshotIgnored(`the file is ${size < header.bodyStart + header.bodyBytes ? 'truncated' : 'longer than its header says'}`);
    const width = { i32: 4, u8: 1, f64: 8, strings: 0 };
    const declared = header.sections.reduce((sum, section) => sum + section.length * width[section.kind] + (section.chunks ?? []).reduce((a, b) => a + b, 0), 0);
    if (declared !== header.bodyBytes) throw new SnapshotIgnored('its header is damaged');
    const hash = createHash('sha256');
    const sections = new Map<string, SectionValue>();
    let position = header.bodyStart;
    const take = (target: Uint8Array) => {
      readExactly(fd, target, position);
      hash.update(target);
      position += target.byteLength;
    };
    for (const section of header.sections) {
      if (section.kind === 'strings') {
        const lengths = sections.get(`${section.name}#lengths`) as Int32Array;
        sections.delete(`${section.name}#lengths`);
        const strings: string[] = new Array<string>(section.length);
        let next = 0;
        for (const byteLength of section.chunks ?? []) {
          const bytes = Buffer.allocUnsafe(byteLength);
          take(bytes);
          const text = bytes.toString('utf8');
          let at = 0;
          while (at < text.length && next < section.length) {
            if (lengths[next] < 0) throw new SnapshotIgnored('a text section is damaged');
            strings[next] = text.slice(at, at + lengths[next]);
            at += lengths[next++];
          }
          if (at !== text.length) throw new SnapshotIgnored('a text section is damaged');
        }
        if (next !== section.length) throw new SnapshotIgnored('a text section is damaged');
        sections.set(section.name, strings);
      } else {
        const Type = section.kind === 'i32' ? Int32Array : section.kind === 'u8' ? Uint8Array : Float64Array;
        const array = new Type(section.length);
        take(new Uint8Array(array.buffer));
        sections.set(section.name, array);
      }
    }
    if (hash.digest('hex') !== header.sha256) throw new SnapshotIgnored('its checksum does not match (the file is damaged)');
    return sections;
  } catch (error) {
    if (error instanceof SnapshotIgnored) throw error;
    throw new SnapshotIgnored(`it could not be read (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    closeSync(fd);
  }
}
