// Server-side sessions: app servers stay stateless, so any of them can serve any user.
export interface SessionTable {
  id: string;
  /** SHA-256 of the cookie token: a copy of this table does not let anyone sign in. */
  token_hash: string;
  account_id: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end; the idle end is last_seen_at plus the configured idle timeout. */
  expires_at: string;
  ip: string;
  user_agent: string;
  revoked_at: string | null;
}
