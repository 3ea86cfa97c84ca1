import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SealedFiles } from './files/sealedFiles';
import { UserFacingError } from './userFacingError';

export type PhotoStore = {
  readonly save: (bytes: Uint8Array) => Promise<{ photoId: string; bytes: number }>;
  readonly read: (photoId: string) => Promise<Uint8Array>;
};

const photoStrings = {
  notJpeg: 'Ảnh phải là tệp JPEG. Hãy chọn lại ảnh.',
  tooLarge: 'Ảnh quá lớn sau khi nén. Hãy chọn ảnh khác.',
  missing: 'Không tìm thấy ảnh trên máy này. Hãy nhập lại ảnh của học sinh.',
} as const;

function isJpeg(bytes: Uint8Array): boolean {
  return (
    bytes.length > 4 &&
    bytes[0] === 0xff &&
    bytes[1] === 0xd8 &&
    bytes[bytes.length - 2] === 0xff &&
    bytes[bytes.length - 1] === 0xd9
  );
}

/**
 * Students' 3×4 photos on this desktop, stored by content (SHA-256): the same photo is kept once,
 * a photo's id proves its bytes, and nothing is ever overwritten. Each file is sealed with the
 * desktop's data key (files/sealedFile.ts), bound to its own name.
 */
export function createPhotoStore(dataDir: string, maxBytes: number, files: SealedFiles): PhotoStore {
  const folder = join(dataDir, 'photos');
  return {
    save: async (bytes) => {
      if (!isJpeg(bytes)) throw new UserFacingError('invalid-request', photoStrings.notJpeg);
      if (bytes.length > maxBytes) throw new UserFacingError('invalid-request', photoStrings.tooLarge);
      const photoId = createHash('sha256').update(bytes).digest('hex');
      await files.write(join(folder, `${photoId}.jpg`), bytes);
      return { photoId, bytes: bytes.length };
    },
    read: async (photoId) => {
      if (!/^[0-9a-f]{64}$/.test(photoId)) throw new UserFacingError('failed', photoStrings.missing);
      let bytes: Buffer;
      try {
        bytes = await files.read(join(folder, `${photoId}.jpg`));
      } catch (error) {
        // A sealed file that fails its check says so (and what to do); a missing one is missing.
        if (error instanceof UserFacingError) throw error;
        throw new UserFacingError('failed', photoStrings.missing);
      }
      if (createHash('sha256').update(bytes).digest('hex') !== photoId)
        throw new UserFacingError('failed', photoStrings.missing);
      return new Uint8Array(bytes);
    },
  };
}
