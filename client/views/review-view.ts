import type { ApiEntity } from '../types';
import type { IngestApi, ReviewDraft, ReviewMention, ReviewProposal } from '../ingest-api';
import { clear, h } from './dom';
import { entityPicker } from './entity-picker';
import { proposalList } from './review-proposals';
import { paragraphView } from './review-text';

export interface ReviewOptions {
  readonly api: IngestApi;
  readonly relationTypes: readonly string[];
  readonly search: (text: string, signal: AbortSignal) => Promise<ApiEntity[]>;
  /** Runs work with the app's busy state and error reporting. */
  readonly run: (work: () => Promise<unknown>) => void;
  /** A relationship was accepted between these entities: show it on the graph. */
  readonly onAccepted: (relationship: string, source: string, target: string) => Promise<void>;
  readonly onEntity: (entity: string) => Promise<void>;
  readonly onChange: () => void;
}

export interface ReviewView {
  open(draftId?: string | null): void;
  close(): void;
  /** The URL parameter that reopens the open draft ("review=ID"), or null. */
  param(): string | null;
}

/**
 * Reviewing reporting: paste an article (title, publisher, date, url, text), read what proxygraph proposes beside the
 * article's paragraphs (mentions highlighted), and accept, edit or reject each proposal with the keyboard.
 */
export function reviewView(element: HTMLElement, options: ReviewOptions): ReviewView {
  let draft: ReviewDraft | null = null;
  const message = h('p', { className: 'review-message', role: 'status', 'aria-live': 'polite' });
  const say = (text: string) => (message.textContent = text);
  const guard = (work: () => Promise<unknown>) =>
    options.run(async () => {
      try {
        await work();
      } catch (error) {
        const text = (error as Error).message;
        say(/token|UNAUTHENTICATED|editor role/i.test(text) ? `Sign in with an editor token to review reporting (${text})` : text);
      }
    });

  const text = h('div', { className: 'review-text', 'aria-label': 'Article' });
  const entities = h('div', { className: 'review-entities' });
  const mentionBox = h('div', { className: 'review-mention', hidden: true });
  const proposalsColumn = h('div', { className: 'review-proposals' });
  const title = h('h2', { id: 'review-title', tabindex: '-1' }, 'Review reporting');
  const body = h('div', { className: 'review-body' });
  const close = () => {
    element.hidden = true;
    draft = null;
    document.body.classList.remove('reviewing');
    options.onChange();
  };
  element.append(h('div', { className: 'review-head' }, title, h('button', { type: 'button', className: 'review-close', onclick: close, 'aria-label': 'Close the review' }, 'Close')), message, body);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && (event.target as HTMLElement).closest('form, .review-mention') === null) close();
  });

  const show = (next: ReviewDraft) => {
    draft = next;
    title.textContent = `Review: ${next.source.title}`;
    clear(text);
    next.paragraphs.forEach((paragraph, index) => text.appendChild(paragraphView(index + 1, paragraph, next.mentions.filter((mention) => mention.paragraph === index + 1), showMention)));
    clear(entities);
    const open = next.newEntities.filter((entity) => !entity.created);
    if (open.length > 0) {
      entities.append(
        h('h3', {}, 'New entities'),
        h('ul', {}, ...open.map((entity) => h('li', { className: 'new-entity', 'data-entity': entity.id }, `${entity.name} (${entity.kind})${entity.flags.length ? ` — flagged: ${entity.flags.join(', ')}` : ''} `, h('button', { type: 'button', title: entity.reasons.join('; '), onclick: () => guard(async () => acceptEntity(entity.id)) }, 'Create')))),
      );
    }
    proposals.render(next);
    for (const note of next.notes) say(note);
    options.onChange();
  };

  const showMention = (mention: ReviewMention) => {
    clear(mentionBox);
    mentionBox.hidden = false;
    const picker = entityPicker({ label: `Link "${mention.text}" to`, search: options.search, onChoose: (entity) => guard(async () => link(mention, entity.id)) });
    mentionBox.append(
      h('p', {}, h('strong', {}, mention.text), mention.entityName ? ` is ${mention.entityName}` : ' is not linked', mention.reasons.length ? ` — ${mention.reasons.join('; ')}` : ''),
      ...mention.candidates.map((candidate) => h('button', { type: 'button', onclick: () => guard(async () => link(mention, candidate.entity)) }, `Link to ${candidate.name ?? candidate.entity} (${candidate.score})`)),
      ...(mention.entity ? [h('button', { type: 'button', onclick: () => guard(async () => link(mention, null)) }, 'Unlink')] : []),
      picker.element,
      h('button', { type: 'button', onclick: () => (mentionBox.hidden = true) }, 'Done'),
    );
    picker.input.focus();
  };

  const link = async (mention: ReviewMention, entity: string | null) => {
    show(await options.api.link(draft!.id, mention.id, entity));
    mentionBox.hidden = true;
    say(entity ? `"${mention.text}" is linked to ${entity}.` : `"${mention.text}" is no longer linked.`);
  };
  const acceptEntity = async (id: string) => {
    const result = await options.api.acceptEntity(draft!.id, id);
    show(result.draft);
    say(`Created ${result.entity.id}; its mentions now link to it.`);
    await options.onEntity(result.entity.id);
  };
  const accept = async (proposal: ReviewProposal, edit: Parameters<IngestApi['accept']>[2]) => {
    const result = await options.api.accept(draft!.id, proposal.id, edit);
    show(result.draft);
    const accepted = result.draft.proposals.find((candidate) => candidate.id === proposal.id)!;
    say(`Accepted ${proposal.id} as ${result.relationship?.id ?? 'evidence'}: it is on the graph.`);
    if (result.relationship && accepted.source.entity && accepted.target.entity) await options.onAccepted(result.relationship.id, accepted.source.entity, accepted.target.entity);
    proposals.focusFirstOpen();
  };

  const proposals = proposalList(proposalsColumn, {
    relationTypes: options.relationTypes,
    accept: (proposal, edit) => guard(() => accept(proposal, edit)),
    reject: (proposal) =>
      guard(async () => {
        show(await options.api.reject(draft!.id, proposal.id));
        say(`Rejected ${proposal.id}.`);
        proposals.focusFirstOpen();
      }),
    focus: (proposal) => {
      for (const marked of Array.from(text.querySelectorAll('.review-paragraph.current'))) marked.classList.remove('current');
      const paragraph = text.querySelector<HTMLElement>(`[data-paragraph="${proposal.evidence.paragraph}"]`);
      paragraph?.classList.add('current');
      paragraph?.scrollIntoView({ block: 'nearest' });
    },
  });

  const form = () => {
    const field = (label: string, input: HTMLInputElement | HTMLTextAreaElement) => h('label', { className: 'review-field' }, label, input);
    const titleInput = h('input', { type: 'text', name: 'title', required: true });
    const publisher = h('input', { type: 'text', name: 'publisher' });
    const published = h('input', { type: 'date', name: 'published', required: true });
    const url = h('input', { type: 'url', name: 'url', placeholder: 'https://…' });
    const article = h('textarea', { name: 'text', rows: '14', required: true, placeholder: 'Paste the article: paragraphs separated by blank lines. HTML is stripped, never run.' });
    const submit = h('button', { type: 'submit' }, 'Read article');
    const element_ = h('form', { className: 'review-form', 'aria-label': 'Article to read' }, field('Title', titleInput), field('Publisher', publisher), field('Published', published), field('URL', url), field('Text', article), submit);
    element_.addEventListener('submit', (event) => {
      event.preventDefault();
      guard(async () => {
        say('Reading…');
        const made = await options.api.ingest(article.value, { title: titleInput.value, published: published.value, ...(publisher.value ? { publisher: publisher.value } : {}), ...(url.value ? { url: url.value } : {}) });
        layout();
        show(made);
        say(`${made.proposals.length} proposals, ${made.newEntities.length} new entities: ↓/↑ to move, a to accept, e to edit, r to reject.`);
        proposals.focusFirstOpen();
      });
    });
    return { element: element_, focus: () => titleInput.focus() };
  };

  const layout = () => {
    clear(body);
    body.append(h('div', { className: 'review-columns' }, h('div', { className: 'review-left' }, text, entities, mentionBox), proposalsColumn));
  };

  return {
    open: (draftId) => {
      element.hidden = false;
      document.body.classList.add('reviewing');
      say('');
      if (draftId) {
        guard(async () => {
          layout();
          show(await options.api.draft(draftId));
          proposals.focusFirstOpen();
        });
      } else {
        draft = null;
        title.textContent = 'Review reporting';
        clear(body);
        const made = form();
        body.appendChild(made.element);
        made.focus();
      }
    },
    close,
    param: () => (draft && !element.hidden ? `review=${encodeURIComponent(draft.id)}` : null),
  };
}
