// Typed calls to the server. Payload types come from @gridwork/core, the same schemas the server
// validates with; an error answer becomes an ApiError carrying its code and localized message.
import type { CurrentUser, ErrorResponse, Health, SignInBody } from '@gridwork/core';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json();
  if (!response.ok) {
    const { error } = payload as ErrorResponse;
    throw new ApiError(response.status, error.code, error.message);
  }
  return payload as T;
}

export const api = {
  health: () => call<Health>('GET', '/api/health'),
  me: () => call<CurrentUser>('GET', '/api/auth/me'),
  signIn: (body: SignInBody) => call<{ user: CurrentUser }>('POST', '/api/auth/sign-in', body),
  signOut: () => call<void>('POST', '/api/auth/sign-out'),
};
