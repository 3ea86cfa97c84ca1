import { fileToBase64 } from '../../app/download';
import type { IpcClient } from '../../ipc/ipcClient';

/** Well under main's staging limit once in base64 (4 MiB), and under the bridge's request limit. */
const chunkBytes = 2 * 1024 * 1024;

export type StagingProgress = { readonly sent: number; readonly total: number };

/**
 * Sends bytes to main in pieces (`backup:stage`): a database export to seal, or a backup file to
 * restore. Resolves to the upload's id, or the user-facing reason main refused a piece.
 */
export async function stageBytes(
  ipc: IpcClient,
  bytes: Blob,
  onProgress: (progress: StagingProgress) => void,
): Promise<{ ok: true; uploadId: string } | { ok: false; message: string }> {
  const uploadId = [...crypto.getRandomValues(new Uint8Array(16))]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  const count = Math.max(1, Math.ceil(bytes.size / chunkBytes));
  for (let index = 0; index < count; index += 1) {
    const staged = await ipc.invoke('backup:stage', {
      uploadId,
      index,
      count,
      bytesBase64: await fileToBase64(bytes.slice(index * chunkBytes, (index + 1) * chunkBytes)),
    });
    if (!staged.ok) return { ok: false, message: staged.error.message };
    onProgress({ sent: index + 1, total: count });
  }
  return { ok: true, uploadId };
}
