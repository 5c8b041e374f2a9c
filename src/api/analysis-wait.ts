import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionNode, type SelectionSetNode } from 'graphql';
import type { PendingWork } from '../analysis';
import { StillComputingError } from '../model';
import type { ExecutionBudget } from './limits';

/** Time kept back from the request's budget so that the answer (an error saying how far along) still goes out within it. */
const MARGIN_MS = 100;

/**
 * Waits for background analysis (analysis/paced-work.ts) within the time the request has left. Past it the request
 * answers STILL_COMPUTING with the share done and a guess of when to ask again, and the computation goes on: the
 * same query a little later finds its result. Without a budget (no limit configured) it waits to the end.
 */
export async function waitForAnalysis(pending: PendingWork<unknown> | null, budget: ExecutionBudget | undefined): Promise<void> {
  if (!pending) return;
  if (!budget) {
    await pending;
    return;
  }
  const started = performance.now();
  const before = pending.progress();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, budget.remainingMs() - MARGIN_MS))));
  const outcome = await Promise.race([pending.then(() => 'done' as const), timeout]).finally(() => clearTimeout(timer));
  if (outcome === 'done') return;
  const progress = pending.progress();
  const perSecond = (progress - before) / Math.max(0.001, (performance.now() - started) / 1000);
  throw new StillComputingError(pending.what, progress, perSecond > 0 ? Math.max(1, Math.ceil((1 - progress) / perSecond)) : 5);
}

/** Whether the field's selection (fragments included, @include and @skip obeyed) asks, at any depth, for one of these fields. */
export function selectsAny(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>, names: readonly string[]): boolean {
  const seen = new Set<FragmentDefinitionNode>();
  const included = (node: SelectionNode) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (!included(selection)) return false;
      if (selection.kind === 'Field') return names.includes(selection.name.value) || visit(selection.selectionSet);
      if (selection.kind === 'InlineFragment') return visit(selection.selectionSet);
      const fragment = info.fragments[selection.name.value];
      if (!fragment || seen.has(fragment)) return false;
      seen.add(fragment);
      return visit(fragment.selectionSet);
    });
  return info.fieldNodes.some((node: FieldNode) => visit(node.selectionSet));
}
