// The event catalogue: each category's deadlines, on-the-spot and public flags, and default lead department.
import { useState } from 'react';
import { Alert, App, Button, Form, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { can, type Category } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import type { DepartmentItem } from '../events/catalogue.js';
import { useLocale } from '../../app/i18n.js';
import { showErrors, useList } from './department-lists.js';

export function CategoriesTab() {
  const user = useUser();
  const { t } = useLocale();
  const [reloads, setReloads] = useState(0);
  const { items, error } = useList<Category>('/api/event-categories', reloads);
  const departments = useList<DepartmentItem>('/api/departments', 0).items ?? [];
  const [editing, setEditing] = useState<Category | null>(null);
  const manage = can(user.role, 'event.catalogue.manage');
  const yes = (value: boolean) =>
    value ? <Tag color="green">{t('是', 'Yes')}</Tag> : <Tag>{t('否', 'No')}</Tag>;

  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<Category>
        rowKey="code"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        size="middle"
        columns={[
          {
            title: t('类别', 'Category'),
            dataIndex: 'name',
            render: (name: string, category) => (
              <Space>
                {category.parentCode ? <span style={{ paddingLeft: 16 }}>└ {name}</span> : name}
                {category.disabled && <Tag>{t('已停用', 'Disabled')}</Tag>}
              </Space>
            ),
          },
          { title: t('签收时限（小时）', 'Sign for within (hours)'), dataIndex: 'signForHours', width: 150 },
          { title: t('办理时限（天）', 'Handle within (days)'), dataIndex: 'handleDays', width: 140 },
          { title: t('可自行处置', 'On the spot'), dataIndex: 'onSpotAllowed', width: 110, render: yes },
          { title: t('群众可上报', 'Public'), dataIndex: 'publicAllowed', width: 110, render: yes },
          {
            title: t('默认主办部门', 'Default lead'),
            dataIndex: 'defaultLeadDepartmentId',
            render: (id: string | null) =>
              departments.find((department) => department.id === id)?.name ?? '—',
          },
          ...(manage
            ? [
                {
                  title: t('操作', 'Actions'),
                  width: 90,
                  render: (_value: unknown, category: Category) => (
                    <Button size="small" onClick={() => setEditing(category)}>
                      {t('修改', 'Edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <CategoryDialog
          category={editing}
          departments={departments}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            setReloads((count) => count + 1);
          }}
        />
      )}
    </>
  );
}

export function CategoryDialog({
  category,
  departments,
  onClose,
  onDone,
}: {
  category: Category;
  departments: readonly DepartmentItem[];
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(values: {
    signForHours: number;
    handleDays: number;
    onSpotAllowed: boolean;
    publicAllowed: boolean;
    defaultLeadDepartmentId?: string;
    disabled: boolean;
  }) {
    setBusy(true);
    setError('');
    try {
      await api.patch(`/api/event-categories/${category.code}`, {
        ...values,
        defaultLeadDepartmentId: values.defaultLeadDepartmentId ?? null,
      });
      void message.success(t('已保存', 'Saved'));
      onDone();
    } catch (caught) {
      setError(
        showErrors(
          caught,
          form,
          ['signForHours', 'handleDays', 'defaultLeadDepartmentId'],
          t('网络异常，请稍后重试', 'Network error, please try again'),
        ),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t(`修改类别 · ${category.name}`, `Edit ${category.name}`)}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          ...category,
          defaultLeadDepartmentId: category.defaultLeadDepartmentId ?? undefined,
        }}
      >
        <Space size="large">
          <Form.Item
            label={t('签收时限（小时）', 'Sign for within (hours)')}
            name="signForHours"
            rules={[{ required: true, message: t('1–168 小时', '1–168 hours') }]}
          >
            <InputNumber min={1} max={168} precision={0} />
          </Form.Item>
          <Form.Item
            label={t('办理时限（天）', 'Handle within (days)')}
            name="handleDays"
            rules={[{ required: true, message: t('1–90 天', '1–90 days') }]}
          >
            <InputNumber min={1} max={90} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item label={t('默认主办部门', 'Default lead department')} name="defaultLeadDepartmentId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.map((department) => ({ value: department.id, label: department.name }))}
          />
        </Form.Item>
        <Space size="large">
          <Form.Item
            label={t('网格员可自行处置', 'Grid worker may resolve on the spot')}
            name="onSpotAllowed"
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item
            label={t('群众可上报', 'The public may report it')}
            name="publicAllowed"
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item label={t('停用', 'Disabled')} name="disabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('保存', 'Save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
