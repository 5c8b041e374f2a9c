import { addMonths, clampDate, clampDay, dayOf, fullDay, isoOf, lastDay, precisionOf, stepDate } from '../../client/dates';

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

describe('stepping partial dates', () => {
  it('knows the precision of a date', () => {
    expect(precisionOf('2015')).toBe('year');
    expect(precisionOf('2015-03')).toBe('month');
    expect(precisionOf('2015-03-09')).toBe('day');
  });

  it('steps by day, month and year, keeping the precision the analyst gave where the step allows', () => {
    expect(stepDate('2015', 'year', 1)).toBe('2016');
    expect(stepDate('2015', 'month', 1)).toBe('2015-02');
    expect(stepDate('2015', 'day', -1)).toBe('2014-12-31');
    expect(stepDate('2015-03', 'year', -1)).toBe('2014-03');
    expect(stepDate('2015-03', 'day', 1)).toBe('2015-03-02');
    expect(stepDate('2024-01-31', 'month', 1)).toBe('2024-02-29');
    expect(stepDate('2024-02-29', 'year', 1)).toBe('2025-02-28');
    expect(stepDate('2024-12-31', 'day', 1)).toBe('2025-01-01');
  });

  it('knows the last day of a partial date and clamps to a range at its precision', () => {
    expect(lastDay('2024')).toBe('2024-12-31');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2023-02-03')).toBe('2023-02-03');
    expect(clampDate('1970', '1980-01-01', '2024-04-20')).toBe('1980');
    expect(clampDate('2030-05', '1980-01-01', '2024-04-20')).toBe('2024-04');
    expect(clampDate('2024-05-01', '1980-01-01', '2024-04-20')).toBe('2024-04-20');
    expect(clampDate('2024', '1980-01-01', '2024-04-20')).toBe('2024');
  });
});
