import type { BackupSummaryView } from '../../../shared/ipc/backupChannels';
import type { IpcClient } from '../../ipc/ipcClient';
import { fileToBase64 } from '../../app/download';

/** Well under the staging limit once in base64 (4 MiB), and under the bridge's request limit. */
const chunkBytes = 2 * 1024 * 1024;

export type BackupProgress = { readonly sent: number; readonly total: number };

/**
 * Sends the database export to main in pieces and asks it to seal the backup. Resolves to the
 * backup's summary, or the user-facing reason it could not be made.
 */
export async function sendBackup(
  ipc: IpcClient,
  exported: Uint8Array,
  request: { readonly passphrase: string; readonly school: { readonly code: string; readonly name: string } },
  onProgress: (progress: BackupProgress) => void,
): Promise<{ ok: true; summary: BackupSummaryView } | { ok: false; message: string }> {
  const uploadId = [...crypto.getRandomValues(new Uint8Array(16))]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  const count = Math.max(1, Math.ceil(exported.length / chunkBytes));
  for (let index = 0; index < count; index += 1) {
    const piece = exported.subarray(index * chunkBytes, (index + 1) * chunkBytes);
    const staged = await ipc.invoke('backup:stage', {
      uploadId,
      index,
      count,
      bytesBase64: await fileToBase64(new Blob([new Uint8Array(piece)])),
    });
    if (!staged.ok) return { ok: false, message: staged.error.message };
    onProgress({ sent: index + 1, total: count });
  }
  const created = await ipc.invoke('backup:create', { uploadId, ...request });
  return created.ok ? { ok: true, summary: created.value } : { ok: false, message: created.error.message };
}
