// My account, from the header: change my password when I choose to, and see where I am signed in
// (PC, browser, address, last seen) and end a session I do not recognise.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Session } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';

export function MyAccountDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.get<{ items: Session[] }>('/api/auth/sessions').then(
      (answer) => setSessions(answer.items),
      () => setSessions([]),
    );
  }, []);

  useEffect(() => {
    if (open) load();
  }, [open, load]);

  async function change(values: { currentPassword: string; newPassword: string }) {
    setBusy(true);
    setError('');
    try {
      await api.changePassword(values);
      form.resetFields();
      void message.success(
        t('密码已修改，其他设备上的登录已结束', 'Password changed; your other sessions have ended'),
      );
      load();
    } catch (caught) {
      if (
        caught instanceof ApiError &&
        (caught.code === 'WEAK_PASSWORD' || caught.code === 'PASSWORD_UNCHANGED')
      )
        form.setFields([{ name: 'newPassword', errors: [caught.message] }]);
      else if (caught instanceof ApiError && caught.code === 'WRONG_CURRENT_PASSWORD')
        form.setFields([{ name: 'currentPassword', errors: [caught.message] }]);
      else
        setError(
          caught instanceof ApiError
            ? caught.message
            : t('网络异常，请稍后重试', 'Network error, please try again'),
        );
    } finally {
      setBusy(false);
    }
  }

  function end(session: Session) {
    modal.confirm({
      title: t('结束这个登录？', 'End this session?'),
      content: `${session.ip} · ${session.userAgent.slice(0, 80)}`,
      okText: t('确定', 'OK'),
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        try {
          await api.del(`/api/auth/sessions/${session.id}`);
          void message.success(t('已结束', 'Ended'));
          load();
        } catch (caught) {
          void message.error(caught instanceof ApiError ? caught.message : t('操作失败', 'It did not work'));
        }
      },
    });
  }

  return (
    <Drawer open={open} onClose={onClose} title={t('我的账号', 'My account')} size={440}>
      <Typography.Title level={5}>{t('修改密码', 'Change my password')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={change} requiredMark={false}>
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
          rules={[{ required: true, message: t('请输入新密码', 'Enter a new password') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('修改密码', 'Change password')}
        </Button>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 32 }}>
        {t('登录中的设备', 'Where I am signed in')}
      </Typography.Title>
      <List<Session>
        loading={sessions === null}
        dataSource={sessions ?? []}
        renderItem={(session) => (
          <List.Item
            actions={
              session.current
                ? [
                    <Tag key="current" color="blue">
                      {t('当前', 'This one')}
                    </Tag>,
                  ]
                : [
                    <Button key="end" size="small" danger onClick={() => end(session)}>
                      {t('结束', 'End')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={`${session.ip} · ${t('最近活动', 'last seen')} ${dayjs(session.lastSeenAt).format('MM-DD HH:mm')}`}
              description={
                <Typography.Text
                  type="secondary"
                  ellipsis={{ tooltip: session.userAgent }}
                  style={{ maxWidth: 300 }}
                >
                  {session.userAgent || '—'}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
