import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Problem } from '../model';

/*
 * XML reading and writing for GEXF and GraphML, through fast-xml-parser. Attributes are "@_name" keys in the object
 * form. Text is escaped by us rather than the library so that line breaks and tabs inside attribute values are written
 * as character references (&#10;) and survive the attribute-value normalisation every XML reader applies; numeric
 * references are decoded on reading.
 */

// Characters XML 1.0 does not allow at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlAttribute(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export function escapeXmlText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function xmlBuilder(): XMLBuilder {
  return new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
    processEntities: false,
    attributeValueProcessor: (_name: string, value: unknown) => escapeXmlAttribute(String(value)),
    tagValueProcessor: (_name: string, value: unknown) => escapeXmlText(String(value)),
  });
}

export const XML_DECLARATION = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' } };

/** A parser giving attributes as "@_name" strings (never numbers), elements in `arrays` always as lists. */
export function xmlParser(arrays: readonly string[]): XMLParser {
  const lists = new Set(arrays);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    removeNSPrefix: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => lists.has(name),
  });
}

/** An entity declaration in a document type's internal subset (also inside a parameter entity). */
const ENTITY_DECLARATION = /<!DOCTYPE[^[>]*\[[^]*?(<!ENTITY)/i;

/**
 * Parses XML text, or gives the syntax problem (XMLValidator's line and column). A document that declares entities is
 * refused: they can expand without end (the "billion laughs") or name files to read, and neither Gephi nor yEd writes
 * them.
 */
export function parseXml(text: string, file: string, arrays: readonly string[]): { document?: Record<string, unknown>; problem?: Problem } {
  const declaration = ENTITY_DECLARATION.exec(text);
  if (declaration) {
    const offset = declaration.index + declaration[0].length - declaration[1].length;
    const line = text.slice(0, offset).split('\n').length;
    return { problem: { code: 'XML_ENTITIES', file, line, message: 'the document declares entities (<!ENTITY>): they are not read, as they can expand without end or read other files', hint: 'export the graph again without a DOCTYPE, or write the values out in place' } };
  }
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    return { problem: { code: 'FILE_SYNTAX', file, line, column: col, message: `XML: ${msg}`, hint: 'fix the XML at this position' } };
  }
  return { document: xmlParser(arrays).parse(text) as Record<string, unknown> };
}

/**
 * The line of each start tag of an element, in document order (comments, CDATA and processing instructions skipped).
 * fast-xml-parser gives no positions; element order is document order, so the n-th start tag is the n-th element.
 */
export function startTagLines(text: string, localName: string): number[] {
  const lines: number[] = [];
  const pattern = new RegExp(`<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<\\?[\\s\\S]*?\\?>|<(?:[A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])`, 'g');
  let line = 1;
  let position = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    for (let index = text.indexOf('\n', position); index !== -1 && index < match.index; index = text.indexOf('\n', index + 1)) line++;
    position = match.index;
    if (match[0].startsWith(`<`) && !match[0].startsWith('<!') && !match[0].startsWith('<?')) lines.push(line);
  }
  return lines;
}

/** A list whatever the parser gave: absent → [], one → [it]. */
export function asList<T = Record<string, unknown>>(value: unknown): T[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

export function attribute(element: unknown, name: string): string | undefined {
  if (typeof element !== 'object' || element === null) return undefined;
  const value = (element as Record<string, unknown>)[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** An element's text content (a string element, or its #text). */
export function textOf(element: unknown): string | undefined {
  if (typeof element === 'string') return element;
  if (typeof element === 'object' && element !== null) {
    const text = (element as Record<string, unknown>)['#text'];
    if (typeof text === 'string') return text;
  }
  return undefined;
}
