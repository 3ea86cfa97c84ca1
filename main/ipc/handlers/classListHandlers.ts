import type { ClassListService } from '../../services/classListService';
import type { IpcHandlers } from '../dispatcher';

export function classListHandlers(
  service: ClassListService,
): Pick<IpcHandlers, 'classList:read' | 'classList:template'> {
  return {
    'classList:read': async (request) =>
      service.read(request.fileName, new Uint8Array(Buffer.from(request.bytesBase64, 'base64'))),
    'classList:template': async () => service.template(),
  };
}
