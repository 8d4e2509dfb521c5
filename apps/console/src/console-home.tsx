// The console's first page: platform status and sign-in. The full console (antd) grows from here.
import { useEffect, useState, type FormEvent } from 'react';
import type { CurrentUser, Health } from '@gridwork/core';
import { ROLE_LABELS } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';

const styles = {
  page: {
    fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif',
    maxWidth: 420,
    margin: '10vh auto',
    padding: 24,
  },
  card: { border: '1px solid #d9d9d9', borderRadius: 8, padding: 24, background: '#fff' },
  field: {
    display: 'block',
    width: '100%',
    padding: 8,
    margin: '4px 0 12px',
    boxSizing: 'border-box' as const,
  },
  error: { color: '#cf1322' },
};

export function ConsoleHome() {
  const [health, setHealth] = useState<Health | null>(null);
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.health().then(setHealth, () => setHealth(null));
    api.me().then(setUser, () => setUser(null));
  }, []);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError('');
    try {
      const result = await api.signIn({
        username: String(form.get('username')),
        password: String(form.get('password')),
      });
      setUser(result.user);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : '网络异常，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main style={styles.page}>
      <h1>城乡网格化管理服务信息平台</h1>
      <p data-testid="health">
        {health ? `服务正常 · 数据库 ${health.database} · 版本 ${health.version}` : '正在连接服务…'}
      </p>
      <section style={styles.card}>
        {user ? (
          <div data-testid="signed-in">
            <p>
              欢迎，{user.displayName}（{ROLE_LABELS[user.role]['zh-CN']}）
            </p>
            <button type="button" onClick={() => api.signOut().then(() => setUser(null))}>
              退出登录
            </button>
          </div>
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
            <button type="submit" disabled={busy}>
              {busy ? '正在登录…' : '登录'}
            </button>
          </form>
        )}
      </section>
    </main>
  );
}
