/**
 * Dates as Vietnamese documents write them: dd/mm/yyyy. Stored dates are ISO `yyyy-mm-dd`;
 * instants are ISO-8601 UTC and shown in Asia/Ho_Chi_Minh (conventions.md).
 */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** Parses d/m/yyyy or dd/mm/yyyy (also with - or .) into ISO, or undefined if it is not a real date. */
export function parseVietnameseDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

const instantFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant shown in Vietnam's time zone: "29/11/2026 11:56". */
export function formatInstant(isoInstant: string): string {
  const parts = instantFormat.formatToParts(new Date(isoInstant));
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

const isoDateFormatInVietnam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** The calendar date in Viet Nam at `instant`, as ISO `yyyy-mm-dd` (en-CA formats dates that way). */
export function isoDateInVietnam(instant: Date): string {
  return isoDateFormatInVietnam.format(instant);
}
