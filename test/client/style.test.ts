import { ENTITY_KINDS, RELATION_RULES, RELATION_TYPES } from '../../src/model';
import { KIND_STYLES, TYPE_STYLES, legend, stylesheet } from '../../client/style';
import type { ApiRelationRule } from '../../client/types';

const RULES: ApiRelationRule[] = RELATION_RULES.map((rule) => ({ ...rule, sourceKinds: [...rule.sourceKinds], targetKinds: [...rule.targetKinds] }));

describe('client style', () => {
  const sheet = stylesheet() as { selector: string; style: Record<string, unknown> }[];
  const selectors = sheet.map((block) => block.selector);

  it.each(ENTITY_KINDS)('styles entity kind %s with its own colour and shape', (kind) => {
    expect(KIND_STYLES[kind]).toBeDefined();
    expect(selectors).toContain(`node[kind = "${kind}"]`);
    const block = sheet.find((candidate) => candidate.selector === `node[kind = "${kind}"]`)!;
    expect(block.style['background-color']).toBe(KIND_STYLES[kind].color);
    expect(block.style.shape).toBe(KIND_STYLES[kind].shape);
  });

  it.each([...RELATION_TYPES])('styles relation type %s', (type) => {
    expect(TYPE_STYLES[type]).toBeDefined();
    expect(selectors).toContain(`edge[type = "${type}"]`);
  });

  it('gives every kind a distinct colour and shape, and every type a distinct colour', () => {
    const kinds = ENTITY_KINDS.map((kind) => KIND_STYLES[kind]);
    expect(new Set(kinds.map((style) => style.color)).size).toBe(kinds.length);
    expect(new Set(kinds.map((style) => style.shape)).size).toBe(kinds.length);
    const colours = RELATION_TYPES.map((type) => TYPE_STYLES[type].color.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('has a legend entry for every kind and every relation type, with the API definitions', () => {
    const data = legend(RULES);
    expect(data.kinds.map((entry) => entry.kind)).toEqual([...ENTITY_KINDS]);
    expect(data.types.map((entry) => entry.type)).toEqual([...RELATION_TYPES]);
    for (const entry of data.types) {
      const rule = RULES.find((candidate) => candidate.type === entry.type)!;
      expect(entry.definition).toBe(rule.definition);
      expect(entry.reading).toBe(rule.reading);
      expect(entry.color).toBe(TYPE_STYLES[entry.type].color);
    }
    expect(data.kinds.every((entry) => entry.definition.length > 0)).toBe(true);
  });

  it('shows disputed relationships dashed and marked, and symmetric ones without arrows', () => {
    const disputed = sheet.find((block) => block.selector === 'edge[?disputed]')!;
    expect(disputed.style['line-style']).toBe('dashed');
    expect(disputed.style['mid-target-arrow-shape']).toBeDefined();
    expect(sheet.find((block) => block.selector === 'edge[?symmetric]')!.style['target-arrow-shape']).toBe('none');
    expect(legend(RULES).marks.map((mark) => mark.id)).toContain('disputed');
  });

  it('wraps node labels and shows edge labels only when zoomed in or hovered', () => {
    const node = sheet.find((block) => block.selector === 'node')!;
    expect(node.style['text-wrap']).toBe('wrap');
    expect(node.style['text-max-width']).toBeDefined();
    const edge = sheet.find((block) => block.selector === 'edge')!;
    expect(edge.style['min-zoomed-font-size']).toBeGreaterThan(edge.style['font-size'] as number);
    expect(sheet.find((block) => block.selector === 'edge.hover')!.style['min-zoomed-font-size']).toBe(0);
  });
});
