import { compromise } from './language-libraries';

/** A word of a sentence as the tagger sees it, with its place in the paragraph. */
export interface Word {
  /** The word without a possessive ending ("Iraq" of "Iraq’s"). */
  readonly text: string;
  /** UTF-16 offsets in the paragraph of `text`. */
  readonly start: number;
  readonly end: number;
  /** Part-of-speech and name tags (ProperNoun, Person, Place, Organization, Verb, …). */
  readonly tags: ReadonlySet<string>;
  readonly possessive: boolean;
  /** Punctuation right before and after the word ("“", ",", "-", "(" …), as the text has it. */
  readonly before: string;
  readonly after: string;
}

export interface Sentence {
  /** UTF-16 offsets in the paragraph. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly words: readonly Word[];
}

interface TaggedTerm {
  readonly text: string;
  readonly pre: string;
  readonly post: string;
  readonly tags: readonly string[];
  readonly offset: { readonly start: number; readonly length: number };
}

interface TaggedSentence {
  readonly offset: { readonly start: number; readonly length: number };
  readonly terms: readonly TaggedTerm[];
}

const POSSESSIVE = /['’ʼ]s$|(?<=s)['’ʼ]$/i;

/** A sentence ending inside closing quotes: `… an “axis of resistance.” The groups …`. */
const QUOTED_END = /[.!?]['"”’»]+\s+$/;

/**
 * compromise keeps a sentence going past a full stop inside closing quotes; such a stop followed by a capitalised word
 * ends the sentence here.
 */
function splitQuotedEnds(sentences: readonly TaggedSentence[]): TaggedSentence[] {
  const result: TaggedSentence[] = [];
  for (const sentence of sentences) {
    let terms: TaggedTerm[] = [];
    const close = () => {
      if (terms.length === 0) return;
      const first = terms[0];
      const last = terms[terms.length - 1];
      const end = last.offset.start + last.offset.length + last.post.trimEnd().length;
      result.push({ offset: { start: first.offset.start, length: end - first.offset.start }, terms });
      terms = [];
    };
    for (const [index, term] of sentence.terms.entries()) {
      terms.push(term);
      const next = sentence.terms[index + 1];
      if (next && QUOTED_END.test(term.post) && /^\p{Lu}/u.test(next.text)) close();
    }
    if (terms.length === sentence.terms.length) result.push(sentence);
    else close();
  }
  return result;
}

/** Sentences and words of one paragraph, tagged by compromise (a rule-based English tagger shipped as a package). */
export function readSentences(paragraph: string): Sentence[] {
  const tagged = splitQuotedEnds(compromise()(paragraph).json({ offset: true, terms: { offset: true } }) as TaggedSentence[]);
  return tagged.map((sentence) => {
    const words = sentence.terms
      .filter((term) => term.text.length > 0)
      .map((term): Word => {
        const possessive = POSSESSIVE.exec(term.text);
        const text = possessive ? term.text.slice(0, possessive.index) : term.text;
        return {
          text: text || term.text,
          start: term.offset.start,
          end: term.offset.start + (text || term.text).length,
          tags: new Set(term.tags),
          possessive: possessive !== null && text.length > 0,
          before: term.pre,
          after: term.post,
        };
      });
    const start = sentence.offset.start;
    const end = start + sentence.offset.length;
    return { start, end, text: paragraph.slice(start, end), words };
  });
}
