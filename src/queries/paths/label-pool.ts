/**
 * The labels of a label-setting search, struct-of-arrays in growable typed arrays, reused across searches. A label
 * is a walk from the search's start: where it ends, its last hop and the label it extends, its hops, cost and the
 * earliest time it can be at its end, and its key: the cost plus a lower bound of the cost still to go (A*), or the
 * cost alone.
 */
export class LabelPool {
  size = 0;
  node = new Int32Array(1024);
  edge = new Int32Array(1024);
  parent = new Int32Array(1024);
  hops = new Int32Array(1024);
  cost = new Float64Array(1024);
  key = new Float64Array(1024);
  time = new Int32Array(1024);
  /**
   * 0 for a label. A cursor over a hub's relationships sorted by cost (hub-lists.ts) is a label too — the one it would
   * add next: its edge, parent, hops and cost are that label's — with aux = 1 + (position << 1 | list).
   */
  aux = new Int32Array(1024);
  /** The next settled label at the same entity (a linked list per entity), -1 at the end. */
  nextSettled = new Int32Array(1024);

  reset(): void {
    this.size = 0;
  }

  add(node: number, edge: number, parent: number, hops: number, cost: number, time: number, key = cost): number {
    if (this.size === this.node.length) this.grow();
    const label = this.size++;
    this.node[label] = node;
    this.edge[label] = edge;
    this.parent[label] = parent;
    this.hops[label] = hops;
    this.cost[label] = cost;
    this.key[label] = key;
    this.time[label] = time;
    this.aux[label] = 0;
    this.nextSettled[label] = -1;
    return label;
  }

  /**
   * Whether label a leaves the heap before label b: lower key, then the order of paths — lower cost, then fewer hops,
   * then the smaller sequence of relationship ids (edge numbers), compared from the start. Labels of one search share
   * their start, so with equal hops both chains meet at a common ancestor; the last difference seen walking back is
   * the first one. At one entity the bound is the same for every label, so there labels leave in the order of paths.
   */
  before(a: number, b: number): boolean {
    const ka = this.key[a];
    const kb = this.key[b];
    if (ka !== kb) return ka < kb;
    const ca = this.cost[a];
    const cb = this.cost[b];
    if (ca !== cb) return ca < cb;
    const ha = this.hops[a];
    const hb = this.hops[b];
    if (ha !== hb) return ha < hb;
    let difference = 0;
    while (a !== b) {
      const ea = this.edge[a];
      const eb = this.edge[b];
      if (ea !== eb) difference = ea - eb;
      a = this.parent[a];
      b = this.parent[b];
    }
    return difference < 0;
  }

  private grow(): void {
    const capacity = this.node.length * 2;
    const widen = <T extends Int32Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const wider = make(capacity);
      wider.set(array);
      return wider;
    };
    this.node = widen(this.node, (n) => new Int32Array(n));
    this.edge = widen(this.edge, (n) => new Int32Array(n));
    this.parent = widen(this.parent, (n) => new Int32Array(n));
    this.hops = widen(this.hops, (n) => new Int32Array(n));
    this.cost = widen(this.cost, (n) => new Float64Array(n));
    this.key = widen(this.key, (n) => new Float64Array(n));
    this.time = widen(this.time, (n) => new Int32Array(n));
    this.aux = widen(this.aux, (n) => new Int32Array(n));
    this.nextSettled = widen(this.nextSettled, (n) => new Int32Array(n));
  }
}

/** A binary min-heap of labels in the pool's path order. */
export class LabelHeap {
  private items = new Int32Array(1024);
  size = 0;

  constructor(private readonly pool: LabelPool) {}

  reset(): void {
    this.size = 0;
  }

  push(label: number): void {
    if (this.size === this.items.length) {
      const wider = new Int32Array(this.items.length * 2);
      wider.set(this.items);
      this.items = wider;
    }
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.pool.before(label, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = label;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items[--this.size];
    const n = this.size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.pool.before(items[child + 1], items[child])) child++;
      if (!this.pool.before(items[child], last)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = last;
    return top;
  }
}
