import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson, type JsonValue } from '../../encoding/canonicalJson';
import { toHex, utf8Encode } from '../../encoding/utf8';
import type { StudentYearInput } from './studentYearInput';

/**
 * A fingerprint of what a year's result is computed from (the CN values, electives and the
 * completion steps). The homeroom teacher's confirmation stores it: when a value changes later,
 * the fingerprint differs and the result asks to be confirmed again.
 */
export function yearInputFingerprint(input: StudentYearInput): string {
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const subjects = input.subjects
    .filter((entry) => entry.period === 'CN')
    .map((entry) => ({
      subject: entry.subject,
      part: entry.part ?? '',
      level: entry.level ?? null,
      score: entry.score ?? null,
      retestScore: entry.retestScore ?? null,
    }))
    .sort((a, b) => byKey(`${a.subject}/${a.part}`, `${b.subject}/${b.part}`));
  const traits = [
    ...input.qualities
      .filter((entry) => entry.period === 'CN')
      .map((entry) => ({ code: entry.quality, level: entry.level ?? null })),
    ...input.competencies
      .filter((entry) => entry.period === 'CN')
      .map((entry) => ({ code: entry.competency, level: entry.level ?? null })),
  ].sort((a, b) => byKey(a.code, b.code));
  const basis: JsonValue = {
    grade: input.grade,
    electives: [...input.electives].sort(byKey),
    subjects,
    traits,
    supplementary: input.supplementaryEvaluation?.outcome ?? null,
    decision: input.principalDecision?.decision ?? null,
    // Only when set, so the fingerprints of every other student stay what they were.
    ...(input.individualEducationPlan === true ? { individualPlan: true } : {}),
  };
  return toHex(sha256(utf8Encode(canonicalJson(basis))));
}
