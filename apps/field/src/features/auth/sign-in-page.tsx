// Sign-in on a remembered device: the username is kept, only the password is asked.
import { useState } from 'react';
import { Button, Form, Input } from 'antd-mobile';
import type { CurrentUser } from '@gridwork/core';
import { api } from '@gridwork/client';
import { messageOf } from '../../lib/network.js';
import { rememberedUsername } from '../../lib/device-memory.js';

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
        <h1>网格员移动端</h1>
        <p>城乡网格化管理服务</p>
      </div>
      {notice && <p className="sign-in-notice">{notice}</p>}
      <Form
        name="sign-in"
        layout="vertical"
        aria-label="登录"
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
              登录
            </Button>
          </>
        }
      >
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="username" autoCapitalize="off" clearable />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input type="password" autoComplete="current-password" autoFocus={username !== ''} />
        </Form.Item>
      </Form>
    </div>
  );
}
