import type { PhotoStore } from '../../services/photoStore';
import type { IpcHandlers } from '../dispatcher';

export function photoHandlers(store: PhotoStore): Pick<IpcHandlers, 'photo:save' | 'photo:read'> {
  return {
    'photo:save': async (request) => store.save(new Uint8Array(Buffer.from(request.bytesBase64, 'base64'))),
    'photo:read': async (request) => ({
      bytesBase64: Buffer.from(await store.read(request.photoId)).toString('base64'),
    }),
  };
}
