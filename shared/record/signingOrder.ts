import { foldedName, type CertificateIdentity } from '../signing/certificateIdentity';
import { roleLabels } from '../signing/signingStrings';
import { signerRoles, type SignerRole } from '../domain/signerRole';
import { matchPerson, matchSchool, type IdentityMatch } from './signerIdentity';
import type { RecordSigners } from './studyRecord';

/**
 * The order a học bạ is signed in: the homeroom teacher vouches for the evaluations, the
 * principal approves them, and the school seal comes last (the Ministry's template: "Xác nhận
 * của Hiệu trưởng" under the teacher's signature, then the seal).
 */
export const signingOrder: readonly SignerRole[] = signerRoles;

/** The signature that must already be on the record before `role` may sign, if any. */
export function signatureNeededBefore(role: SignerRole): SignerRole | undefined {
  const index = signingOrder.indexOf(role);
  return index > 0 ? signingOrder[index - 1] : undefined;
}

export type SigningTurn =
  | { readonly turn: 'ready' }
  | { readonly turn: 'alreadySigned' }
  | { readonly turn: 'waiting'; readonly waitingFor: SignerRole; readonly message: string };

/** Whether `role` may sign a record that already carries `signedRoles`. */
export function signingTurnOf(role: SignerRole, signedRoles: readonly SignerRole[]): SigningTurn {
  if (signedRoles.includes(role)) return { turn: 'alreadySigned' };
  const needed = signatureNeededBefore(role);
  if (needed !== undefined && !signedRoles.includes(needed))
    return {
      turn: 'waiting',
      waitingFor: needed,
      message: `Chưa đến lượt ${roleLabels[role]} ký: học bạ chưa có chữ ký của ${roleLabels[needed]}.`,
    };
  return { turn: 'ready' };
}

/** What the signer needs to know of a record's file (main's record file state). */
export type RecordForSigning = {
  readonly recordId: string;
  readonly state: 'missing' | 'draft' | 'final' | 'unreadable';
  readonly signedRoles: readonly SignerRole[];
  /** Who the record says signs each box; undefined for files made before it was recorded. */
  readonly signers?: RecordSigners | undefined;
};

/**
 * Who is about to sign: the token's certificate (what main judges, and the screen once a
 * certificate is chosen), or, on the screen before any certificate is chosen, only the name of
 * the signed-in person (the school's, for the seal).
 */
export type SigningCandidate =
  { readonly certificate: CertificateIdentity } | { readonly personName: string };

export type SigningSelection = {
  /** Records `role` may sign now (already signed ones included: the batch skips them). */
  readonly toSign: readonly string[];
  readonly alreadySigned: readonly string[];
  /** Records left out, each with the Vietnamese reason. */
  readonly refused: readonly {
    readonly recordId: string;
    readonly reason: RefusalReason;
    readonly message: string;
  }[];
};

export type RefusalReason = 'missing' | 'draft' | 'unreadable' | 'waiting' | 'notNamed' | 'someoneElse';

const refusalMessages = {
  missing: 'Học bạ chưa được lập. Hãy bấm “Lập học bạ cả lớp” trong mục Học bạ.',
  draft: 'Học bạ còn là bản nháp (kết quả cuối năm chưa được xác nhận) nên chưa ký được.',
  unreadable: 'Tệp học bạ không đọc được. Hãy kiểm tra tệp trong mục Học bạ.',
  notNamed: 'Học bạ được lập bằng phiên bản cũ của ứng dụng. Hãy lập lại học bạ trước khi ký.',
  someoneElse: (role: SignerRole, named: string, signer: string) =>
    `Học bạ ghi ${roleLabels[role]} là “${named}”, không phải “${signer}”: chỉ người có tên trên học bạ mới ký được ô này.`,
} as const;

/**
 * Whether `candidate` may sign `role`'s box of a record naming `signers`. A certificate is judged
 * as the verifier judges it (`matchPerson`, `matchSchool`: folded names, the CCCD/CMND against the
 * person's IDs from setup, a pinned certificate, the school's tax and budget codes), so the signer
 * never makes a signature the verifier would call someone else's. A bare name (the screen before a
 * certificate is chosen) is compared folded, as a certificate's name would be.
 */
export function judgeCandidate(
  signers: RecordSigners,
  role: SignerRole,
  candidate: SigningCandidate,
): IdentityMatch {
  if ('certificate' in candidate)
    return role === 'schoolSeal'
      ? matchSchool(candidate.certificate, signers.schoolSeal)
      : matchPerson(candidate.certificate, signers[role]);
  const named = signers[role].name;
  return foldedName(named) === foldedName(candidate.personName)
    ? { ok: true }
    : { ok: false, message: refusalMessages.someoneElse(role, named, candidate.personName) };
}

/**
 * Which of these records `candidate` may sign as `role`: the file must be a final record, its
 * earlier signature in place (teacher → principal → seal), and the record's signer for that box
 * must be the candidate (the school, for the seal). Main applies it to the token's certificate
 * before a batch; the screen uses it to count what is ready.
 */
export function selectForSigning(
  records: readonly RecordForSigning[],
  role: SignerRole,
  candidate: SigningCandidate,
): SigningSelection {
  const toSign: string[] = [];
  const alreadySigned: string[] = [];
  const refused: { recordId: string; reason: RefusalReason; message: string }[] = [];
  const refuse = (recordId: string, reason: Exclude<RefusalReason, 'waiting' | 'someoneElse'>) =>
    refused.push({ recordId, reason, message: refusalMessages[reason] });
  for (const record of records) {
    if (record.state !== 'final') {
      refuse(record.recordId, record.state);
      continue;
    }
    const turn = signingTurnOf(role, record.signedRoles);
    if (turn.turn === 'alreadySigned') {
      alreadySigned.push(record.recordId);
      toSign.push(record.recordId);
      continue;
    }
    if (turn.turn === 'waiting') {
      refused.push({ recordId: record.recordId, reason: 'waiting', message: turn.message });
      continue;
    }
    if (record.signers === undefined) {
      refuse(record.recordId, 'notNamed');
      continue;
    }
    const judged = judgeCandidate(record.signers, role, candidate);
    if (judged.ok) toSign.push(record.recordId);
    else refused.push({ recordId: record.recordId, reason: 'someoneElse', message: judged.message });
  }
  return { toSign, alreadySigned, refused };
}
