import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson, type JsonValue } from '../encoding/canonicalJson';
import { toHex, utf8Encode } from '../encoding/utf8';
import { studyRecordSchema, type StudyRecord } from './studyRecord';

/** Every string NFC, so a record pasted from a decomposing source hashes like the original. */
function nfcDeep(value: JsonValue): JsonValue {
  if (typeof value === 'string') return value.normalize('NFC');
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map(nfcDeep);
  const result: Record<string, JsonValue> = {};
  for (const [key, member] of Object.entries(value as Readonly<Record<string, JsonValue | undefined>>))
    if (member !== undefined) result[key.normalize('NFC')] = nfcDeep(member);
  return result;
}

/** The canonical JSON text of a record: what is hashed, embedded in the PDF and written to disk. */
export function canonicalRecordJson(record: StudyRecord): string {
  return canonicalJson(nfcDeep(record));
}

export function canonicalRecordBytes(record: StudyRecord): Uint8Array {
  return utf8Encode(canonicalRecordJson(record));
}

/** SHA-256 (lower-case hex) of the record's canonical JSON: the content hash the QR code and signatures carry. */
export function studyRecordHash(record: StudyRecord): string {
  return toHex(sha256(canonicalRecordBytes(record)));
}

export type ParsedStudyRecord =
  | { readonly ok: true; readonly record: StudyRecord; readonly contentHash: string }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Validates a record read from disk or the network (JSON text); never trusts its shape. */
export function parseStudyRecordJson(text: string): ParsedStudyRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['Tệp học bạ không phải JSON hợp lệ.'] };
  }
  const parsed = studyRecordSchema.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(gốc)'}: ${issue.message}`),
    };
  return { ok: true, record: parsed.data, contentHash: studyRecordHash(parsed.data) };
}
