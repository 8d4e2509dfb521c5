// The households, houses, organisations, key places and facilities of the caller's territory: one
// list per kind, its filters (name, address, key, category, state, place) in the URL, a page at a
// time; from here a record is registered, the kind's template downloaded and the list exported.
import { useEffect, useState } from 'react';
import {
  DownloadOutlined,
  FileExcelOutlined,
  ImportOutlined,
  PlusOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import {
  ENDING_STATES,
  RECORD_KIND_DEFINITIONS,
  can,
  type RecordKind,
  type RecordView,
} from '@gridwork/core';
import { useUser } from '../auth/auth.js';
import { RECORD_SEGMENTS } from '../events/catalogue.js';
import { useLocale } from '../../app/i18n.js';
import { RecordFormModal } from './record-form-modal.js';
import { PageButtons, downloadFile, failureText, useKeysetList } from './registry-list.js';
import { PlacePicker, usePlaceNames, usePreloadPath } from './registry-territory.js';

export { RecordDetailPage } from './record-detail.js';

const FILTER_KEYS = ['name', 'address', 'key', 'category', 'state', 'villageId', 'gridId'] as const;

export function stateColour(state: string): string {
  return state === 'active' ? 'green' : ENDING_STATES.includes(state) ? 'default' : 'orange';
}

interface SearchValues {
  name?: string;
  address?: string;
  key?: string;
  category?: string;
  state?: string;
}

export function RecordsPage({ kind }: { kind: RecordKind }) {
  const { locale, t } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const definition = RECORD_KIND_DEFINITIONS[kind];
  const segment = RECORD_SEGMENTS[kind];
  const list = useKeysetList<RecordView>(`/api/${segment}`, FILTER_KEYS);
  const [form] = Form.useForm<SearchValues>();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const placeName = usePlaceNames((list.items ?? []).map((record) => record.path));
  usePreloadPath(list.param('at'));
  const mayWrite = can(user.role, 'person.write');
  const label = definition.label[locale];

  useEffect(() => {
    form.setFieldsValue({
      name: list.filters['name'] ?? '',
      address: list.filters['address'] ?? '',
      key: list.filters['key'] ?? '',
      category: list.filters['category'],
      state: list.filters['state'],
    });
  }, [form, list.filters]);

  async function download(what: 'template' | 'export' | 'plain') {
    setBusy(true);
    try {
      if (what === 'template')
        await downloadFile(`/api/${segment}/template.xlsx`, {}, locale, `${segment}-template.xlsx`);
      else
        await downloadFile(
          `/api/${segment}/export.xlsx`,
          { ...list.filters, ...(what === 'plain' ? { plain: true } : {}) },
          locale,
          `${segment}.xlsx`,
        );
      void message.success(
        what === 'template'
          ? t('模板已下载', 'Template downloaded')
          : what === 'plain'
            ? t('已导出（含完整电话，已记入审计）', 'Exported with full phones (recorded on the audit trail)')
            : t('已导出', 'Exported'),
      );
    } catch (caught) {
      void message.error(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={t(`${label}信息`, `${label} records`)}
      extra={
        <Space wrap>
          {mayWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t(`登记${label}`, `Register`)}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download('export')}>
            {t('导出', 'Export')}
          </Button>
          {can(user.role, 'person.unmask') && (
            <Button
              icon={<DownloadOutlined />}
              loading={busy}
              onClick={() =>
                modal.confirm({
                  title: t('导出完整联系电话？', 'Export full contact phones?'),
                  content: t(
                    '导出的文件含有未脱敏的电话，此次导出将记入审计日志。',
                    'The file holds unmasked phones; this export is recorded on the audit trail.',
                  ),
                  okText: t('确认导出', 'Export'),
                  cancelText: t('取消', 'Cancel'),
                  onOk: () => download('plain'),
                })
              }
            >
              {t('导出（明文）', 'Export (plain)')}
            </Button>
          )}
          {mayWrite && (
            <>
              <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void download('template')}>
                {t('导入模板', 'Template')}
              </Button>
              <Link to={`/registry/imports?kind=${kind}`}>
                <Button icon={<ImportOutlined />}>{t('批量导入', 'Import')}</Button>
              </Link>
            </>
          )}
          <Button icon={<ReloadOutlined />} aria-label={t('刷新', 'Refresh')} onClick={list.reload} />
        </Space>
      }
    >
      <Form<SearchValues>
        form={form}
        name="record-search"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) =>
          list.setFilters({
            name: values.name?.trim(),
            address: values.address?.trim(),
            key: values.key?.trim(),
            category: values.category,
            state: values.state,
          })
        }
      >
        <Form.Item name="name" label={t('名称', 'Name')}>
          <Input allowClear placeholder={t('名称开头', 'Name starts with')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="address" label={t('地址', 'Address')}>
          <Input allowClear placeholder={t('地址中的字', 'Part of the address')} style={{ width: 150 }} />
        </Form.Item>
        {definition.key && (
          <Form.Item name="key" label={definition.key.label[locale]}>
            <Input allowClear placeholder={t('完整编号', 'Exact')} style={{ width: 180 }} />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('类别', 'Category')}>
          <Select
            allowClear
            placeholder={t('全部', 'Any')}
            style={{ width: 140 }}
            options={Object.entries(definition.categories).map(([value, labels]) => ({
              value,
              label: labels[locale],
            }))}
          />
        </Form.Item>
        <Form.Item name="state" label={t('状态', 'State')}>
          <Select
            allowClear
            placeholder={t('全部', 'Any')}
            style={{ width: 100 }}
            options={Object.entries(definition.states).map(([value, labels]) => ({
              value,
              label: labels[locale],
            }))}
          />
        </Form.Item>
        <Form.Item label={t('地区', 'Place')} htmlFor="record-search-place">
          <PlacePicker
            id="record-search-place"
            value={list.filters['gridId'] ?? list.filters['villageId'] ?? null}
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
      <Table<RecordView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t(`没有符合条件的${label}`, 'Nothing matches')} /> }}
        onRow={(row) => ({
          onClick: () => navigate(`/registry/${segment}/${row.id}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            title: t('名称', 'Name'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Link to={`/registry/${segment}/${row.id}`} onClick={(event) => event.stopPropagation()}>
                {name}
              </Link>
            ),
          },
          ...(definition.key
            ? [
                {
                  title: definition.key.label[locale],
                  dataIndex: 'key',
                  width: 200,
                  render: (key: string | null) => (key ? <Typography.Text code>{key}</Typography.Text> : '—'),
                },
              ]
            : []),
          {
            title: t('类别', 'Category'),
            dataIndex: 'category',
            width: 130,
            render: (category: string) => definition.categories[category]?.[locale] ?? category,
          },
          {
            title: t('状态', 'State'),
            dataIndex: 'state',
            width: 90,
            render: (state: string) => (
              <Tag color={stateColour(state)}>{definition.states[state]?.[locale] ?? state}</Tag>
            ),
          },
          ...(definition.members ? [{ title: t('人数', 'People'), dataIndex: 'members', width: 70 }] : []),
          {
            title: t('地址', 'Address'),
            dataIndex: 'address',
            ellipsis: true,
            render: (address: string | null) => address ?? '—',
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
            width: 110,
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
      {creating && (
        <RecordFormModal
          kind={kind}
          onClose={() => setCreating(false)}
          onSaved={(record) => {
            setCreating(false);
            navigate(`/registry/${segment}/${record.id}`);
          }}
        />
      )}
    </Card>
  );
}
