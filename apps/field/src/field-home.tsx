// The field app's first screen, sized for a cheap phone: connection state and sign-in.
// The offline-first app (antd-mobile, outbox, IndexedDB) grows from here.
import { useEffect, useState, type FormEvent } from 'react';
import type { CurrentUser } from '@gridwork/core';
import { ROLE_LABELS } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';

const styles = {
  page: { fontFamily: 'system-ui, "PingFang SC", sans-serif', padding: 16, fontSize: 16 },
  header: { background: '#1677ff', color: '#fff', margin: -16, marginBottom: 16, padding: 16 },
  field: {
    display: 'block',
    width: '100%',
    padding: 12,
    margin: '4px 0 16px',
    fontSize: 16,
    boxSizing: 'border-box' as const,
  },
  button: {
    width: '100%',
    padding: 14,
    fontSize: 17,
    background: '#1677ff',
    color: '#fff',
    border: 0,
    borderRadius: 6,
  },
  error: { color: '#cf1322' },
};

export function FieldHome() {
  const [online, setOnline] = useState<boolean>(navigator.onLine);
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    api.me().then(setUser, () => setUser(null));
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError('');
    try {
      const result = await api.signIn({
        username: String(form.get('username')),
        password: String(form.get('password')),
      });
      setUser(result.user);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : '网络不通，请到信号好的地方重试');
    }
  }

  return (
    <main style={styles.page}>
      <header style={styles.header}>
        <strong>网格员移动端</strong>
        <span data-testid="network" style={{ float: 'right' }}>
          {online ? '在线' : '离线'}
        </span>
      </header>
      {user ? (
        <p data-testid="signed-in">
          {user.displayName}（{ROLE_LABELS[user.role]['zh-CN']}），今天辛苦了。
        </p>
      ) : (
        <form onSubmit={signIn} aria-label="登录">
          <label>
            用户名
            <input name="username" autoComplete="username" required style={styles.field} />
          </label>
          <label>
            密码
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              style={styles.field}
            />
          </label>
          {error && (
            <p role="alert" style={styles.error}>
              {error}
            </p>
          )}
          <button type="submit" style={styles.button}>
            登录
          </button>
        </form>
      )}
    </main>
  );
}
