import { ENTITY_KINDS, RELATION_RULES, RELATION_TYPES } from '../../src/model';
import { KIND_STYLES, LABEL_FONT_SIZE, LABEL_SCALE_STEP, LABEL_SCALE_STEPS, MIN_LABEL_PX, TYPE_STYLES, legend, stylesheet } from '../../client/style';
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

  it('wraps node labels and shows edge labels only when zoomed in, hovered, selected, around the selection or on a path', () => {
    const node = sheet.find((block) => block.selector === 'node')!;
    expect(node.style['text-wrap']).toBe('wrap');
    expect(node.style['text-max-width']).toBeDefined();
    const edge = sheet.find((block) => block.selector === 'edge')!;
    expect(edge.style['min-zoomed-font-size']).toBeGreaterThan(edge.style['font-size'] as number);
    const emphasised = sheet.find((block) => block.selector.split(', ').sort().join(', ') === 'edge.hover, edge.near, edge.on-path, edge:selected')!;
    expect(emphasised.style['min-zoomed-font-size']).toBe(0);
    expect(emphasised.style['font-size']).toBe(LABEL_FONT_SIZE);
    expect(sheet.find((block) => block.selector === 'edge.hover')!.style.label).toBe('data(hoverLabel)');
  });

  it('draws node labels opaque and over every edge, so no edge runs through a label', () => {
    const node = sheet.find((block) => block.selector === 'node')!;
    const edge = sheet.find((block) => block.selector === 'edge')!;
    expect(node.style['text-background-opacity']).toBe(1);
    expect(node.style['z-index-compare']).toBe('manual');
    expect(edge.style['z-index-compare']).toBe('manual');
    expect(node.style['z-index']).toBeGreaterThan(edge.style['z-index'] as number);
    // Never a label drawn smaller than MIN_LABEL_PX - 1 screen pixels (label-visibility.ts scales them up to MIN_LABEL_PX).
    expect(node.style['min-zoomed-font-size']).toBe(MIN_LABEL_PX - 1);
  });

  it('has no bold or wrapped emphasised labels (Cytoscape clips them) and a scale class per step', () => {
    for (const block of sheet) expect(block.style['font-weight']).toBeUndefined();
    expect(sheet.find((block) => block.selector === 'edge')!.style['text-wrap']).toBeUndefined();
    for (let step = 1; step <= LABEL_SCALE_STEPS; step++) {
      expect(sheet.find((block) => block.selector === `node.ls-${step}`)!.style['font-size']).toBeCloseTo(LABEL_FONT_SIZE * (1 + step * LABEL_SCALE_STEP));
    }
  });

  it('hides the labels it must (after every rule that shows one) but shows them on hover', () => {
    const index = (selector: string) => selectors.indexOf(selector);
    expect(index('.label-hidden')).toBeGreaterThan(index('node.near'));
    expect(index('.label-hidden')).toBeGreaterThan(index('node.on-path'));
    expect(index('.label-hidden.hover')).toBeGreaterThan(index('.label-hidden'));
    expect(sheet[index('.label-hidden.hover')].style['text-opacity']).toBe(1);
  });

  it('explains undated relationships in the legend and draws them dotted while a date is set', () => {
    const mark = legend(RULES).marks.find((candidate) => candidate.id === 'undated')!;
    expect(mark.label).toBe('undated: always shown');
    expect(mark.description).toMatch(/every date/);
    expect(sheet.find((block) => block.selector === 'edge.undated-at-date')!.style['line-style']).toBe('dotted');
  });
});
