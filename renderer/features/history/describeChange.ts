import { formatDate, formatInstant } from '../../../shared/domain/dates';
import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { periodCodes, type PeriodCode } from '../../../shared/domain/evaluation/catalogueSchema';
import type { AuditEventDoc } from '../../data/collections/auditEventsCollection';
import { fieldWords, valueWords } from './historyWords';
import { historyStrings } from './strings';

const isPeriod = (value: string | undefined): value is PeriodCode =>
  periodCodes.some((code) => code === value);

/** A dotted field path in words: `confirmation.fingerprint` → "Xác nhận kết quả cuối năm · Dữ liệu được xác nhận". */
export function describeFieldPath(path: string): string {
  return path
    .split('.')
    .map((part) => fieldWords[part] ?? part)
    .filter((words) => words !== '')
    .join(' · ');
}

/** "Toán · Cuối năm học · Điểm KTĐK": what a change touched, in the teacher's words. */
export function describeTarget(catalogue: CompiledCatalogue, event: AuditEventDoc): string {
  const parts = event.field.split('.');
  const periodPart = isPeriod(parts[0]) ? catalogue.periodName(parts[0]) : undefined;
  switch (event.collectionName) {
    case 'subjectResults': {
      const rowKey = event.docId.split(':').slice(3, -1).join(':');
      const subjectCode = rowKey.split('/')[0] ?? rowKey;
      const subject = catalogue.subjectsByCode.get(subjectCode);
      const part = subject?.parts?.find((candidate) => candidate.code === rowKey.split('/')[1]);
      const label = subject ? (part ? `${subject.name} (${part.name})` : subject.name) : rowKey;
      return [label, periodPart, describeFieldPath(parts.slice(1).join('.'))].filter(Boolean).join(' · ');
    }
    case 'characterResults': {
      const code = parts[1] ?? '';
      const trait = [...catalogue.catalogue.qualities, ...catalogue.catalogue.competencies].find(
        (candidate) => candidate.code === code,
      );
      return [periodPart, trait?.name ?? code, describeFieldPath(parts.slice(2).join('.'))]
        .filter(Boolean)
        .join(' · ');
    }
    default:
      return [
        historyStrings.collections[event.collectionName] ?? event.collectionName,
        event.field === '*' ? undefined : describeFieldPath(event.field),
      ]
        .filter(Boolean)
        .join(' · ');
  }
}

/** Who a stored user id (`user:hatt`) is: the person's name when known. */
export type PersonNames = ReadonlyMap<string, string>;

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const hash = /^[0-9a-f]{40,}$/i;

function describeText(text: string, people: PersonNames): string {
  if (text === '') return historyStrings.empty;
  if (text.startsWith('user:')) return people.get(text) ?? historyStrings.unknownPerson(text.slice(5));
  if (isoInstant.test(text)) return formatInstant(text);
  if (isoDate.test(text)) return formatDate(text);
  // A fingerprint or file hash says nothing to a reader; its first characters tell two apart.
  if (hash.test(text)) return historyStrings.hashValue(text.slice(0, 8));
  return valueWords[text] ?? text;
}

function describeObject(record: Record<string, unknown>, people: PersonNames): string {
  if (typeof record.fullName === 'string') return historyStrings.created(record.fullName);
  if (typeof record.photoId === 'string') return historyStrings.photoSet;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    const words = fieldWords[key];
    if (words === '' || key === 'fingerprint') continue;
    const shown = describeUnknown(value, people);
    if (shown !== historyStrings.empty) parts.push(`${words ?? key}: ${shown}`);
  }
  return parts.length > 0 ? parts.join('; ') : historyStrings.document;
}

function describeUnknown(value: unknown, people: PersonNames): string {
  if (value === null || value === undefined) return historyStrings.empty;
  if (typeof value === 'boolean') return value ? historyStrings.yes : historyStrings.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return describeText(value, people);
  if (Array.isArray(value)) {
    if (value.length === 0) return historyStrings.empty;
    if (value.every((item) => typeof item === 'string'))
      return value.map((item: string) => describeText(item, people)).join(', ');
    const named = value.map((item: unknown) =>
      typeof item === 'object' && item !== null && typeof Reflect.get(item, 'fullName') === 'string'
        ? String(Reflect.get(item, 'fullName'))
        : typeof item === 'object' && item !== null && typeof Reflect.get(item, 'title') === 'string'
          ? String(Reflect.get(item, 'title'))
          : undefined,
    );
    return named.every((name) => name !== undefined) ? named.join(', ') : historyStrings.items(value.length);
  }
  if (typeof value === 'object') return describeObject(value as Record<string, unknown>, people);
  return historyStrings.document;
}

/**
 * A stored value as people read it: nothing, a level, a score, a text; a person by name, a time
 * in Vietnam's time, a date as dd/mm/yyyy, codes in words; a whole document in brief. Never a
 * hash or an internal id.
 */
export function describeValue(json: string, people: PersonNames = new Map()): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  return describeUnknown(value, people);
}

/** Which desktop made a change: this one, or another by a short form of its id. */
export function describeDevice(deviceId: string, thisDevice: string): string {
  return deviceId === thisDevice
    ? historyStrings.thisDevice
    : historyStrings.otherDevice(deviceId.slice(0, 8));
}
