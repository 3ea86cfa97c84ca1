import type { ChainJudgement, PointJudgement } from '../../../shared/audit/chainJudge';
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

/**
 * What main concludes of another desktop's chain from the point it carried that chain to from the
 * province server: vouched for up to there, or a problem. The record of the point never moves
 * here; only the next pull moves it.
 */
export function outcomeAgainstPoint(
  judgement: Exclude<PointJudgement, { kind: 'needProbe' }>,
  context: Pick<OutcomeContext, 'subject' | 'chainDeviceId'>,
): ChainOutcome {
  const { subject, chainDeviceId } = context;
  switch (judgement.kind) {
    case 'holds':
      return judgement.storedSeq === judgement.seq
        ? {
            verdict: 'vouched',
            notice: { kind: 'vouched', message: auditHeadStrings.vouched(chainDeviceId, judgement.seq) },
            anomalies: [],
            follow: undefined,
          }
        : {
            verdict: 'unknownDevice',
            notice: { kind: 'vouched', message: auditHeadStrings.vouched(chainDeviceId, judgement.seq) },
            anomalies: [
              {
                kind: 'notFromServer',
                subject,
                message: auditHeadStrings.notFromServer(
                  chainDeviceId,
                  judgement.seq,
                  judgement.storedSeq - judgement.seq,
                ),
              },
            ],
            follow: undefined,
          };
    case 'short':
      return {
        verdict: 'truncated',
        anomalies: [
          {
            kind: 'truncated',
            subject,
            message: auditHeadStrings.truncatedFromServer(chainDeviceId, judgement.seq, judgement.storedSeq),
          },
        ],
        follow: undefined,
      };
    case 'differs':
      return {
        verdict: 'rewritten',
        anomalies: [
          {
            kind: 'differsFromServer',
            subject,
            message: auditHeadStrings.differsFromServer(chainDeviceId, judgement.seq),
          },
        ],
        follow: undefined,
      };
  }
}

const verdictRank: Record<AuditVerdict, number> = {
  intact: 0,
  vouched: 1,
  ahead: 2,
  unavailable: 3,
  unknownDevice: 4,
  restarted: 5,
  truncated: 6,
  rewritten: 7,
};

export function worstVerdict(verdicts: readonly AuditVerdict[]): AuditVerdict {
  return verdicts.reduce<AuditVerdict>((a, b) => (verdictRank[b] > verdictRank[a] ? b : a), 'intact');
}
