import { roleLabels } from '../signing/signingStrings';
import type { SignerRole } from '../signing/signingTypes';

/**
 * The order a học bạ is signed in: the homeroom teacher vouches for the evaluations, the
 * principal approves them, and the school seal comes last (the Ministry's template: "Xác nhận
 * của Hiệu trưởng" under the teacher's signature, then the seal).
 */
export const signingOrder: readonly SignerRole[] = ['homeroomTeacher', 'principal', 'schoolSeal'];

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
