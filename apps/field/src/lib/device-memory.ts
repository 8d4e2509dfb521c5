// What the device remembers between visits outside IndexedDB: the last username (a remembered
// device only asks for the password) and the signed-in worker, so the app opens with no signal.
import type { CurrentUser } from '@gridwork/core';

const USERNAME = 'gridwork.field.username';
const USER = 'gridwork.field.user';

export function rememberedUsername(): string {
  return localStorage.getItem(USERNAME) ?? '';
}

export function rememberUser(user: CurrentUser): void {
  localStorage.setItem(USERNAME, user.username);
  localStorage.setItem(USER, JSON.stringify(user));
}

export function rememberedUser(): CurrentUser | null {
  const text = localStorage.getItem(USER);
  if (!text) return null;
  try {
    return JSON.parse(text) as CurrentUser;
  } catch {
    return null;
  }
}

export function forgetUser(): void {
  localStorage.removeItem(USER);
}
