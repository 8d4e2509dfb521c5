// Who is signed in. The session is an HttpOnly cookie the page cannot read: the console asks the
// server (/api/auth/me) and listens for any 401 afterwards, which sends the user back to sign in
// with a note that the session ended.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CurrentUser } from '@gridwork/core';
import { api, onUnauthorized } from '@gridwork/client';

interface AuthState {
  /** undefined while asking the server. */
  readonly user: CurrentUser | null | undefined;
  /** Set when a session ended under the user (expiry, sign-out elsewhere). */
  readonly expired: boolean;
  signIn(username: string, password: string): Promise<CurrentUser>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    setUser(await api.me().catch(() => null));
  }, []);

  useEffect(() => {
    void refresh();
    return onUnauthorized(() => {
      setUser((current) => {
        if (current) setExpired(true);
        return null;
      });
    });
  }, [refresh]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      expired,
      async signIn(username, password) {
        const result = await api.signIn({ username, password });
        setExpired(false);
        setUser(result.user);
        return result.user;
      },
      async signOut() {
        await api.signOut().catch(() => undefined);
        setUser(null);
      },
      refresh,
    }),
    [user, expired, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user, for pages that only render inside the signed-in layout. */
export function useUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
