import type { FileBlob } from '../../../../shared/api';
import { base64ToBytes } from '../../api/client';

/** Offers bytes as a download (web mode and Electron alike). */
export function downloadBytes(fileName: string, mimeType: string, bytes: BlobPart): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadBlob(file: FileBlob): void {
  downloadBytes(file.fileName, file.mimeType, base64ToBytes(file.base64));
}

/** A file name from a title: letters, digits and dashes. */
export function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'grid'
  );
}
