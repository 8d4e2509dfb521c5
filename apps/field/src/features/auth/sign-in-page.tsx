// Sign-in on a remembered device: the username is kept, only the password is asked.
import { useState } from 'react';
import { Button, Form, Input } from 'antd-mobile';
import type { CurrentUser } from '@gridwork/core';
import { api } from '@gridwork/client';
import { messageOf } from '../../lib/network.js';
import { rememberedUsername } from '../../lib/device-memory.js';
import { t } from '../../app/i18n.js';

interface SignInPageProps {
  readonly onSignedIn: (user: CurrentUser) => void;
  /** Why the worker must sign in again (the session ended while items wait). */
  readonly notice?: string | null;
}

export function SignInPage({ onSignedIn, notice }: SignInPageProps) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const username = rememberedUsername();

  async function signIn(values: { username: string; password: string }) {
    setError('');
    setBusy(true);
    try {
      const result = await api.signIn({ username: values.username.trim(), password: values.password });
      onSignedIn(result.user);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <div className="sign-in-brand">
        <img src={`${import.meta.env.BASE_URL}icon-192.png`} alt="" width={56} height={56} />
        <h1>{t('网格员移动端', 'Grid worker')}</h1>
        <p>{t('城乡网格化管理服务', 'Urban-rural grid management')}</p>
      </div>
      {notice && <p className="sign-in-notice">{notice}</p>}
      <Form
        name="sign-in"
        layout="vertical"
        aria-label={t('登录', 'Sign in')}
        initialValues={{ username, password: '' }}
        onFinish={(values: { username: string; password: string }) => void signIn(values)}
        footer={
          <>
            {error && (
              <p role="alert" className="form-error">
                {error}
              </p>
            )}
            <Button block type="submit" color="primary" size="large" loading={busy}>
              {t('登录', 'Sign in')}
            </Button>
          </>
        }
      >
        <Form.Item
          name="username"
          label={t('用户名', 'Username')}
          rules={[{ required: true, message: t('请输入用户名', 'Enter your username') }]}
        >
          <Input autoComplete="username" autoCapitalize="off" clearable />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('密码', 'Password')}
          rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}
        >
          <Input type="password" autoComplete="current-password" autoFocus={username !== ''} />
        </Form.Item>
      </Form>
    </div>
  );
}
