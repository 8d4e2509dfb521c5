// Accounts of my scope for the three administrators and the centers: find, create (the password
// is to be changed at first sign-in), edit, reset a password, disable or enable, end sessions,
// grant a role (security administrator only), and hand all work over to another account. Each
// change asks for confirmation and says how it went; what the role may not do is not offered.
import { useState } from 'react';
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
import { ROLES, ROLE_LABELS, can, type Account, type Role } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useDepartments } from '../events/catalogue.js';
import { useLocale } from '../../app/i18n.js';
import { PageButtons, useKeysetList } from '../../app/keyset-list.js';
import { AccountDialog, type AccountDialogState as Dialog } from './account-dialog.js';

const PAGE = 50;
const ACCOUNT_FILTERS = ['q', 'role', 'includeDisabled'] as const;
/** Accounts come a page at a time by username: a full page means there may be more. */
const ACCOUNT_PAGES = {
  nextCursorOf: (items: readonly Account[], size: number) =>
    items.length === size ? (items.at(-1)?.username ?? null) : null,
};

export function AccountsPage() {
  const user = useUser();
  const { locale, t } = useLocale();
  const { message, modal } = App.useApp();
  const list = useKeysetList<Account>('/api/accounts', ACCOUNT_FILTERS, PAGE, ACCOUNT_PAGES);
  const { items, error, filters: query } = list;
  const setFilter = (key: string, value: string | null) => list.setFilters({ [key]: value });
  const [dialog, setDialog] = useState<Dialog>(null);
  const departments = useDepartments(can(user.role, 'department.read'));
  const canManage = can(user.role, 'account.manage');

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
          list.reload();
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
            checked={query.includeDisabled === 'true'}
            onChange={(checked) => setFilter('includeDisabled', checked ? 'true' : null)}
          />
          <Typography.Text>{t('含已停用', 'Include disabled')}</Typography.Text>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<Account>
        rowKey="id"
        loading={list.loading}
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
      <PageButtons list={list} />
      {dialog && (
        <AccountDialog
          dialog={dialog}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}
