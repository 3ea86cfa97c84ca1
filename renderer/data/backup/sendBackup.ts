import type { BackupSummaryView } from '../../../shared/ipc/backupChannels';
import type { IpcClient } from '../../ipc/ipcClient';
import { stageBytes, type StagingProgress } from './stageBytes';

export type BackupProgress = StagingProgress;

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
  const staged = await stageBytes(ipc, new Blob([new Uint8Array(exported)]), onProgress);
  if (!staged.ok) return staged;
  const created = await ipc.invoke('backup:create', { uploadId: staged.uploadId, ...request });
  return created.ok ? { ok: true, summary: created.value } : { ok: false, message: created.error.message };
}
