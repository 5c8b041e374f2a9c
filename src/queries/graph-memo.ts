import { onGraphChange, type KnowledgeGraph } from '../load';

/*
 * Answers derived from the whole graph under a filter (a filtered, sorted id list; stats as of a date), kept for the
 * next request with the same key and dropped whenever the graph announces a change. A few entries per graph: the
 * client asks the same few questions again and again, and a scan of a million relationships is not free.
 */

const MAX_ENTRIES = 32;
const memos = new WeakMap<KnowledgeGraph, Map<string, unknown>>();

export function memoized<T>(graph: KnowledgeGraph, key: string, compute: () => T): T {
  let memo = memos.get(graph);
  if (!memo) {
    const created = new Map<string, unknown>();
    memos.set(graph, (memo = created));
    onGraphChange(graph, () => created.clear());
  }
  if (memo.has(key)) {
    const value = memo.get(key) as T;
    // Most recently used last.
    memo.delete(key);
    memo.set(key, value);
    return value;
  }
  const value = compute();
  memo.set(key, value);
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
  return value;
}
