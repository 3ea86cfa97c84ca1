import { recordFileStrings } from '../../services/records/strings';
import type { RecordBundles } from '../../services/records/recordBundles';
import type { RecordFileStore } from '../../services/records/recordFileStore';
import type { RecordVerifier } from '../../services/records/recordVerifier';
import { UserFacingError } from '../../services/userFacingError';
import type { IpcHandlers } from '../dispatcher';

type RecordChannels =
  | 'records:produce'
  | 'records:amend'
  | 'records:list'
  | 'records:read'
  | 'records:verify'
  | 'records:bundleAdd'
  | 'records:bundleFinish';

const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function recordHandlers(
  store: RecordFileStore,
  verifier: RecordVerifier,
  bundles: RecordBundles,
): Pick<IpcHandlers, RecordChannels> {
  return {
    'records:bundleAdd': (request) => bundles.add(request.bundleId, request.format, request.entries),
    'records:bundleFinish': (request) => bundles.finish(request.bundleId, request.fileStem, request.title),
    'records:produce': (request) => store.produce(request.records),
    'records:amend': (request) => store.amend(request.record, request.amendmentId),
    'records:list': (request) => store.states(request.recordIds),
    'records:read': async (request) => {
      const bytes = await store.read(request.recordId);
      const [, , studentCode = 'hoc-ba', schoolYear = ''] = request.recordId.split(':');
      return {
        fileName: `hoc-ba-${studentCode}-${schoolYear}.pdf`,
        mimeType: 'application/pdf',
        bytesBase64: Buffer.from(bytes).toString('base64'),
      };
    },
    'records:verify': async (request) => {
      const pdf =
        'recordId' in request
          ? await store.read(request.recordId)
          : new Uint8Array(Buffer.from(request.bytesBase64, 'base64'));
      if (!pdfMagic.every((byte, index) => pdf[index] === byte))
        throw new UserFacingError('invalid-request', recordFileStrings.notPdf);
      return verifier.verify(pdf);
    },
  };
}
