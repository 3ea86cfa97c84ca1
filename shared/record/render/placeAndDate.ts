import { isoDateInVietnam } from '../../domain/dates';
import type { StudyRecord } from '../studyRecord';
import { recordPdfStrings as strings } from './recordPdfStrings';

/**
 * "Xã …, ngày … tháng … năm …" as the record prints it above the principal's name: the school's
 * commune (or its province) and the day, in Viet Nam, the year's result was confirmed.
 */
export function placeAndDateOf(record: StudyRecord): string {
  const confirmed = record.year.resultConfirmedAt;
  const place = record.school.commune || record.school.province;
  return strings.placeAndDate(place, confirmed === null ? null : isoDateInVietnam(new Date(confirmed)));
}
