import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, parseVietnameseDate } from './dates';

describe('Vietnamese dates', () => {
  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('2019-03-07')).toBe('07/03/2019');
  });

  it.each([
    ['07/03/2019', '2019-03-07'],
    ['7/3/2019', '2019-03-07'],
    ['07-03-2019', '2019-03-07'],
    [' 29.02.2020 ', '2020-02-29'],
  ])('parses %s', (text, iso) => {
    expect(parseVietnameseDate(text)).toBe(iso);
  });

  it.each(['31/02/2019', '29/02/2019', '2019-03-07', '00/01/2019', '12/13/2019', ''])(
    'refuses %s',
    (text) => {
      expect(parseVietnameseDate(text)).toBeUndefined();
    },
  );

  it('shows instants in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(formatInstant('2026-11-29T17:30:00Z')).toBe('30/11/2026 00:30');
  });
});
