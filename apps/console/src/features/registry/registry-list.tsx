// The registry's downloads, and (re-exported) the keyset list every registry page uses.
import { ApiError, type Query } from '@gridwork/client';
export { failureText, PageButtons, useKeysetList, type KeysetList } from '../../app/keyset-list.js';

/**
 * Downloads a workbook the API writes, keeping the server's file name; a refusal (no permission,
 * out of scope) comes back as an ApiError with the server's message instead of a broken file.
 */
export async function downloadFile(
  url: string,
  query: Query,
  locale: string,
  fallbackName: string,
): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const response = await fetch(params.size > 0 ? `${url}?${params}` : url, {
    credentials: 'same-origin',
    headers: { 'Accept-Language': locale },
  });
  if (!response.ok) {
    const payload = (await response.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; details?: Record<string, unknown> };
    };
    throw new ApiError(
      response.status,
      payload.error?.code ?? 'INTERNAL',
      payload.error?.message ?? response.statusText,
      payload.error?.details ?? {},
    );
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
