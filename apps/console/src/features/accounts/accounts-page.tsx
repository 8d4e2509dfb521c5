// Accounts of my scope for the three administrators and the centers: find, create (the password
// is to be changed at first sign-in), edit, reset a password, disable or enable, end sessions,
// grant a role (security administrator only), and hand all work over to another account. Each
// change asks for confirmation and says how it went; what the role may not do is not offered.
import { useEffect, useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Dropdown,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { ROLES, ROLE_LABELS, can, type Account, type Role } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useDepartments } from '../events/catalogue.js';
import { useLocale } from '../../app/i18n.js';
import { AccountDialog, type AccountDialogState as Dialog } from './account-dialog.js';

export function AccountsPage() {
  const user = useUser();
  const { locale, t } = useLocale();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [items, setItems] = useState<Account[] | null>(null);
  const [error, setError] = useState('');
  const [reloads, setReloads] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const departments = useDepartments(can(user.role, 'department.read'));
  const canManage = can(user.role, 'account.manage');
  const PAGE = 50;

  const query = useMemo(
    () => ({
      q: params.get('q') ?? undefined,
      role: params.get('role') ?? undefined,
      includeDisabled: params.get('includeDisabled') === 'true' ? true : undefined,
      after: params.get('after') ?? undefined,
    }),
    [params],
  );
  const backs = (params.get('back') ?? '').split(',').filter(Boolean);

  useEffect(() => {
    let alive = true;
    setItems(null);
    api.get<{ items: Account[] }>('/api/accounts', { ...query, limit: PAGE }).then(
      (answer) => alive && (setItems(answer.items), setError('')),
      (caught: unknown) =>
        alive &&
        (setItems([]),
        setError(
          caught instanceof ApiError ? caught.message : t('加载失败，请重试', 'Could not load; try again'),
        )),
    );
    return () => {
      alive = false;
    };
  }, [query, reloads, t]);

  function setFilter(key: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('after');
    next.delete('back');
    setParams(next);
  }

  /** Confirms, calls, reports, reloads. */
  function change(title: string, run: () => Promise<unknown>, done: string) {
    modal.confirm({
      title,
      okText: t('确定', 'OK'),
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        try {
          await run();
          void message.success(done);
          setReloads((count) => count + 1);
        } catch (caught) {
          void message.error(caught instanceof ApiError ? caught.message : t('操作失败', 'It did not work'));
        }
      },
    });
  }

  const roleLabel = (role: Role) => ROLE_LABELS[role][locale];
  const actionsOf = (account: Account) => {
    const entries: { key: string; label: string; danger?: boolean; onClick: () => void }[] = [];
    if (canManage) {
      entries.push({
        key: 'edit',
        label: t('修改', 'Edit'),
        onClick: () => setDialog({ kind: 'edit', account }),
      });
      entries.push({
        key: 'reset',
        label: t('重置密码', 'Reset password'),
        onClick: () => setDialog({ kind: 'reset', account }),
      });
      entries.push(
        account.disabled
          ? {
              key: 'enable',
              label: t('启用', 'Enable'),
              onClick: () =>
                change(
                  t(`启用账号 ${account.username}？`, `Enable ${account.username}?`),
                  () => api.post(`/api/accounts/${account.id}/enable`),
                  t('已启用', 'Enabled'),
                ),
            }
          : {
              key: 'disable',
              label: t('停用', 'Disable'),
              danger: true,
              onClick: () =>
                change(
                  t(
                    `停用账号 ${account.username}？停用后无法登录。`,
                    `Disable ${account.username}? It can no longer sign in.`,
                  ),
                  () => api.post(`/api/accounts/${account.id}/disable`),
                  t('已停用', 'Disabled'),
                ),
            },
      );
    }
    if (can(user.role, 'session.revoke'))
      entries.push({
        key: 'sessions',
        label: t('强制下线', 'End sessions'),
        onClick: () =>
          change(
            t(`让 ${account.username} 的所有会话下线？`, `End every session of ${account.username}?`),
            () => api.del(`/api/accounts/${account.id}/sessions`),
            t('已强制下线', 'Sessions ended'),
          ),
      });
    if (can(user.role, 'account.assign_role'))
      entries.push({
        key: 'role',
        label: t('授予角色', 'Grant a role'),
        onClick: () => setDialog({ kind: 'role', account }),
      });
    if (can(user.role, 'handover.perform') && !account.disabled)
      entries.push({
        key: 'handover',
        label: t('人员交接', 'Hand over'),
        danger: true,
        onClick: () => setDialog({ kind: 'handover', account }),
      });
    return entries;
  };

  return (
    <Card
      title={t('账号管理', 'Accounts')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('新建账号', 'New account')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('用户名或姓名', 'Username or name')}
          placeholder={t('用户名或姓名', 'Username or name')}
          allowClear
          defaultValue={query.q}
          onSearch={(value) => setFilter('q', value.trim() || null)}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t('角色', 'Role')}
          placeholder={t('全部角色', 'Any role')}
          allowClear
          style={{ width: 200 }}
          value={query.role}
          onChange={(value?: string) => setFilter('role', value ?? null)}
          options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
        />
        <Space>
          <Switch
            aria-label={t('含已停用', 'Include disabled')}
            checked={query.includeDisabled === true}
            onChange={(checked) => setFilter('includeDisabled', checked ? 'true' : null)}
          />
          <Typography.Text>{t('含已停用', 'Include disabled')}</Typography.Text>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<Account>
        rowKey="id"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        columns={[
          { title: t('用户名', 'Username'), dataIndex: 'username' },
          { title: t('姓名', 'Name'), dataIndex: 'displayName' },
          { title: t('角色', 'Role'), dataIndex: 'role', render: (role: Role) => roleLabel(role) },
          {
            title: t('所属单位', 'Unit'),
            dataIndex: 'orgPath',
            render: (path: string, account) => (
              <span title={path}>
                {departments.find((department) => department.id === account.departmentId)?.name ?? path}
              </span>
            ),
          },
          {
            title: t('状态', 'State'),
            render: (_value, account) => (
              <Space size={4} wrap>
                {account.disabled ? (
                  <Tag>{t('已停用', 'Disabled')}</Tag>
                ) : (
                  <Tag color="green">{t('正常', 'Active')}</Tag>
                )}
                {account.locked && <Tag color="red">{t('已锁定', 'Locked')}</Tag>}
                {account.mustChangePassword && (
                  <Tag color="gold">{t('待改密码', 'Must change password')}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('最近登录', 'Last sign-in'),
            dataIndex: 'lastSignInAt',
            render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : t('从未', 'Never')),
          },
          {
            title: t('操作', 'Actions'),
            render: (_value, account) => {
              const entries = actionsOf(account);
              return entries.length === 0 ? null : (
                <Dropdown
                  menu={{
                    items: entries.map(({ onClick: _onClick, ...entry }) => entry),
                    onClick: ({ key }) => entries.find((entry) => entry.key === key)?.onClick(),
                  }}
                >
                  <Button size="small">{t('操作', 'Actions')}</Button>
                </Dropdown>
              );
            },
          },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Button
          disabled={!query.after}
          onClick={() => {
            const next = new URLSearchParams(params);
            const previous = backs.at(-1);
            if (previous && previous !== '-') next.set('after', previous);
            else next.delete('after');
            const rest = backs.slice(0, -1);
            if (rest.length) next.set('back', rest.join(','));
            else next.delete('back');
            setParams(next);
          }}
        >
          {t('上一页', 'Previous')}
        </Button>
        <Button
          disabled={(items?.length ?? 0) < PAGE}
          onClick={() => {
            const next = new URLSearchParams(params);
            next.set('back', [...backs, query.after ?? '-'].join(','));
            next.set('after', items!.at(-1)!.username);
            setParams(next);
          }}
        >
          {t('下一页', 'Next')}
        </Button>
      </Space>
      {dialog && (
        <AccountDialog
          dialog={dialog}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setReloads((count) => count + 1);
          }}
        />
      )}
    </Card>
  );
}
