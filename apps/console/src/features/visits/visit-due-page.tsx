// 走访任务: due, overdue and missed visits of the caller's territory, by township, village or grid
// and by grid worker, soonest first, a page at a time (filters kept in the URL). The responsible
// worker is the one assigned to the person's grid now.
import { useEffect, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { can, type Account, type DueVisit } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { PageButtons, useKeysetList } from '../../app/keyset-list.js';
import { PlacePicker, usePlaceNames } from '../registry/registry-territory.js';
import { STATUS_COLOURS, statusLabel } from './visit-labels.js';

const FILTER_KEYS = ['status', 'orgPath', 'workerId'] as const;

/** The grid workers of the caller's territory, for the worker filter (roles that may read accounts). */
function useGridWorkers(enabled: boolean): Account[] {
  const [workers, setWorkers] = useState<Account[]>([]);
  useEffect(() => {
    if (!enabled) return;
    void Promise.all(
      ['grid_worker_fulltime', 'grid_worker_parttime'].map((role) =>
        api.get<{ items: Account[] }>('/api/accounts', { role, limit: 200 }),
      ),
    ).then(
      (answers) => setWorkers(answers.flatMap((answer) => answer.items)),
      () => setWorkers([]),
    );
  }, [enabled]);
  return workers;
}

export function VisitDuePage() {
  const { locale, t } = useLocale();
  const user = useUser();
  const list = useKeysetList<DueVisit>('/api/visits/due', FILTER_KEYS);
  const workers = useGridWorkers(can(user.role, 'account.read'));
  const placeName = usePlaceNames((list.items ?? []).map((item) => item.path));
  const [form] = Form.useForm<{ status?: string; workerId?: string }>();

  useEffect(() => {
    form.setFieldsValue({ status: list.filters['status'] ?? 'all', workerId: list.filters['workerId'] });
  }, [form, list.filters]);

  return (
    <Card
      title={t('走访任务', 'Visits due')}
      extra={<Button icon={<ReloadOutlined />} aria-label={t('刷新', 'Refresh')} onClick={list.reload} />}
    >
      <Form form={form} name="visit-due-filters" layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="status" label={t('状态', 'Status')}>
          <Select
            style={{ width: 140 }}
            onChange={(status: string) => list.setFilters({ status: status === 'all' ? null : status })}
            options={[
              { value: 'all', label: t('全部', 'All') },
              { value: 'due_week', label: statusLabel('due_week', locale) },
              { value: 'overdue', label: statusLabel('overdue', locale) },
              { value: 'missed', label: statusLabel('missed', locale) },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('乡镇/村/网格', 'Township / village / grid')}>
          <PlacePicker
            aria-label={t('乡镇/村/网格', 'Township / village / grid')}
            placeholder={t('全部', 'All')}
            value={list.param('place')}
            onChange={(placeId, unit) => list.setFilters({ place: placeId, orgPath: unit?.path ?? null })}
          />
        </Form.Item>
        {workers.length > 0 && (
          <Form.Item name="workerId" label={t('网格员', 'Grid worker')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('全部', 'All')}
              style={{ width: 180 }}
              onChange={(workerId?: string) => list.setFilters({ workerId: workerId ?? null })}
              options={workers.map((worker) => ({ value: worker.id, label: worker.displayName }))}
            />
          </Form.Item>
        )}
      </Form>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<DueVisit>
        rowKey="scheduleId"
        size="middle"
        loading={list.loading}
        dataSource={list.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('没有符合条件的走访任务', 'No visits match')} /> }}
        columns={[
          {
            title: t('姓名', 'Name'),
            dataIndex: 'personName',
            render: (name: string, row) => <Link to={`/registry/persons/${row.personId}`}>{name}</Link>,
          },
          { title: t('走访计划', 'Plan'), dataIndex: 'subjectLabel' },
          {
            title: t('村 / 网格', 'Village / grid'),
            dataIndex: 'path',
            render: (path: string) => placeName(path),
          },
          { title: t('应访日期', 'Due'), dataIndex: 'dueOn' },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (status: DueVisit['status'], row) => (
              <Space size={4}>
                <Tag color={STATUS_COLOURS[status]}>{statusLabel(status, locale)}</Tag>
                {row.missedCount > 0 && (
                  <Tag color="red">{t(`漏访 ${row.missedCount} 次`, `${row.missedCount} missed`)}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('上次走访', 'Last visit'),
            dataIndex: 'lastVisitedAt',
            render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
          },
          {
            title: t('责任网格员', 'Grid worker'),
            dataIndex: 'workerName',
            render: (name: string | null) => name ?? <Tag>{t('未配备', 'None')}</Tag>,
          },
        ]}
      />
      <PageButtons list={list} />
    </Card>
  );
}
