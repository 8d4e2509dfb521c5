// Typed calls to the server. Payload types come from @gridwork/core, the same schemas the server
// validates with; an error answer becomes an ApiError carrying its code, localized message and
// details (a validation error names its fields there). The reader's language goes with every call.
import type { ChangePasswordBody, CurrentUser, ErrorResponse, Health, Locale, SignInBody } from '@gridwork/core';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field errors of a validation failure, by field name without its `body.`/`querystring.` prefix. */
  fieldErrors(): Record<string, string> {
    const fields = this.details['fields'];
    const errors: Record<string, string> = {};
    if (Array.isArray(fields)) {
      for (const item of fields as { field?: unknown; message?: unknown }[]) {
        if (typeof item.field === 'string' && typeof item.message === 'string') errors[item.field.replace(/^(body|querystring|params)\./, '')] = item.message;
      }
    }
    const field = this.details['field'];
    if (typeof field === 'string' && !errors[field]) errors[field] = this.message;
    return errors;
  }
}

let language: Locale = 'zh-CN';
const unauthorizedListeners = new Set<(error: ApiError) => void>();

/** The language of error messages from now on. */
export function setApiLanguage(locale: Locale): void {
  language = locale;
}

/** Called when a signed-in call answers 401 (the session expired or was ended elsewhere). */
export function onUnauthorized(listener: (error: ApiError) => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type Query = Readonly<Record<string, string | number | boolean | undefined | null>>;

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

async function call<T>(method: string, url: string, body?: unknown, options: { quiet401?: boolean } = {}): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Accept-Language': language,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return readResponse<T>(response, options);
}

/**
 * The answer of a call as `call` reads it: the JSON payload, or an ApiError (a 401 told to the
 * listeners unless quiet). Also reads a response fetched ahead, e.g. by the page's first script.
 */
export async function readResponse<T>(response: Response, options: { quiet401?: boolean } = {}): Promise<T> {
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => ({ error: { code: 'INTERNAL', message: response.statusText } }));
  if (!response.ok) {
    const { error } = payload as ErrorResponse;
    const failure = new ApiError(response.status, error.code, error.message, (error as { details?: Record<string, unknown> }).details ?? {});
    if (response.status === 401 && !options.quiet401) for (const listener of unauthorizedListeners) listener(failure);
    throw failure;
  }
  return payload as T;
}

export const api = {
  health: () => call<Health>('GET', '/api/health'),
  me: () => call<CurrentUser>('GET', '/api/auth/me', undefined, { quiet401: true }),
  signIn: (body: SignInBody) => call<{ user: CurrentUser }>('POST', '/api/auth/sign-in', body, { quiet401: true }),
  signOut: () => call<void>('POST', '/api/auth/sign-out'),
  changePassword: (body: ChangePasswordBody) => call<void>('POST', '/api/auth/change-password', body),
  get: <T>(url: string, query?: Query) => call<T>('GET', withQuery(url, query)),
  post: <T>(url: string, body?: unknown) => call<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => call<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => call<T>('PUT', url, body),
  del: <T>(url: string) => call<T>('DELETE', url),
};
