import type { PeriodCode } from '../../../shared/domain/evaluation/catalogueSchema';

/**
 * The period teachers are most likely working on at a date: mid-term I in September–October,
 * end of term I from November to January, mid-term II in February–March, end of year from April.
 */
export function currentPeriodOn(date: Date): PeriodCode {
  const month = date.getMonth() + 1;
  if (month >= 9 && month <= 10) return 'GK1';
  if (month >= 11 || month === 1) return 'CK1';
  if (month <= 3) return 'GK2';
  return 'CN';
}
