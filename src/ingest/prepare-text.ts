import { InvalidInputError, invalidUtf8Offset } from '../model';
import { htmlparser2 } from './language-libraries';

/** How much one article may be. An article is tens of kilobytes; past these, reading is refused at once. */
export const INGEST_LIMITS = {
  /** UTF-8 bytes of the text as given (before any HTML is stripped). */
  maxBytes: 300_000,
  maxParagraphs: 5_000,
  maxTitleLength: 500,
  maxPublisherLength: 200,
  maxUrlLength: 2_000,
} as const;

/** Elements whose content is never text of the article: it is dropped, never run or shown. */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'canvas', 'select', 'textarea', 'button']);
/** Elements that end a paragraph. */
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'table', 'article', 'section',
  'header', 'footer', 'aside', 'nav', 'main', 'blockquote', 'figure', 'figcaption', 'pre', 'address', 'caption', 'body', 'html',
]);
const MARKUP = /<\s*(?:!doctype|html|head|body|p|div|br|span|a|b|i|em|strong|script|style|iframe|img|h[1-6]|article|section|ul|ol|li|table|meta|link|figure|blockquote)\b[^>]*>/i;
// Control characters other than tab, line feed, carriage return and form feed: a sign of binary data.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface PreparedText {
  readonly text: string;
  readonly notes: readonly string[];
}

/** Decodes bytes as UTF-8, refusing invalid sequences with the offset of the first one. */
export function decodeUtf8(bytes: Uint8Array, argument = 'text'): string {
  if (bytes.length > INGEST_LIMITS.maxBytes) throw tooLarge(argument, bytes.length);
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) throw new InvalidInputError(argument, `is not valid UTF-8 (first bad byte at offset ${bad}): save the article as UTF-8 text`);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The refusal of an article over the size limit, naming the limit. */
export function tooLarge(argument: string, bytes: number): InvalidInputError {
  return new InvalidInputError(argument, `is ${bytes.toLocaleString('en')} bytes, over the limit of ${INGEST_LIMITS.maxBytes.toLocaleString('en')} bytes for one article: split it into parts`);
}

/** Text content of HTML: scripts and styles dropped, block elements ending paragraphs, entities decoded. */
function stripHtml(html: string): { text: string; elements: number; dropped: number } {
  const blocks: string[] = [];
  let current = '';
  let depthDropped = 0;
  let elements = 0;
  let dropped = 0;
  // Blank lines inside text still separate paragraphs (plain text with a stray tag is still plain text).
  const flush = () => {
    for (const part of current.split(/\n[ \t\u00a0]*\n/)) {
      const block = part.replace(/\s+/g, ' ').trim();
      if (block) blocks.push(block);
    }
    current = '';
  };
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name) {
        elements++;
        if (DROPPED_ELEMENTS.has(name)) {
          depthDropped++;
          dropped++;
        } else if (BLOCK_ELEMENTS.has(name) && depthDropped === 0) flush();
      },
      ontext(text) {
        if (depthDropped === 0) current += text;
      },
      onclosetag(name) {
        if (DROPPED_ELEMENTS.has(name)) depthDropped = Math.max(0, depthDropped - 1);
        else if (BLOCK_ELEMENTS.has(name) && depthDropped === 0) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { text: blocks.join('\n\n'), elements, dropped };
}

/**
 * Checks and cleans an article's text: refuses empty, oversized or binary text; strips HTML (its markup is data, never
 * run or rendered); normalises line ends. The result is the text every offset and quote refers to.
 */
export function prepareText(raw: unknown, argument = 'text'): PreparedText {
  if (typeof raw !== 'string') throw new InvalidInputError(argument, 'must be the article as a string');
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > INGEST_LIMITS.maxBytes) throw tooLarge(argument, bytes);
  if (LONE_SURROGATE.test(raw)) throw new InvalidInputError(argument, 'holds an unpaired UTF-16 surrogate, which no UTF-8 text can: it is not valid text');
  const controls = raw.match(CONTROL)?.length ?? 0;
  if (raw.includes('\u0000') || controls > Math.max(8, raw.length / 100)) {
    throw new InvalidInputError(argument, `looks binary (${controls} control characters): give the article as plain text or HTML`);
  }
  const notes: string[] = [];
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(CONTROL, ' ');
  if (MARKUP.test(text)) {
    const stripped = stripHtml(text);
    text = stripped.text;
    notes.push(`HTML markup removed (${stripped.elements} elements${stripped.dropped ? `; the content of ${stripped.dropped} script, style or embedded elements dropped` : ''}): its text is read as plain text`);
  }
  if (text.trim().length === 0) throw new InvalidInputError(argument, 'is empty: paste the article text');
  return { text, notes };
}
