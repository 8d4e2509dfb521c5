// Departments and the event catalogue. Departments: who they are, which township (or the county)
// they serve and which categories of event they take; the county edits them. The catalogue: each
// category's deadlines (sign for within hours, handle within days), whether a grid worker may
// resolve it on the spot, whether the public may report it, and its default lead department.
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
} from 'antd';
import {
  DEPARTMENT_KINDS,
  DEPARTMENT_KIND_LABELS,
  can,
  type Category,
  type DepartmentKind,
} from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import type { DepartmentItem } from '../events/catalogue.js';
import { OrgUnitSelect } from '../territory/org-unit-select.js';
import { useLocale } from '../../app/i18n.js';
import { showErrors, useList } from './department-lists.js';
import { CategoriesTab } from './categories-tab.js';

interface Department extends DepartmentItem {
  readonly kind: DepartmentKind;
}

export function DepartmentsPage() {
  const { t } = useLocale();
  return (
    <Card title={t('部门与事件类别', 'Departments and event categories')}>
      <Tabs
        items={[
          { key: 'departments', label: t('职能部门', 'Departments'), children: <DepartmentsTab /> },
          {
            key: 'categories',
            label: t('事件类别与时限', 'Event categories and deadlines'),
            children: <CategoriesTab />,
          },
        ]}
      />
    </Card>
  );
}

function DepartmentsTab() {
  const user = useUser();
  const { locale, t } = useLocale();
  const { message, modal } = App.useApp();
  const [reloads, setReloads] = useState(0);
  const [includeDisabled, setIncludeDisabled] = useState(false);
  const { items, error } = useList<Department>(
    `/api/departments${includeDisabled ? '?includeDisabled=true' : ''}`,
    reloads,
  );
  const categories = useList<Category>('/api/event-categories', 0).items ?? [];
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const manage = can(user.role, 'department.manage');

  function toggle(department: Department) {
    modal.confirm({
      title: department.disabled
        ? t(`启用 ${department.name}？`, `Enable ${department.name}?`)
        : t(
            `停用 ${department.name}？停用后不能再向它派遣事件。`,
            `Disable ${department.name}? No event can be dispatched to it then.`,
          ),
      okText: t('确定', 'OK'),
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        try {
          await api.patch(`/api/departments/${department.id}`, { disabled: !department.disabled });
          void message.success(t('已保存', 'Saved'));
          setReloads((count) => count + 1);
        } catch (caught) {
          void message.error(caught instanceof ApiError ? caught.message : t('操作失败', 'It did not work'));
        }
      },
    });
  }

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('新建部门', 'New department')}
          </Button>
        )}
        <Switch
          aria-label={t('含已停用', 'Include disabled')}
          checked={includeDisabled}
          onChange={setIncludeDisabled}
        />
        <span>{t('含已停用', 'Include disabled')}</span>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<Department>
        rowKey="id"
        loading={items === null}
        dataSource={items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('部门', 'Department'),
            dataIndex: 'name',
            render: (name: string, department) => (
              <Space>
                {name}
                {department.disabled && <Tag>{t('已停用', 'Disabled')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('类型', 'Kind'),
            dataIndex: 'kind',
            render: (kind: DepartmentKind) => DEPARTMENT_KIND_LABELS[kind]?.[locale] ?? kind,
          },
          { title: t('服务区域', 'Serves'), dataIndex: 'orgPath' },
          {
            title: t('承办事件类别', 'Takes'),
            dataIndex: 'categories',
            render: (codes: string[]) =>
              codes.map((code) => (
                <Tag key={code}>{categories.find((category) => category.code === code)?.name ?? code}</Tag>
              )),
          },
          ...(manage
            ? [
                {
                  title: t('操作', 'Actions'),
                  render: (_value: unknown, department: Department) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(department)}>
                        {t('修改', 'Edit')}
                      </Button>
                      <Button size="small" danger={!department.disabled} onClick={() => toggle(department)}>
                        {department.disabled ? t('启用', 'Enable') : t('停用', 'Disable')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <DepartmentDialog
          department={editing === 'new' ? null : editing}
          categories={categories}
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

function DepartmentDialog({
  department,
  categories,
  onClose,
  onDone,
}: {
  department: Department | null;
  categories: readonly Category[];
  onClose(): void;
  onDone(): void;
}) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(values: {
    name: string;
    kind?: DepartmentKind;
    orgPath?: string;
    categories: string[];
  }) {
    setBusy(true);
    setError('');
    try {
      if (department)
        await api.patch(`/api/departments/${department.id}`, {
          name: values.name,
          categories: values.categories ?? [],
        });
      else
        await api.post('/api/departments', {
          name: values.name,
          kind: values.kind,
          orgPath: values.orgPath,
          categories: values.categories ?? [],
        });
      void message.success(t('已保存', 'Saved'));
      onDone();
    } catch (caught) {
      setError(
        showErrors(
          caught,
          form,
          ['name', 'kind', 'orgPath', 'categories'],
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
      title={
        department
          ? t(`修改部门 · ${department.name}`, `Edit ${department.name}`)
          : t('新建部门', 'New department')
      }
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          department ? { name: department.name, categories: department.categories } : { categories: [] }
        }
      >
        <Form.Item
          label={t('部门名称', 'Name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('请输入部门名称', 'Enter the name') }]}
        >
          <Input />
        </Form.Item>
        {!department && (
          <>
            <Form.Item
              label={t('类型', 'Kind')}
              name="kind"
              rules={[{ required: true, message: t('请选择类型', 'Choose the kind') }]}
            >
              <Select
                options={DEPARTMENT_KINDS.map((kind) => ({
                  value: kind,
                  label: DEPARTMENT_KIND_LABELS[kind][locale],
                }))}
              />
            </Form.Item>
            <Form.Item
              label={t('服务区域（乡镇或全县）', 'Serves (a township or the county)')}
              name="orgPath"
              rules={[{ required: true, message: t('请选择服务区域', 'Choose what it serves') }]}
            >
              <OrgUnitSelect />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('承办事件类别', 'Event categories it takes')} name="categories">
          <Checkbox.Group
            options={categories
              .filter((category) => category.parentCode === null)
              .map((category) => ({ value: category.code, label: category.name }))}
          />
        </Form.Item>
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
