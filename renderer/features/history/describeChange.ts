import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { periodCodes, type PeriodCode } from '../../../shared/domain/evaluation/catalogueSchema';
import type { AuditEventDoc } from '../../data/collections/auditEventsCollection';
import { historyStrings } from './strings';

const isPeriod = (value: string | undefined): value is PeriodCode =>
  periodCodes.some((code) => code === value);

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
      return [label, periodPart, historyStrings.fields[parts[1] ?? ''] ?? parts[1]]
        .filter(Boolean)
        .join(' · ');
    }
    case 'characterResults': {
      const code = parts[1] ?? '';
      const trait = [...catalogue.catalogue.qualities, ...catalogue.catalogue.competencies].find(
        (candidate) => candidate.code === code,
      );
      return [periodPart, trait?.name ?? code, historyStrings.fields[parts[2] ?? ''] ?? parts[2]]
        .filter(Boolean)
        .join(' · ');
    }
    default:
      return [
        historyStrings.collections[event.collectionName] ?? event.collectionName,
        event.field === '*' ? undefined : (historyStrings.fields[event.field] ?? event.field),
      ]
        .filter(Boolean)
        .join(' · ');
  }
}

/** A stored value as people read it: nothing, a level, a score, text; a whole document in brief. */
export function describeValue(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (value === null || value === '') return historyStrings.empty;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value))
    return (
      value.map((item) => (typeof item === 'object' ? '…' : String(item))).join(', ') || historyStrings.empty
    );
  const record = value as Record<string, unknown>;
  if (typeof record.fullName === 'string') return historyStrings.created(record.fullName);
  if (typeof record.date === 'string') return record.date;
  return historyStrings.document;
}
