import { analysisSnapshot, betweenness, estimateFromPivots, isPending, MAX_BACKGROUND, runInBackground, runNow, type Work } from '../../src/analysis';
import { StillComputingError } from '../../src/model';
import { announceGraphChange, graphRebuilt } from '../../src/load';
import { ringGraph } from '../api/support/ring-graph';

/** Counts to `units`, yielding after each, and records the order in which computations ran. */
function* counting(name: string, units: number, log: string[]): Work<string> {
  for (let i = 1; i <= units; i++) {
    log.push(name);
    yield i / units;
  }
  return name;
}

describe('background computations in slices', () => {
  test('run one at a time, first come first served, with the event loop turning between slices', async () => {
    const log: string[] = [];
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    // Units of about 1 ms: a slice (5 ms) holds a few of them, never all.
    const slow = function* (name: string, units: number): Work<string> {
      for (let i = 1; i <= units; i++) {
        const until = performance.now() + 1;
        while (performance.now() < until);
        log.push(name);
        yield i / units;
      }
      return name;
    };
    const first = runInBackground('first', slow('a', 60), () => null);
    const second = runInBackground('second', slow('b', 60), () => null);
    expect(first.progress()).toBe(0);
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    clearInterval(timer);
    expect(log).toEqual([...Array(60).fill('a'), ...Array(60).fill('b')]);
    expect([first.progress(), second.progress()]).toEqual([1, 1]);
    expect(turns).toBeGreaterThan(5);
  });

  test('stop with the reason once their result would be stale', async () => {
    const log: string[] = [];
    let stale: Error | null = null;
    const pending = runInBackground('stopped', counting('c', 1_000_000, log), () => stale);
    await new Promise((resolve) => setImmediate(resolve));
    stale = new Error('the graph changed');
    await expect(pending).rejects.toThrow('the graph changed');
    expect(log.length).toBeGreaterThan(0);
    expect(log.length).toBeLessThan(1_000_000);
  });

  test('a failing computation rejects, and the lane goes on with the next', async () => {
    const failing = (function* (): Work<never> {
      yield 0.5;
      throw new Error('broken');
    })();
    const failed = runInBackground('failing', failing, () => null);
    const next = runInBackground('next', counting('d', 3, []), () => null);
    await expect(failed).rejects.toThrow('broken');
    await expect(next).resolves.toBe('d');
    expect(runNow(counting('e', 2, []))).toBe('e');
  });

  test('at most MAX_BACKGROUND at once: one more is refused with STILL_COMPUTING, and finds room once they are done', async () => {
    const running = Array.from({ length: MAX_BACKGROUND }, (_, i) => runInBackground(`job ${i}`, counting(`j${i}`, 50, []), () => null));
    expect(() => runInBackground('one too many', counting('x', 1, []), () => null)).toThrow(StillComputingError);
    expect(() => runInBackground('one too many', counting('x', 1, []), () => null)).toThrow(`one too many waits: ${MAX_BACKGROUND} other computations are under way or queued`);
    await Promise.all(running);
    await expect(runInBackground('now there is room', counting('y', 1, []), () => null)).resolves.toBe('y');
  });

  test('a snapshot shares one computation among callers, keeps its result, and drops it when the graph changes', async () => {
    const graph = ringGraph(300);
    const snapshot = analysisSnapshot(graph, {});
    const pending = snapshot.betweennessSoon(300);
    expect(isPending(pending)).toBe(true);
    expect(snapshot.betweennessSoon(300)).toBe(pending);
    const value = await pending;
    expect(snapshot.betweennessSoon(300)).toBe(value);
    expect(snapshot.betweenness(300)).toBe(value);
    const exact = estimateFromPivots(snapshot.analysis, Uint32Array.from({ length: 300 }, (_, i) => i));
    expect(Array.from(value.values)).toEqual(Array.from(exact.values));
    expect(Array.from(betweenness(snapshot.analysis, 300).closeness)).toEqual(Array.from(exact.closeness));

    const other = analysisSnapshot(graph, { asOf: '2010' });
    const stopped = other.betweennessSoon(300);
    announceGraphChange(graph, graphRebuilt());
    await expect(stopped).rejects.toThrow('the graph changed while its measures were being computed; ask again');
    expect(analysisSnapshot(graph, { asOf: '2010' })).not.toBe(other);
  });
});
