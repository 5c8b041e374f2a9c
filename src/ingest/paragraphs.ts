import { InvalidInputError } from '../model';
import { INGEST_LIMITS } from './prepare-text';

/**
 * The paragraphs of a text by the rule of the ¶ locators: blank-line separated blocks, headings counting as blocks of
 * their own. Each is trimmed; ¶N is the Nth (from 1).
 */
export function splitParagraphs(text: string): string[] {
  const paragraphs = text
    .split(/\n[ \t\u00a0]*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
  if (paragraphs.length > INGEST_LIMITS.maxParagraphs) {
    throw new InvalidInputError('text', `has ${paragraphs.length} paragraphs, over the limit of ${INGEST_LIMITS.maxParagraphs} for one article: split it into parts`);
  }
  return paragraphs;
}

export function locatorOf(paragraph: number): string {
  return `¶${paragraph}`;
}
