// Accounts of my scope for the three administrators and the centers: find, create (the password
// is to be changed at first sign-in), edit, reset a password, disable or enable, end sessions,
// grant a role (security administrator only), and hand all work over to another account. Each
// change asks for confirmation and says how it went; what the role may not do is not offered.
import { useEffect, useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Dropdown, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { ADMINISTRATOR_ROLES, ROLES, ROLE_LABELS, can, type Account, type Role } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useDepartments } from '../events/catalogue.js';
import { OrgUnitSelect } from '../territory/org-unit-select.js';
import { useLocale } from '../../app/i18n.js';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset' | 'role' | 'handover'; account: Account } | null;

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

  const query = useMemo(() => ({ q: params.get('q') ?? undefined, role: params.get('role') ?? undefined, includeDisabled: params.get('includeDisabled') === 'true' ? true : undefined, after: params.get('after') ?? undefined }), [params]);
  const backs = (params.get('back') ?? '').split(',').filter(Boolean);

  useEffect(() => {
    let alive = true;
    setItems(null);
    api.get<{ items: Account[] }>('/api/accounts', { ...query, limit: PAGE }).then(
      (answer) => alive && (setItems(answer.items), setError('')),
      (caught: unknown) => alive && (setItems([]), setError(caught instanceof ApiError ? caught.message : t('加载失败，请重试', 'Could not load; try again'))),
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
      entries.push({ key: 'edit', label: t('修改', 'Edit'), onClick: () => setDialog({ kind: 'edit', account }) });
      entries.push({ key: 'reset', label: t('重置密码', 'Reset password'), onClick: () => setDialog({ kind: 'reset', account }) });
      entries.push(
        account.disabled
          ? { key: 'enable', label: t('启用', 'Enable'), onClick: () => change(t(`启用账号 ${account.username}？`, `Enable ${account.username}?`), () => api.post(`/api/accounts/${account.id}/enable`), t('已启用', 'Enabled')) }
          : { key: 'disable', label: t('停用', 'Disable'), danger: true, onClick: () => change(t(`停用账号 ${account.username}？停用后无法登录。`, `Disable ${account.username}? It can no longer sign in.`), () => api.post(`/api/accounts/${account.id}/disable`), t('已停用', 'Disabled')) },
      );
    }
    if (can(user.role, 'session.revoke')) entries.push({ key: 'sessions', label: t('强制下线', 'End sessions'), onClick: () => change(t(`让 ${account.username} 的所有会话下线？`, `End every session of ${account.username}?`), () => api.del(`/api/accounts/${account.id}/sessions`), t('已强制下线', 'Sessions ended')) });
    if (can(user.role, 'account.assign_role')) entries.push({ key: 'role', label: t('授予角色', 'Grant a role'), onClick: () => setDialog({ kind: 'role', account }) });
    if (can(user.role, 'handover.perform') && !account.disabled) entries.push({ key: 'handover', label: t('人员交接', 'Hand over'), danger: true, onClick: () => setDialog({ kind: 'handover', account }) });
    return entries;
  };

  return (
    <Card
      title={t('账号管理', 'Accounts')}
      extra={canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>{t('新建账号', 'New account')}</Button>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('用户名或姓名', 'Username or name')} placeholder={t('用户名或姓名', 'Username or name')} allowClear defaultValue={query.q} onSearch={(value) => setFilter('q', value.trim() || null)} style={{ width: 240 }} />
        <Select aria-label={t('角色', 'Role')} placeholder={t('全部角色', 'Any role')} allowClear style={{ width: 200 }} value={query.role} onChange={(value?: string) => setFilter('role', value ?? null)} options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))} />
        <Space>
          <Switch aria-label={t('含已停用', 'Include disabled')} checked={query.includeDisabled === true} onChange={(checked) => setFilter('includeDisabled', checked ? 'true' : null)} />
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
          { title: t('所属单位', 'Unit'), dataIndex: 'orgPath', render: (path: string, account) => <span title={path}>{departments.find((department) => department.id === account.departmentId)?.name ?? path}</span> },
          {
            title: t('状态', 'State'),
            render: (_value, account) => (
              <Space size={4} wrap>
                {account.disabled ? <Tag>{t('已停用', 'Disabled')}</Tag> : <Tag color="green">{t('正常', 'Active')}</Tag>}
                {account.locked && <Tag color="red">{t('已锁定', 'Locked')}</Tag>}
                {account.mustChangePassword && <Tag color="gold">{t('待改密码', 'Must change password')}</Tag>}
              </Space>
            ),
          },
          { title: t('最近登录', 'Last sign-in'), dataIndex: 'lastSignInAt', render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : t('从未', 'Never')) },
          {
            title: t('操作', 'Actions'),
            render: (_value, account) => {
              const entries = actionsOf(account);
              return entries.length === 0 ? null : (
                <Dropdown menu={{ items: entries.map(({ onClick: _onClick, ...entry }) => entry), onClick: ({ key }) => entries.find((entry) => entry.key === key)?.onClick() }}>
                  <Button size="small">{t('操作', 'Actions')}</Button>
                </Dropdown>
              );
            },
          },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Button disabled={!query.after} onClick={() => { const next = new URLSearchParams(params); const previous = backs.at(-1); if (previous && previous !== '-') next.set('after', previous); else next.delete('after'); const rest = backs.slice(0, -1); if (rest.length) next.set('back', rest.join(',')); else next.delete('back'); setParams(next); }}>
          {t('上一页', 'Previous')}
        </Button>
        <Button disabled={(items?.length ?? 0) < PAGE} onClick={() => { const next = new URLSearchParams(params); next.set('back', [...backs, query.after ?? '-'].join(',')); next.set('after', items!.at(-1)!.username); setParams(next); }}>
          {t('下一页', 'Next')}
        </Button>
      </Space>
      {dialog && <AccountDialog dialog={dialog} onClose={() => setDialog(null)} onDone={() => { setDialog(null); setReloads((count) => count + 1); }} />}
    </Card>
  );
}

function AccountDialog({ dialog, onClose, onDone }: { dialog: NonNullable<Dialog>; onClose(): void; onDone(): void }) {
  const user = useUser();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [candidates, setCandidates] = useState<Account[]>([]);
  const departments = useDepartments(true);
  const role = Form.useWatch('role', form) as Role | undefined;
  const account = dialog.kind === 'create' ? null : dialog.account;

  useEffect(() => {
    if (dialog.kind === 'handover') api.get<{ items: Account[] }>('/api/accounts', { limit: 200 }).then((answer) => setCandidates(answer.items.filter((item) => item.id !== account?.id && !item.disabled)), () => setCandidates([]));
  }, [dialog.kind, account?.id]);

  const titles = { create: t('新建账号', 'New account'), edit: t('修改账号', 'Edit account'), reset: t('重置密码', 'Reset password'), role: t('授予角色', 'Grant a role'), handover: t('人员交接', 'Hand over') };
  const grantable = ROLES.filter((candidate) => dialog.kind === 'role' || can(user.role, 'account.assign_role') || !ADMINISTRATOR_ROLES.includes(candidate));

  async function submit(values: Record<string, string | undefined>) {
    setBusy(true);
    setError('');
    try {
      if (dialog.kind === 'create') await api.post('/api/accounts', { username: values['username'], displayName: values['displayName'], role: values['role'], orgPath: values['orgPath'], password: values['password'], ...(values['departmentId'] ? { departmentId: values['departmentId'] } : {}) });
      if (dialog.kind === 'edit') await api.patch(`/api/accounts/${account!.id}`, { displayName: values['displayName'], ...(values['orgPath'] ? { orgPath: values['orgPath'] } : {}), departmentId: values['departmentId'] ?? null });
      if (dialog.kind === 'reset') await api.post(`/api/accounts/${account!.id}/reset-password`, { newPassword: values['newPassword'] });
      if (dialog.kind === 'role') await api.put(`/api/accounts/${account!.id}/role`, { role: values['role'] });
      if (dialog.kind === 'handover') await api.post(`/api/accounts/${account!.id}/handover`, { toAccountId: values['toAccountId'] });
      void message.success(t('已保存', 'Saved'));
      onDone();
    } catch (caught) {
      if (caught instanceof ApiError) {
        const named = caught.fieldErrors();
        if (caught.code === 'USERNAME_TAKEN') named['username'] = caught.message;
        if (caught.code === 'WEAK_PASSWORD') named[dialog.kind === 'reset' ? 'newPassword' : 'password'] = caught.message;
        const fields = Object.entries(named).filter(([field]) => ['username', 'displayName', 'role', 'orgPath', 'password', 'newPassword', 'departmentId', 'toAccountId'].includes(field));
        if (fields.length > 0) form.setFields(fields.map(([name, text]) => ({ name, errors: [text] })));
        else setError(caught.message);
      } else setError(t('网络异常，请稍后重试', 'Network error, please try again'));
    } finally {
      setBusy(false);
    }
  }

  const needsDepartment = role === 'dept_handler' || role === 'dept_leader';
  return (
    <Modal open title={account ? `${titles[dialog.kind]} · ${account.username}` : titles[dialog.kind]} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={account ? { displayName: account.displayName, role: account.role, departmentId: account.departmentId ?? undefined } : {}}>
        {dialog.kind === 'create' && (
          <Form.Item label={t('用户名', 'Username')} name="username" rules={[{ required: true, message: t('请输入用户名', 'Enter a username') }]} extra={t('字母、数字、下划线', 'Letters, digits, underscores')}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        {(dialog.kind === 'create' || dialog.kind === 'edit') && (
          <Form.Item label={t('姓名', 'Name')} name="displayName" rules={[{ required: true, whitespace: true, message: t('请输入姓名', 'Enter the name') }]}>
            <Input />
          </Form.Item>
        )}
        {(dialog.kind === 'create' || dialog.kind === 'role') && (
          <Form.Item label={t('角色', 'Role')} name="role" rules={[{ required: true, message: t('请选择角色', 'Choose a role') }]}>
            <Select options={grantable.map((candidate) => ({ value: candidate, label: ROLE_LABELS[candidate][locale] }))} />
          </Form.Item>
        )}
        {(dialog.kind === 'create' || dialog.kind === 'edit') && (
          <Form.Item label={t('所属单位', 'Unit')} name="orgPath" rules={dialog.kind === 'create' ? [{ required: true, message: t('请选择单位', 'Choose a unit') }] : []}>
            <OrgUnitSelect placeholder={account?.orgPath ?? t('选择单位', 'Choose a unit')} />
          </Form.Item>
        )}
        {(dialog.kind === 'create' || dialog.kind === 'edit') && (needsDepartment || account?.departmentId) && (
          <Form.Item label={t('所属部门', 'Department')} name="departmentId" rules={needsDepartment ? [{ required: true, message: t('请选择部门', 'Choose a department') }] : []}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={departments.map((department) => ({ value: department.id, label: department.name }))} />
          </Form.Item>
        )}
        {dialog.kind === 'create' && (
          <Form.Item label={t('初始密码', 'Initial password')} name="password" rules={[{ required: true, message: t('请输入初始密码', 'Enter an initial password') }]} extra={t('首次登录时须修改', 'To be changed at first sign-in')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {dialog.kind === 'reset' && (
          <Form.Item label={t('新密码', 'New password')} name="newPassword" rules={[{ required: true, message: t('请输入新密码', 'Enter a new password') }]} extra={t('下次登录时须修改', 'To be changed at the next sign-in')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {dialog.kind === 'handover' && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('该账号的网格、待办等工作将全部移交给接手人，然后停用该账号。', 'All of this account’s grids and work move to the successor, then the account is disabled.')} />
            <Form.Item label={t('接手人', 'Successor')} name="toAccountId" rules={[{ required: true, message: t('请选择接手人', 'Choose the successor') }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={candidates.map((candidate) => ({ value: candidate.id, label: `${candidate.displayName}（${candidate.username} · ${ROLE_LABELS[candidate.role][locale]}）` }))} />
            </Form.Item>
          </>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} danger={dialog.kind === 'handover'}>
            {t('确定', 'OK')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
