// The people of the caller's territory: searched by name, document number, phone, place, residence
// and status (all kept in the URL), a page at a time, ID numbers and phones masked. From here a
// person is registered, the list exported (masked, or plain with the unmask permission and a
// warning that it is audited), and imports opened.
import { useEffect, useState } from 'react';
import { DownloadOutlined, ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import {
  GENDER_LABELS,
  PERSON_STATUSES,
  PERSON_STATUS_LABELS,
  PERSON_TAG_LABELS,
  RESIDENCE_STATUSES,
  RESIDENCE_STATUS_LABELS,
  can,
  type PersonTag,
  type PersonView,
} from '@gridwork/core';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { PersonFormModal } from './person-form-modal.js';
import { PageButtons, downloadFile, failureText, useKeysetList } from './registry-list.js';
import { PlacePicker, usePlaceNames, usePreloadPath } from './registry-territory.js';

export { PersonDetailPage } from './person-detail.js';

const FILTER_KEYS = [
  'name',
  'idNumber',
  'phone',
  'villageId',
  'gridId',
  'residenceStatus',
  'status',
] as const;
export const RESIDENCE_COLOURS: Readonly<Record<string, string>> = {
  registered: 'blue',
  floating: 'orange',
  overseas: 'purple',
};

interface SearchValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  residenceStatus?: string;
  status?: string;
}

export function PersonsPage() {
  const { locale, t } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const list = useKeysetList<PersonView>('/api/persons', FILTER_KEYS);
  const [form] = Form.useForm<SearchValues>();
  const [registering, setRegistering] = useState(false);
  const [exporting, setExporting] = useState(false);
  const placeName = usePlaceNames((list.items ?? []).map((person) => person.path));
  const placeId = list.filters['gridId'] ?? list.filters['villageId'] ?? null;
  usePreloadPath(list.param('at'));
  const mayWrite = can(user.role, 'person.write');
  const mayUnmask = can(user.role, 'person.unmask');

  useEffect(() => {
    form.setFieldsValue({
      name: list.filters['name'] ?? '',
      idNumber: list.filters['idNumber'] ?? '',
      phone: list.filters['phone'] ?? '',
      residenceStatus: list.filters['residenceStatus'],
      status: list.filters['status'],
    });
  }, [form, list.filters]);

  async function exportList(plain: boolean) {
    setExporting(true);
    try {
      const { idNumber: _id, phone: _phone, ...filters } = list.filters;
      await downloadFile(
        '/api/persons/export.xlsx',
        { ...filters, ...(plain ? { plain: true } : {}) },
        locale,
        'people.xlsx',
      );
      void message.success(
        plain
          ? t(
              '已导出（含完整证件号，已记入审计）',
              'Exported with full numbers (recorded on the audit trail)',
            )
          : t('已导出', 'Exported'),
      );
    } catch (caught) {
      void message.error(failureText(caught, t));
    } finally {
      setExporting(false);
    }
  }

  function confirmPlainExport() {
    modal.confirm({
      title: t('导出完整证件号码和电话？', 'Export full ID numbers and phones?'),
      content: t(
        '导出的文件含有未脱敏的个人信息，此次导出将记入审计日志。请妥善保管文件。',
        'The file holds unmasked personal data; this export is recorded on the audit trail. Keep the file safe.',
      ),
      okText: t('确认导出', 'Export'),
      cancelText: t('取消', 'Cancel'),
      onOk: () => exportList(true),
    });
  }

  return (
    <Card
      title={t('人员信息', 'People')}
      extra={
        <Space wrap>
          {mayWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              {t('登记人员', 'Register a person')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportList(false)}>
            {t('导出', 'Export')}
          </Button>
          {mayUnmask && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={confirmPlainExport}>
              {t('导出（明文）', 'Export (plain)')}
            </Button>
          )}
          {mayWrite && (
            <Link to="/registry/imports?kind=person">
              <Button icon={<ImportOutlined />}>{t('批量导入', 'Import')}</Button>
            </Link>
          )}
          <Button icon={<ReloadOutlined />} aria-label={t('刷新', 'Refresh')} onClick={list.reload} />
        </Space>
      }
    >
      <Form<SearchValues>
        form={form}
        name="person-search"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) =>
          list.setFilters({
            name: values.name?.trim(),
            idNumber: values.idNumber?.trim(),
            phone: values.phone?.trim(),
            residenceStatus: values.residenceStatus,
            status: values.status,
          })
        }
      >
        <Form.Item name="name" label={t('姓名', 'Name')}>
          <Input allowClear placeholder={t('姓名开头', 'Name starts with')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('证件号码', 'ID number')}>
          <Input allowClear placeholder={t('完整号码', 'Full number')} style={{ width: 190 }} />
        </Form.Item>
        <Form.Item name="phone" label={t('电话', 'Phone')}>
          <Input allowClear placeholder={t('完整号码', 'Full number')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label={t('地区', 'Place')} htmlFor="person-search-place">
          <PlacePicker
            id="person-search-place"
            value={placeId}
            placeholder={t('村（社区）/网格', 'Village / grid')}
            style={{ width: 220 }}
            onChange={(id, unit) =>
              list.setFilters({
                villageId: unit && unit.kind !== 'grid' ? id : null,
                gridId: unit?.kind === 'grid' ? id : null,
                at: unit?.path ?? null,
              })
            }
          />
        </Form.Item>
        <Form.Item name="residenceStatus" label={t('人口类型', 'Residence')}>
          <Select
            allowClear
            placeholder={t('全部', 'Any')}
            style={{ width: 120 }}
            options={RESIDENCE_STATUSES.map((value) => ({
              value,
              label: RESIDENCE_STATUS_LABELS[value][locale],
            }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('状态', 'Status')}>
          <Select
            allowClear
            placeholder={t('全部', 'Any')}
            style={{ width: 100 }}
            options={PERSON_STATUSES.map((value) => ({ value, label: PERSON_STATUS_LABELS[value][locale] }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('查询', 'Search')}
            </Button>
            <Button
              onClick={() =>
                list.setFilters(Object.fromEntries([...FILTER_KEYS, 'at'].map((key) => [key, null])))
              }
            >
              {t('重置', 'Reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<PersonView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t('没有符合条件的人员', 'No people match')} /> }}
        onRow={(row) => ({
          onClick: () => navigate(`/registry/persons/${row.id}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            title: t('姓名', 'Name'),
            dataIndex: 'name',
            width: 110,
            render: (name: string, row) => (
              <Link to={`/registry/persons/${row.id}`} onClick={(event) => event.stopPropagation()}>
                {name}
              </Link>
            ),
          },
          {
            title: t('证件号码', 'ID number'),
            dataIndex: 'idNumber',
            width: 190,
            render: (value: string | null) => <Typography.Text code>{value ?? '—'}</Typography.Text>,
          },
          {
            title: t('性别', 'Gender'),
            dataIndex: 'gender',
            width: 64,
            render: (value: 'male' | 'female' | null) => (value ? GENDER_LABELS[value][locale] : '—'),
          },
          {
            title: t('出生日期', 'Born'),
            dataIndex: 'birthDate',
            width: 110,
            render: (value: string | null) => value ?? '—',
          },
          {
            title: t('人口类型', 'Residence'),
            dataIndex: 'residenceStatus',
            width: 110,
            render: (value: PersonView['residenceStatus'], row) => (
              <Space size={4}>
                <Tag color={RESIDENCE_COLOURS[value]}>{RESIDENCE_STATUS_LABELS[value][locale]}</Tag>
                {row.status !== 'active' && <Tag>{PERSON_STATUS_LABELS[row.status][locale]}</Tag>}
              </Space>
            ),
          },
          {
            title: t('标签', 'Tags'),
            dataIndex: 'tags',
            render: (tags: string[]) =>
              tags.length === 0
                ? '—'
                : tags.map((tag) => (
                    <Tag key={tag} color="gold">
                      {Object.hasOwn(PERSON_TAG_LABELS, tag)
                        ? PERSON_TAG_LABELS[tag as PersonTag][locale]
                        : tag}
                    </Tag>
                  )),
          },
          {
            title: t('村（社区）/网格', 'Village / grid'),
            dataIndex: 'path',
            width: 220,
            render: (path: string) => placeName(path),
          },
          {
            title: t('最后核实', 'Verified'),
            dataIndex: 'verifiedAt',
            width: 130,
            render: (at: string | null) =>
              at ? (
                dayjs(at).format('YYYY-MM-DD')
              ) : (
                <Typography.Text type="warning">{t('未核实', 'Never')}</Typography.Text>
              ),
          },
        ]}
      />
      <PageButtons list={list} />
      {registering && (
        <PersonFormModal
          onClose={() => setRegistering(false)}
          onSaved={(person) => {
            setRegistering(false);
            navigate(`/registry/persons/${person.id}`);
          }}
        />
      )}
    </Card>
  );
}
