// 教育培训: the sessions in my scope (organised by my township or county, or below me), newest
// first, filtered by kind and status; organisers start a new one here.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Space, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import {
  TRAINING_KINDS,
  TRAINING_KIND_LABELS,
  TRAINING_SESSION_STATUSES,
  TRAINING_STATUS_LABELS,
  can,
  type TrainingSession,
} from '@gridwork/core';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { PageButtons, useKeysetList } from '../../app/keyset-list.js';
import { TRAINING_STATUS_COLORS, whenOf } from './training-labels.js';

export function TrainingSessionsPage() {
  const { locale, t } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const list = useKeysetList<TrainingSession>('/api/training/sessions', ['kind', 'status'], 20);

  return (
    <Card
      title={t('教育培训', 'Training')}
      extra={
        <Space>
          <Button onClick={() => navigate('/daily/training/compliance')}>{t('培训达标', 'Compliance')}</Button>
          {can(user.role, 'training.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/daily/training/new')}>
              {t('新建培训', 'New session')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          aria-label={t('培训类别', 'Kind')}
          placeholder={t('全部类别', 'All kinds')}
          style={{ width: 180 }}
          value={list.filters['kind'] ?? null}
          onChange={(value: string | undefined) => list.setFilters({ kind: value ?? null })}
          options={TRAINING_KINDS.map((value) => ({ value, label: TRAINING_KIND_LABELS[value][locale] }))}
        />
        <Select
          allowClear
          aria-label={t('状态', 'Status')}
          placeholder={t('全部状态', 'All statuses')}
          style={{ width: 140 }}
          value={list.filters['status'] ?? null}
          onChange={(value: string | undefined) => list.setFilters({ status: value ?? null })}
          options={TRAINING_SESSION_STATUSES.map((value) => ({ value, label: TRAINING_STATUS_LABELS[value][locale] }))}
        />
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<TrainingSession>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty description={t('还没有培训', 'No sessions yet')} /> }}
        columns={[
          { title: t('主题', 'Topic'), dataIndex: 'topic', render: (topic: string, row) => <Link to={`/daily/training/${row.id}`}>{topic}</Link> },
          { title: t('类别', 'Kind'), dataIndex: 'kind', width: 130, render: (kind: TrainingSession['kind']) => TRAINING_KIND_LABELS[kind][locale] },
          { title: t('时间', 'When'), key: 'when', width: 190, render: (_: unknown, row) => whenOf(row) },
          { title: t('组织单位', 'Organiser'), dataIndex: 'organiserName', width: 110 },
          { title: t('授课人', 'Trainer'), dataIndex: 'trainer', width: 140 },
          { title: t('签到人数', 'Attended'), dataIndex: 'attendanceCount', width: 90, align: 'right' as const },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 90,
            render: (status: TrainingSession['status']) => <Tag color={TRAINING_STATUS_COLORS[status]}>{TRAINING_STATUS_LABELS[status][locale]}</Tag>,
          },
        ]}
      />
      <PageButtons list={list} />
    </Card>
  );
}
