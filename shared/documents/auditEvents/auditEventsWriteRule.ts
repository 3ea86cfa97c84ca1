import { allowed, firstRefusal, refused, writeRuleOf, type WriteCheck } from '../writeRule';
import { writeRuleStrings as text } from '../writeRuleStrings';
import { auditEventIdOf, type AuditEventDoc } from './auditEvents';

/**
 * An audit event is only ever added, once, by the person it names, under the id its device and
 * place in the chain give. (That the chain holds, hash after hash, is `verifyAuditChain`'s work.)
 */
export const checkAuditEventWrite: WriteCheck<AuditEventDoc> = (writer, _controls, before, after) =>
  firstRefusal(
    () => (before || !after ? refused(text.auditInsertOnly) : allowed),
    () => (after && after.actor !== writer.actor.userId ? refused(text.auditOtherActor) : allowed),
    () =>
      after && after.id !== auditEventIdOf(after.deviceId, after.seq) ? refused(text.idNotNatural) : allowed,
  );

export const auditEventWriteRule = writeRuleOf(checkAuditEventWrite);
