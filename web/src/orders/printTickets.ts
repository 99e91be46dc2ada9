import { apiBlob } from '../api/client.js';

/** Prints (or reprints: the server counts and marks it) and opens the PDF in a new tab. Returns the blob URL. */
export async function printTickets(orderId: string, ticketIds?: string[]): Promise<string> {
  const blob = await apiBlob('POST', `/api/orders/${orderId}/print`, { body: ticketIds ? { ticketIds } : {} });
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
  window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
  return url;
}
