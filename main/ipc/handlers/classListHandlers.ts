import type { ClassListService } from '../../services/classListService';
import type { IpcHandlers } from '../dispatcher';

export function classListHandlers(
  service: ClassListService,
): Pick<IpcHandlers, 'classList:read' | 'classList:template'> {
  return {
    // A decoded Buffer of this size owns its ArrayBuffer, so it moves to the reader's worker uncopied.
    'classList:read': async (request) =>
      service.read(request.fileName, Buffer.from(request.bytesBase64, 'base64')),
    'classList:template': async () => service.template(),
  };
}
