// The two public calls of the residents' questionnaire, with plain fetch: the page needs the
// status (404 closed, 409 already answered from this phone, 429 too many) and Retry-After, and
// nothing of the signed-in client.
import type { Locale, PublicSurvey, PublicSurveyAnswerBody, PublicSurveyReceipt } from '@gridwork/core';

export type PublicFailure =
  | { readonly kind: 'closed' }
  | { readonly kind: 'already_answered'; readonly message: string }
  | { readonly kind: 'too_many'; readonly retryAfterSeconds: number | null; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string; readonly field: string | null }
  | { readonly kind: 'network' };

export type PublicResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: PublicFailure };

interface ErrorPayload {
  readonly error?: { readonly code?: string; readonly message?: string; readonly details?: { readonly field?: unknown; readonly fields?: readonly { field?: unknown }[] } };
}

function fieldOf(payload: ErrorPayload): string | null {
  const details = payload.error?.details;
  const field = typeof details?.field === 'string' ? details.field : details?.fields?.[0]?.field;
  return typeof field === 'string' ? field.replace(/^(body|querystring|params)\./, '') : null;
}

/** A request on a poor connection that has not answered in this long is given up (and may be sent again). */
export const PUBLIC_REQUEST_TIMEOUT_MS = 20_000;

async function send<T>(url: string, locale: Locale, body?: unknown): Promise<PublicResult<T>> {
  // A cheap phone on a weak signal can wait minutes for a lost reply: give up after a while, so the
  // resident sees "no connection" and can send the same answer again (same clientKey: it lands once).
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), PUBLIC_REQUEST_TIMEOUT_MS);
  let response: Response;
  let payload: T & ErrorPayload;
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      credentials: 'omit',
      signal: abort.signal,
      headers: { Accept: 'application/json', 'Accept-Language': locale, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    payload = (await response.json().catch((caught: unknown) => {
      if (abort.signal.aborted) throw caught;
      return {};
    })) as T & ErrorPayload;
  } catch {
    return { ok: false, failure: { kind: 'network' } };
  } finally {
    clearTimeout(timer);
  }
  if (response.ok) return { ok: true, value: payload };
  const message = payload.error?.message ?? response.statusText;
  if (response.status === 404) return { ok: false, failure: { kind: 'closed' } };
  if (response.status === 409 && payload.error?.code === 'SURVEY_ALREADY_ANSWERED') return { ok: false, failure: { kind: 'already_answered', message } };
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    return { ok: false, failure: { kind: 'too_many', retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null, message } };
  }
  if (response.status >= 500) return { ok: false, failure: { kind: 'network' } };
  return { ok: false, failure: { kind: 'refused', message, field: fieldOf(payload) } };
}

export function fetchPublicSurvey(code: string, locale: Locale): Promise<PublicResult<PublicSurvey>> {
  return send<PublicSurvey>(`/api/public/surveys/${encodeURIComponent(code)}`, locale);
}

export function submitPublicAnswer(code: string, body: PublicSurveyAnswerBody, locale: Locale): Promise<PublicResult<PublicSurveyReceipt>> {
  return send<PublicSurveyReceipt>(`/api/public/surveys/${encodeURIComponent(code)}/answers`, locale, body);
}
