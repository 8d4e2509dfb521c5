// Signs in to the product as one of the demo logins and returns the session cookie, so a benchmark
// measures an authenticated request exactly as the console or the field app sends it.
export const DEMO_PASSWORD = 'Grid@2026';

/** @returns {Promise<string>} the Cookie header value of a fresh session */
export async function signIn(baseUrl, username, password = DEMO_PASSWORD) {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok)
    throw new Error(
      `sign-in as ${username} answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
    );
  const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0]);
  if (cookies.length === 0) throw new Error(`sign-in as ${username} set no cookie`);
  return cookies.join('; ');
}
