// The forms of the accounts page: create, edit, reset a password, grant a role, hand over.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import { ADMINISTRATOR_ROLES, ROLES, ROLE_LABELS, can, type Account, type Role } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useDepartments } from '../events/catalogue.js';
import { OrgUnitSelect } from '../territory/org-unit-select.js';
import { useLocale } from '../../app/i18n.js';

/** Which form is open, and for which account. */
export type AccountDialogState =
  { kind: 'create' } | { kind: 'edit' | 'reset' | 'role' | 'handover'; account: Account } | null;

export function AccountDialog({
  dialog,
  onClose,
  onDone,
}: {
  dialog: NonNullable<AccountDialogState>;
  onClose(): void;
  onDone(): void;
}) {
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
    if (dialog.kind === 'handover')
      api.get<{ items: Account[] }>('/api/accounts', { limit: 200 }).then(
        (answer) => setCandidates(answer.items.filter((item) => item.id !== account?.id && !item.disabled)),
        () => setCandidates([]),
      );
  }, [dialog.kind, account?.id]);

  const titles = {
    create: t('新建账号', 'New account'),
    edit: t('修改账号', 'Edit account'),
    reset: t('重置密码', 'Reset password'),
    role: t('授予角色', 'Grant a role'),
    handover: t('人员交接', 'Hand over'),
  };
  const grantable = ROLES.filter(
    (candidate) =>
      dialog.kind === 'role' ||
      can(user.role, 'account.assign_role') ||
      !ADMINISTRATOR_ROLES.includes(candidate),
  );

  async function submit(values: Record<string, string | undefined>) {
    setBusy(true);
    setError('');
    try {
      if (dialog.kind === 'create')
        await api.post('/api/accounts', {
          username: values['username'],
          displayName: values['displayName'],
          role: values['role'],
          orgPath: values['orgPath'],
          password: values['password'],
          ...(values['departmentId'] ? { departmentId: values['departmentId'] } : {}),
        });
      if (dialog.kind === 'edit')
        await api.patch(`/api/accounts/${account!.id}`, {
          displayName: values['displayName'],
          ...(values['orgPath'] ? { orgPath: values['orgPath'] } : {}),
          departmentId: values['departmentId'] ?? null,
        });
      if (dialog.kind === 'reset')
        await api.post(`/api/accounts/${account!.id}/reset-password`, { newPassword: values['newPassword'] });
      if (dialog.kind === 'role')
        await api.put(`/api/accounts/${account!.id}/role`, { role: values['role'] });
      if (dialog.kind === 'handover')
        await api.post(`/api/accounts/${account!.id}/handover`, { toAccountId: values['toAccountId'] });
      void message.success(t('已保存', 'Saved'));
      onDone();
    } catch (caught) {
      if (caught instanceof ApiError) {
        const named = caught.fieldErrors();
        if (caught.code === 'USERNAME_TAKEN') named['username'] = caught.message;
        if (caught.code === 'WEAK_PASSWORD')
          named[dialog.kind === 'reset' ? 'newPassword' : 'password'] = caught.message;
        const fields = Object.entries(named).filter(([field]) =>
          [
            'username',
            'displayName',
            'role',
            'orgPath',
            'password',
            'newPassword',
            'departmentId',
            'toAccountId',
          ].includes(field),
        );
        if (fields.length > 0) form.setFields(fields.map(([name, text]) => ({ name, errors: [text] })));
        else setError(caught.message);
      } else setError(t('网络异常，请稍后重试', 'Network error, please try again'));
    } finally {
      setBusy(false);
    }
  }

  const needsDepartment = role === 'dept_handler' || role === 'dept_leader';
  return (
    <Modal
      open
      title={account ? `${titles[dialog.kind]} · ${account.username}` : titles[dialog.kind]}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          account
            ? {
                displayName: account.displayName,
                role: account.role,
                departmentId: account.departmentId ?? undefined,
              }
            : {}
        }
      >
        {dialog.kind === 'create' && (
          <Form.Item
            label={t('用户名', 'Username')}
            name="username"
            rules={[{ required: true, message: t('请输入用户名', 'Enter a username') }]}
            extra={t('字母、数字、下划线', 'Letters, digits, underscores')}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        {(dialog.kind === 'create' || dialog.kind === 'edit') && (
          <Form.Item
            label={t('姓名', 'Name')}
            name="displayName"
            rules={[{ required: true, whitespace: true, message: t('请输入姓名', 'Enter the name') }]}
          >
            <Input />
          </Form.Item>
        )}
        {(dialog.kind === 'create' || dialog.kind === 'role') && (
          <Form.Item
            label={t('角色', 'Role')}
            name="role"
            rules={[{ required: true, message: t('请选择角色', 'Choose a role') }]}
          >
            <Select
              options={grantable.map((candidate) => ({
                value: candidate,
                label: ROLE_LABELS[candidate][locale],
              }))}
            />
          </Form.Item>
        )}
        {(dialog.kind === 'create' || dialog.kind === 'edit') && (
          <Form.Item
            label={t('所属单位', 'Unit')}
            name="orgPath"
            rules={
              dialog.kind === 'create' ? [{ required: true, message: t('请选择单位', 'Choose a unit') }] : []
            }
          >
            <OrgUnitSelect placeholder={account?.orgPath ?? t('选择单位', 'Choose a unit')} />
          </Form.Item>
        )}
        {(dialog.kind === 'create' || dialog.kind === 'edit') &&
          (needsDepartment || account?.departmentId) && (
            <Form.Item
              label={t('所属部门', 'Department')}
              name="departmentId"
              rules={
                needsDepartment ? [{ required: true, message: t('请选择部门', 'Choose a department') }] : []
              }
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={departments.map((department) => ({ value: department.id, label: department.name }))}
              />
            </Form.Item>
          )}
        {dialog.kind === 'create' && (
          <Form.Item
            label={t('初始密码', 'Initial password')}
            name="password"
            rules={[{ required: true, message: t('请输入初始密码', 'Enter an initial password') }]}
            extra={t('首次登录时须修改', 'To be changed at first sign-in')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {dialog.kind === 'reset' && (
          <Form.Item
            label={t('新密码', 'New password')}
            name="newPassword"
            rules={[{ required: true, message: t('请输入新密码', 'Enter a new password') }]}
            extra={t('下次登录时须修改', 'To be changed at the next sign-in')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {dialog.kind === 'handover' && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t(
                '该账号的网格、待办等工作将全部移交给接手人，然后停用该账号。',
                'All of this account’s grids and work move to the successor, then the account is disabled.',
              )}
            />
            <Form.Item
              label={t('接手人', 'Successor')}
              name="toAccountId"
              rules={[{ required: true, message: t('请选择接手人', 'Choose the successor') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={candidates.map((candidate) => ({
                  value: candidate.id,
                  label: `${candidate.displayName}（${candidate.username} · ${ROLE_LABELS[candidate.role][locale]}）`,
                }))}
              />
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
