import { hiddenParts, visibleText } from '../../src/model/text';

/**
 * Building DOM safely: text is only ever set as text (createTextNode / textContent), never parsed as HTML, so a name
 * like `<img src=x onerror=alert(1)>` shows as those characters. Characters that show as nothing or reorder the text
 * around them (a right-to-left override, a zero-width space) are shown as visible markers (model/text.ts).
 */

export type Child = Node | string | number | null | undefined | false;

export interface Attributes {
  readonly [name: string]: string | number | boolean | null | undefined | ((event: Event) => void);
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (name === 'className') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : TEXT_ATTRIBUTES.has(name) ? visibleText(String(value)) : String(value));
  }
  append(element, ...children);
  return element;
}

/** Attributes that show or speak text. */
const TEXT_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt']);

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string') appendText(parent, child);
    else parent.appendChild(typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Text, with each hidden character as a marker element (class hidden-character) naming it. */
function appendText(parent: Node, text: string): void {
  for (const part of hiddenParts(text)) {
    if (typeof part === 'string') {
      parent.appendChild(document.createTextNode(part));
      continue;
    }
    const marker = document.createElement('span');
    marker.className = 'hidden-character';
    marker.textContent = part.label;
    marker.title = `${part.codePoint} ${part.label}: an invisible character in the data, shown so that it cannot hide or reorder text`;
    parent.appendChild(marker);
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

let counter = 0;
/** A unique id for ARIA references. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A small SVG (no style attributes: presentation attributes only, which the CSP allows). */
export function svg(width: number, height: number, ...shapes: SVGElement[]): SVGSVGElement {
  const root = document.createElementNS(SVG, 'svg');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('aria-hidden', 'true');
  root.setAttribute('focusable', 'false');
  for (const shape of shapes) root.appendChild(shape);
  return root;
}

export function svgShape(tag: 'path' | 'line' | 'circle' | 'rect' | 'polygon', attributes: Record<string, string | number>): SVGElement {
  const shape = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, String(value));
  return shape;
}
