import type { ChainJudgement } from '../../../shared/audit/chainJudge';
import type { AuditFindingKind, AuditVerdict } from '../../../shared/ipc/auditChannels';
import type { Anomaly } from './anomalyRecord';
import { auditHeadStrings } from './strings';

/** What main concludes from one chain's judgement, and what it does with its record of the chain. */
export type ChainOutcome = {
  readonly verdict: AuditVerdict;
  readonly notice?: { readonly kind: AuditFindingKind; readonly message: string };
  /** Kept in the record and shown as problems. */
  readonly anomalies: readonly Anomaly[];
  /**
   * `undefined`: the record stays as it is; a number: after the anomaly is kept, the record
   * follows the database's chain from that sequence; `adopt`: the record starts on this chain.
   */
  readonly follow: number | 'adopt' | undefined;
};

export type OutcomeContext = {
  readonly subject: string;
  readonly chainDeviceId: string;
  readonly ownDeviceId: string;
  /** Whether this run had to make a new identity (device.json and the record were both gone). */
  readonly identityCreated: boolean;
};

export function outcomeOf(
  judgement: Exclude<ChainJudgement, { kind: 'needProbe' }>,
  context: OutcomeContext,
): ChainOutcome {
  const { subject } = context;
  switch (judgement.kind) {
    case 'intact':
      return {
        verdict: 'intact',
        notice: { kind: 'intact', message: auditHeadStrings.intact(judgement.seq) },
        anomalies: [],
        follow: undefined,
      };
    case 'ahead':
      return {
        verdict: 'ahead',
        notice: {
          kind: 'ahead',
          message: auditHeadStrings.ahead(judgement.recordedSeq, judgement.storedSeq),
        },
        anomalies: [],
        follow: undefined,
      };
    case 'truncated':
      return {
        verdict: 'truncated',
        anomalies: [
          {
            kind: 'truncated',
            subject,
            message: auditHeadStrings.truncated(judgement.recordedSeq, judgement.storedSeq),
          },
        ],
        follow: judgement.storedSeq,
      };
    case 'rewritten':
      return {
        verdict: 'rewritten',
        anomalies: [
          { kind: 'rewritten', subject, message: auditHeadStrings.rewritten(judgement.seq) },
          ...(judgement.storedSeq < judgement.recordedSeq
            ? [
                {
                  kind: 'truncated' as const,
                  subject,
                  message: auditHeadStrings.truncated(judgement.recordedSeq, judgement.storedSeq),
                },
              ]
            : []),
        ],
        follow: judgement.seq - 1,
      };
    case 'unknown': {
      const foreign = context.chainDeviceId !== context.ownDeviceId;
      return {
        verdict: foreign && context.identityCreated ? 'restarted' : 'unknownDevice',
        anomalies: [
          {
            kind: 'unknownDevice',
            subject,
            message: foreign
              ? auditHeadStrings.unknownDevice(context.chainDeviceId, judgement.storedSeq)
              : auditHeadStrings.unknownOwnChain(judgement.storedSeq),
          },
        ],
        follow: 'adopt',
      };
    }
  }
}

const verdictRank: Record<AuditVerdict, number> = {
  intact: 0,
  ahead: 1,
  unavailable: 2,
  unknownDevice: 3,
  restarted: 4,
  truncated: 5,
  rewritten: 6,
};

export function worstVerdict(verdicts: readonly AuditVerdict[]): AuditVerdict {
  return verdicts.reduce<AuditVerdict>((a, b) => (verdictRank[b] > verdictRank[a] ? b : a), 'intact');
}
