import type { ProposalEdit, ReviewDraft, ReviewProposal } from '../ingest-api';
import { clear, h } from './dom';

export interface ProposalActions {
  readonly relationTypes: readonly string[];
  accept(proposal: ReviewProposal, edit: ProposalEdit | null): void;
  reject(proposal: ReviewProposal): void;
  /** A proposal took the focus: show its evidence in the text. */
  focus(proposal: ReviewProposal): void;
}

const STATUS: Record<ReviewProposal['status'], string> = { NEW: 'new', ADDS_EVIDENCE: 'adds evidence', CONFLICT: 'conflict' };

function endText(end: ReviewProposal['source']): string {
  return end.entity ? end.name : `${end.name} (not linked)`;
}

/** The edit form of a proposal: type, ends, dates and confidence; Enter accepts, Escape cancels. */
function editForm(proposal: ReviewProposal, actions: ProposalActions, close: () => void): HTMLElement {
  const type = h('select', { 'aria-label': 'Relation type' }, ...actions.relationTypes.map((value) => h('option', { value, selected: value === proposal.type }, value)));
  const field = (label: string, value: string) => {
    const input = h('input', { type: 'text', value, 'aria-label': label, placeholder: label });
    return { input, element: h('label', { className: 'edit-field' }, label, input) };
  };
  const source = field('Source id', proposal.source.entity ?? '');
  const target = field('Target id', proposal.target.entity ?? '');
  const start = field('Start', proposal.start ?? '');
  const end = field('End', proposal.end ?? '');
  const confidence = field('Confidence', String(proposal.confidence));
  const form = h(
    'form',
    { className: 'proposal-edit', 'aria-label': `Edit ${proposal.id}` },
    h('label', { className: 'edit-field' }, 'Type', type),
    source.element,
    target.element,
    start.element,
    end.element,
    confidence.element,
    h('button', { type: 'submit' }, 'Accept with these'),
    h('button', { type: 'button', onclick: close }, 'Cancel'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.accept(proposal, {
      type: type.value,
      ...(source.input.value ? { source: source.input.value } : {}),
      ...(target.input.value ? { target: target.input.value } : {}),
      start: start.input.value || null,
      end: end.input.value || null,
      confidence: Number(confidence.input.value),
    });
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });
  return form;
}

/**
 * The proposals beside the text, operable without a mouse: ↓/↑ (or j/k) move between them, a accepts, e edits,
 * r rejects; each shows its evidence, its standing against the graph and, once decided, who decided.
 */
export function proposalList(container: HTMLElement, actions: ProposalActions): { render(draft: ReviewDraft): void; focusFirstOpen(): void } {
  const list = h('ol', { className: 'proposal-list', 'aria-label': 'Proposed relationships' });
  container.appendChild(list);
  const items = () => Array.from(list.querySelectorAll<HTMLElement>('li.proposal'));
  const move = (from: HTMLElement, step: number) => {
    const all = items();
    const next = all[all.indexOf(from) + step];
    next?.focus();
  };
  const render = (draft: ReviewDraft) => {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.proposal;
    clear(list);
    for (const proposal of draft.proposals) {
      const decided = proposal.decision;
      const item = h(
        'li',
        { className: `proposal status-${proposal.status.toLowerCase()}${decided ? ` decided ${decided.status.toLowerCase()}` : ''}`, tabindex: '0', 'data-proposal': proposal.id, 'aria-label': `${proposal.type} ${endText(proposal.source)} to ${endText(proposal.target)}` },
        h('div', { className: 'proposal-line' }, h('strong', {}, endText(proposal.source)), ` ${proposal.type} `, h('strong', {}, endText(proposal.target))),
        h('div', { className: 'proposal-meta' }, `${proposal.evidence.locator} · ${proposal.start || proposal.end ? `${proposal.start ?? ''}..${proposal.end ?? ''} · ` : ''}confidence ${proposal.confidence}${proposal.hedges.length ? ` (hedged: ${proposal.hedges.join(', ')})` : ''} · ${STATUS[proposal.status]}${proposal.existing ? ` to ${proposal.existing}` : ''}`),
        h('blockquote', { className: 'proposal-quote' }, proposal.evidence.quote),
        ...proposal.resolutions.map((resolution) => h('p', { className: 'resolution' }, `Resolved by proxygraph: ${resolution}`)),
        ...proposal.conflictDetails.map((conflict) => h('p', { className: 'conflict' }, `Conflicts with ${conflict.relationship}: ${conflict.reason}. Known: ${conflict.known.map((known) => `${known.source}${known.locator ? ` ${known.locator}` : ''}${known.note ? ` — ${known.note}` : ''}`).join('; ')}`)),
        decided
          ? h('p', { className: 'decision' }, `${decided.status === 'ACCEPTED' ? 'Accepted' : 'Rejected'} by ${decided.by}${decided.relationship ? ` as ${decided.relationship}` : ''}`)
          : h(
              'div',
              { className: 'proposal-actions' },
              h('button', { type: 'button', 'data-action': 'accept', onclick: () => actions.accept(proposal, null) }, 'Accept (a)'),
              h('button', { type: 'button', 'data-action': 'edit', onclick: () => openEdit() }, 'Edit (e)'),
              h('button', { type: 'button', 'data-action': 'reject', onclick: () => actions.reject(proposal) }, 'Reject (r)'),
            ),
      );
      const openEdit = () => {
        if (decided || item.querySelector('form')) return;
        const form = editForm(proposal, actions, () => {
          form.remove();
          item.focus();
        });
        item.appendChild(form);
        form.querySelector('select')?.focus();
      };
      item.addEventListener('focus', () => actions.focus(proposal));
      item.addEventListener('keydown', (event) => {
        if (event.target !== item) return;
        if (event.key === 'ArrowDown' || event.key === 'j') move(item, 1);
        else if (event.key === 'ArrowUp' || event.key === 'k') move(item, -1);
        else if (decided) return;
        else if (event.key === 'a') actions.accept(proposal, null);
        else if (event.key === 'r') actions.reject(proposal);
        else if (event.key === 'e') openEdit();
        else return;
        event.preventDefault();
      });
      list.appendChild(item);
    }
    if (focused) items().find((item) => item.dataset.proposal === focused)?.focus();
  };
  return { render, focusFirstOpen: () => (items().find((item) => !item.classList.contains('decided')) ?? items()[0])?.focus() };
}
