import type { AuditHeadService } from '../../services/audit/auditHeadService';
import type { IpcHandlers } from '../dispatcher';

type AuditChannels = 'audit:recordHead' | 'audit:checkChain';

export function auditHandlers(service: AuditHeadService): Pick<IpcHandlers, AuditChannels> {
  return {
    'audit:recordHead': (request) => service.recordHead(request),
    'audit:checkChain': (request) => service.checkChain(request),
  };
}
