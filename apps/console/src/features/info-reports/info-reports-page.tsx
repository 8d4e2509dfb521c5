// 信息报送: a township's own reports (with 写信息), or the county's queue of submitted ones (its
// default view), with filters by status, category, level and month; a row opens the report.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Segmented, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  INFO_REPORT_CATEGORIES,
  INFO_REPORT_CATEGORY_LABELS,
  INFO_REPORT_LEVELS,
  INFO_REPORT_LEVEL_LABELS,
  INFO_REPORT_STATUS_LABELS,
  can,
  type InfoReportSummary,
} from '@gridwork/core';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { PageButtons, useKeysetList } from '../../app/keyset-list.js';
import { STATUS_COLORS } from './info-report-files.js';

export function InfoReportsPage() {
  const { locale, t } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const mayWrite = can(user.role, 'info_report.write');
  const mayReview = can(user.role, 'info_report.review');
  // The county opens on its review queue (what it does every day); 全部 is kept in the address as
  // view=all so that a reload or a link shows the same list.
  const [params] = useSearchParams();
  const reviewQueue = mayReview && !params.get('status') && params.get('view') !== 'all';
  const list = useKeysetList<InfoReportSummary>('/api/info-reports', ['status', 'category', 'level', 'month'], 20, reviewQueue ? { fixed: { status: 'submitted' } } : {});
  const status = list.filters['status'] ?? (reviewQueue ? 'submitted' : 'all');

  return (
    <Card
      title={mayReview ? t('信息报送 · 审核', 'Information reports · review') : t('信息报送', 'Information reports')}
      extra={
        <Space>
          <Button onClick={() => navigate('/daily/info-reports/quota')}>{t('报送考核', 'Monthly quota')}</Button>
          {mayWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/daily/info-reports/new')}>
              {t('写信息', 'Write a report')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={status}
          onChange={(value) => list.setFilters({ status: value === 'all' ? null : String(value), view: mayReview && value === 'all' ? 'all' : null })}
          options={[
            { value: 'all', label: t('全部', 'All') },
            ...(mayWrite ? [{ value: 'draft', label: INFO_REPORT_STATUS_LABELS.draft[locale] }] : []),
            { value: 'submitted', label: mayReview ? t('待审核', 'To review') : INFO_REPORT_STATUS_LABELS.submitted[locale] },
            { value: 'adopted', label: INFO_REPORT_STATUS_LABELS.adopted[locale] },
            { value: 'returned', label: INFO_REPORT_STATUS_LABELS.returned[locale] },
          ]}
        />
        <Select
          allowClear
          aria-label={t('类别', 'Category')}
          placeholder={t('全部类别', 'All categories')}
          style={{ width: 140 }}
          value={list.filters['category'] ?? null}
          onChange={(value: string | undefined) => list.setFilters({ category: value ?? null })}
          options={INFO_REPORT_CATEGORIES.map((value) => ({ value, label: INFO_REPORT_CATEGORY_LABELS[value][locale] }))}
        />
        <Select
          allowClear
          aria-label={t('采用级别', 'Adoption level')}
          placeholder={t('全部级别', 'All levels')}
          style={{ width: 140 }}
          value={list.filters['level'] ?? null}
          onChange={(value: string | undefined) => list.setFilters({ level: value ?? null })}
          options={INFO_REPORT_LEVELS.map((value) => ({ value, label: INFO_REPORT_LEVEL_LABELS[value][locale] }))}
        />
        <DatePicker
          picker="month"
          aria-label={t('首次提交月份', 'Month first submitted')}
          placeholder={t('提交月份', 'Month submitted')}
          value={list.filters['month'] ? dayjs(`${list.filters['month']}-01`) : null}
          onChange={(value) => list.setFilters({ month: value ? value.format('YYYY-MM') : null })}
        />
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<InfoReportSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('没有符合条件的信息', 'No reports match')} /> }}
        columns={[
          { title: t('标题', 'Title'), dataIndex: 'title', render: (title: string, row) => <Link to={`/daily/info-reports/${row.id}`}>{title}</Link> },
          { title: t('乡镇', 'Township'), dataIndex: 'townshipName', width: 110 },
          { title: t('类别', 'Category'), dataIndex: 'category', width: 100, render: (value: InfoReportSummary['category']) => INFO_REPORT_CATEGORY_LABELS[value][locale] },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 150,
            render: (value: InfoReportSummary['status'], row) => (
              <Space size={4}>
                <Tag color={STATUS_COLORS[value]}>{INFO_REPORT_STATUS_LABELS[value][locale]}</Tag>
                {row.level && <Tag color="gold">{INFO_REPORT_LEVEL_LABELS[row.level][locale]}</Tag>}
              </Space>
            ),
          },
          { title: t('优秀网格员', 'Exemplary worker'), dataIndex: 'subjectName', width: 110, render: (name: string | null) => name ?? '—' },
          { title: t('首次提交', 'First submitted'), dataIndex: 'firstSubmittedAt', width: 150, render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—') },
        ]}
      />
      <PageButtons list={list} />
    </Card>
  );
}
