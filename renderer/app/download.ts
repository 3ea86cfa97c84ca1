import { base64OfBytes, bytesOfBase64 } from '../encoding/base64';
import type { DownloadableFile } from '../../shared/ipc/fileSchemas';

/** Hands a file from main to the user: the browser's download (Electron shows its save dialog). */
export function downloadFile(file: DownloadableFile): void {
  const url = URL.createObjectURL(new Blob([bytesOfBase64(file.bytesBase64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a picked file as base64 for IPC. */
export async function fileToBase64(file: Blob): Promise<string> {
  return base64OfBytes(new Uint8Array(await file.arrayBuffer()));
}
