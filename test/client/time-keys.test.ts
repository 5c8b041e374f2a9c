import { TIME_KEYS, keyStep } from '../../client/time-keys';

describe('the date control keys', () => {
  it('step by day, month and year, and jump to the ends', () => {
    expect(keyStep('ArrowLeft', false)).toEqual({ unit: 'day', n: -1 });
    expect(keyStep('ArrowRight', false)).toEqual({ unit: 'day', n: 1 });
    expect(keyStep('PageUp', false)).toEqual({ unit: 'month', n: 1 });
    expect(keyStep('PageDown', false)).toEqual({ unit: 'month', n: -1 });
    expect(keyStep('PageUp', true)).toEqual({ unit: 'year', n: 1 });
    expect(keyStep('PageDown', true)).toEqual({ unit: 'year', n: -1 });
    expect(keyStep('Home', false)).toBe('first');
    expect(keyStep('End', false)).toBe('last');
    expect(keyStep('a', false)).toBeNull();
  });

  it('are documented in the help text the control shows', () => {
    for (const words of ['one day', 'one month', 'one year', 'PageUp', 'Shift+PageUp', 'Home', 'End']) expect(TIME_KEYS).toContain(words);
  });
});
