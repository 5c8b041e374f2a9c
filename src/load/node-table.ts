/**
 * Node ids by number, looked up without making a string: a worker of the dataset reader resolves the ends of millions
 * of relationships straight from the text of their lines (relationship-line-scan.ts). Open addressing over the ids
 * held as one string (one a line, '' for a number without a node, as DatasetStream.nodeTable writes them).
 */
export interface NodeLookup {
  /** How many node numbers the table covers: a reader knows by it whether the table is still whole. */
  readonly count: number;
  /** The number of node `id`, or -1. */
  find(id: string): number;
}

function hash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class NodeTable implements NodeLookup {
  /** Node n's id is ids[starts[n] .. starts[n + 1] - 1). */
  private readonly starts: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly ids: string,
    readonly count: number,
  ) {
    this.starts = new Int32Array(count + 1);
    let at = 0;
    for (let n = 0; n < count; n++) {
      this.starts[n] = at;
      const end = ids.indexOf('\n', at);
      at = (end < 0 ? ids.length : end) + 1;
    }
    this.starts[count] = at;
    let size = 16;
    while (size < 2 * count) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    for (let n = 0; n < count; n++) {
      const from = this.starts[n];
      const to = this.starts[n + 1] - 1;
      if (to === from) continue;
      let slot = hash(ids, from, to) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = n;
    }
  }

  /** The number of the node whose id is text[from .. to), or -1. */
  findRange(text: string, from: number, to: number): number {
    const length = to - from;
    if (length <= 0) return -1;
    const ids = this.ids;
    for (let slot = hash(text, from, to) & this.mask; ; slot = (slot + 1) & this.mask) {
      const n = this.slots[slot];
      if (n < 0) return -1;
      const start = this.starts[n];
      if (this.starts[n + 1] - 1 - start !== length) continue;
      let k = 0;
      while (k < length && ids.charCodeAt(start + k) === text.charCodeAt(from + k)) k++;
      if (k === length) return n;
    }
  }

  find(id: string): number {
    return this.findRange(id, 0, id.length);
  }
}
