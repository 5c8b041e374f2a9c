import type { ReviewMention } from '../ingest-api';
import { h } from './dom';

/** A paragraph with its mentions highlighted: text set as text, each mention a focusable mark with why it is (not) linked. */
export function paragraphView(number: number, text: string, mentions: readonly ReviewMention[], onMention: (mention: ReviewMention) => void): HTMLElement {
  const body = h('p', { className: 'review-paragraph-text' });
  let at = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    if (mention.start < at) continue;
    body.appendChild(document.createTextNode(text.slice(at, mention.start)));
    const state = mention.flags.length > 0 ? 'flagged' : mention.entity ? 'linked' : 'unlinked';
    const title = [mention.entityName ? `${mention.entityName} (${mention.match.toLowerCase()})` : 'not linked', ...mention.reasons, ...mention.flags].join(' — ');
    body.appendChild(
      h('mark', { className: `mention ${state}`, 'data-mention': mention.id, 'data-entity': mention.entity ?? '', title, tabindex: '0', role: 'button', onclick: () => onMention(mention), onkeydown: (event: Event) => (event as KeyboardEvent).key === 'Enter' && onMention(mention) }, text.slice(mention.start, mention.end)),
    );
    at = mention.end;
  }
  body.appendChild(document.createTextNode(text.slice(at)));
  return h('section', { className: 'review-paragraph', 'data-paragraph': String(number), 'aria-label': `Paragraph ${number}` }, h('span', { className: 'locator' }, `¶${number}`), body);
}
