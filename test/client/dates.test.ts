import { addMonths, clampDay, dayOf, fullDay, isoOf } from '../../client/dates';

describe('client dates', () => {
  it('converts between days and ISO dates', () => {
    expect(isoOf(dayOf('2024-01-28'))).toBe('2024-01-28');
    expect(dayOf('2024-03-01') - dayOf('2024-02-28')).toBe(2);
    expect(dayOf('2024')).toBe(dayOf('2024-01-01'));
  });

  it('adds months, clamped to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
    expect(addMonths('2023-12-15', 13)).toBe('2025-01-15');
  });

  it('completes partial dates and clamps to a range', () => {
    expect(fullDay('2024')).toBe('2024-01-01');
    expect(fullDay('2024-03')).toBe('2024-03-01');
    expect(clampDay('1970-01-01', '1980-01-01', '2024-04-20')).toBe('1980-01-01');
    expect(clampDay('2030-01-01', '1980-01-01', '2024-04-20')).toBe('2024-04-20');
  });
});
