import { apiBlob } from '../api/client.js';

/** Fetches a PDF with the session's token and hands it to the browser as a download. */
export async function downloadPdf(path: string, filename: string): Promise<void> {
  const blob = await apiBlob('GET', path);
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
