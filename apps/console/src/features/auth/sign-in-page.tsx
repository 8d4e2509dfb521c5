// Sign-in, and the password change a new or reset account must make before anything else. Errors
// are the server's own words in the reader's language (wrong password, locked for N minutes, the
// password rules); a session that ended under the user says so here.
import { useEffect, useState } from 'react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import type { Health } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useAuth } from './auth.js';
import { useLocale } from '../../app/i18n.js';

function Frame({ children }: { children: React.ReactNode }) {
  const { locale, setLocale, t } = useLocale();
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    api.health().then(setHealth, () => setHealth(null));
  }, []);
  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(160deg, #0f3f86 0%, #1f6fd1 55%, #f5f5f5 55%)',
      }}
    >
      <div style={{ width: 400, maxWidth: '92vw' }}>
        <Typography.Title level={3} style={{ color: '#fff', textAlign: 'center' }}>
          {t('城乡网格化管理服务信息平台', 'Urban-rural grid management platform')}
        </Typography.Title>
        <Card>
          {children}
          <div
            style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 16 }}
          >
            <Typography.Text type="secondary" data-testid="health" style={{ fontSize: 12 }}>
              {health
                ? t(
                    `服务正常 · 数据库 ${health.database} · 版本 ${health.version}`,
                    `Service up · ${health.database} · version ${health.version}`,
                  )
                : t('正在连接服务…', 'Connecting…')}
            </Typography.Text>
            <Segmented
              size="small"
              value={locale}
              onChange={(value) => setLocale(value as typeof locale)}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'EN', value: 'en-US' },
              ]}
            />
          </div>
        </Card>
      </div>
    </main>
  );
}

export function SignInPage() {
  const { signIn, expired } = useAuth();
  const { t } = useLocale();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError('');
    try {
      await signIn(values.username, values.password);
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught.message
          : t('网络异常，请稍后重试', 'Network error, please try again'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Frame>
      <Form layout="vertical" onFinish={submit} aria-label={t('登录', 'Sign in')} requiredMark={false}>
        {expired && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('登录已过期，请重新登录', 'Your session ended; please sign in again')}
          />
        )}
        <Form.Item
          label={t('用户名', 'Username')}
          name="username"
          rules={[{ required: true, message: t('请输入用户名', 'Enter your username') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('密码', 'Password')}
          name="password"
          rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {busy ? t('正在登录…', 'Signing in…') : t('登录', 'Sign in')}
        </Button>
      </Form>
    </Frame>
  );
}

export function ChangePasswordPage() {
  const { refresh, signOut } = useAuth();
  const { t } = useLocale();
  const [form] = Form.useForm();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(values: { currentPassword: string; newPassword: string }) {
    setBusy(true);
    setError('');
    try {
      await api.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      await refresh();
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fields = caught.fieldErrors();
        // The password rules and a wrong current password belong to their fields.
        if (caught.code === 'WEAK_PASSWORD' || caught.code === 'PASSWORD_UNCHANGED')
          fields['newPassword'] = caught.message;
        if (caught.code === 'WRONG_CURRENT_PASSWORD') fields['currentPassword'] = caught.message;
        const named = Object.entries(fields).filter(
          ([field]) => field === 'currentPassword' || field === 'newPassword',
        );
        if (named.length > 0) form.setFields(named.map(([name, message]) => ({ name, errors: [message] })));
        else setError(caught.message);
      } else setError(t('网络异常，请稍后重试', 'Network error, please try again'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Frame>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(
          '首次登录或密码已重置、已过期：请先设置新密码',
          'Set a new password before you go on (first sign-in, reset or expired password)',
        )}
      />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('当前密码', 'Current password')}
          name="currentPassword"
          rules={[{ required: true, message: t('请输入当前密码', 'Enter the current password') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('新密码', 'New password')}
          name="newPassword"
          extra={t(
            '至少 8 位，含大小写字母、数字和符号中的三类',
            'At least 8 characters of three kinds: upper, lower, digits, symbols',
          )}
          rules={[{ required: true, message: t('请输入新密码', 'Enter a new password') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('确认新密码', 'Repeat the new password')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('请再次输入新密码', 'Repeat the new password') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('两次输入的密码不一致', 'The two passwords differ'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('修改密码', 'Change password')}
        </Button>
        <Button type="link" block onClick={() => void signOut()}>
          {t('退出登录', 'Sign out')}
        </Button>
      </Form>
    </Frame>
  );
}
