// The center's queue, a department's inbox, and the searchable list of every event in scope: one
// page with the view as its route. Filters live in the URL (a link or a reload keeps them); pages
// go forward by the server's keyset cursor and back through the cursors already seen. Deadlines
// count down; an overdue step is red.
import { useEffect, useMemo, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { EVENT_STATUSES, EVENT_STATUS_LABELS, type EventListItem, type EventStatus } from '@gridwork/core';
import { timeLeft, useCategories } from './catalogue.js';
import { useLocale } from '../../app/i18n.js';
import { useKeysetList } from '../../app/keyset-list.js';

export type EventsView = 'center_queue' | 'department_inbox' | 'all';

export const STATUS_COLOURS: Readonly<Record<EventStatus, string>> = {
  reported: 'blue',
  accepted: 'cyan',
  dispatched: 'geekblue',
  signed: 'purple',
  handled: 'orange',
  closed: 'green',
  rejected: 'default',
  merged: 'default',
};

const FILTER_KEYS = ['status', 'categoryCode', 'villageId', 'departmentId', 'overdue', 'from', 'to'] as const;

export function EventsPage({ view }: { view: EventsView }) {
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const categories = useCategories();
  const list = useKeysetList<EventListItem>(
    '/api/events',
    FILTER_KEYS,
    20,
    useMemo(() => ({ fixed: { view } }), [view]),
  );
  const { items, loading, error } = list;
  const [now, setNow] = useState(() => Date.now());
  const [active, setActive] = useState(-1);
  const setReloads = (_: (value: number) => number) => list.reload();

  // Deadlines count from the moment a page arrives, and then every half minute.
  useEffect(() => setNow(Date.now()), [items]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => setActive(-1), [items]);

  // The keyboard works the queue: ↑/↓ (or j/k) pick a row, Enter opens it, r refreshes.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (
        target &&
        (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
          target.isContentEditable ||
          target.closest('.ant-select, .ant-picker, .ant-modal'))
      )
        return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const count = items?.length ?? 0;
      if ((event.key === 'ArrowDown' || event.key === 'j') && count > 0) {
        event.preventDefault();
        setActive((current) => Math.min(count - 1, current + 1));
      } else if ((event.key === 'ArrowUp' || event.key === 'k') && count > 0) {
        event.preventDefault();
        setActive((current) => Math.max(0, current - 1));
      } else if (event.key === 'Enter' && items?.[active]) {
        event.preventDefault();
        navigate(`/events/${items[active].id}`);
      } else if (event.key === 'r') {
        setReloads((value) => value + 1);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [items, active, navigate]);

  /** Changes filters and goes back to the first page. */
  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string | null) =>
    list.setFilters({ [key]: value });

  const categoryName = (code: string) => categories.find((category) => category.code === code)?.name ?? code;
  const titles: Record<EventsView, string> = {
    center_queue: t('受理派遣', 'Center queue'),
    department_inbox: t('部门待办', 'Department inbox'),
    all: t('事件查询', 'Events'),
  };
  const statusChoices =
    view === 'center_queue'
      ? (['reported', 'accepted'] as const)
      : view === 'department_inbox'
        ? (['dispatched', 'signed'] as const)
        : EVENT_STATUSES;

  return (
    <Card
      title={titles[view]}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => setReloads((count) => count + 1)}>
          {t('刷新', 'Refresh')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('状态', 'Status')}
          placeholder={t('全部状态', 'Any status')}
          allowClear
          style={{ width: 160 }}
          value={params.get('status') ?? undefined}
          onChange={(value?: string) => setFilter('status', value ?? null)}
          options={statusChoices.map((status) => ({
            value: status,
            label: EVENT_STATUS_LABELS[status][locale],
          }))}
        />
        <Select
          aria-label={t('类别', 'Category')}
          placeholder={t('全部类别', 'Any category')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          value={params.get('categoryCode') ?? undefined}
          onChange={(value?: string) => setFilter('categoryCode', value ?? null)}
          options={categories.map((category) => ({ value: category.code, label: category.name }))}
        />
        <DatePicker.RangePicker
          aria-label={t('上报日期', 'Reported between')}
          value={
            params.get('from') && params.get('to')
              ? [dayjs(params.get('from')), dayjs(params.get('to'))]
              : null
          }
          onChange={(range) =>
            list.setFilters({
              from: range?.[0]?.format('YYYY-MM-DD') ?? null,
              to: range?.[1]?.format('YYYY-MM-DD') ?? null,
            })
          }
        />
        <Space>
          <Switch
            aria-label={t('只看超时', 'Overdue only')}
            checked={params.get('overdue') === 'true'}
            onChange={(checked) => setFilter('overdue', checked ? 'true' : null)}
          />
          <Typography.Text>{t('只看超时', 'Overdue only')}</Typography.Text>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<EventListItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items ?? []}
        pagination={false}
        locale={{
          emptyText: (
            <Empty
              description={
                view === 'all'
                  ? t('没有符合条件的事件', 'No events match')
                  : t('没有待办事件', 'Nothing waiting')
              }
            />
          ),
        }}
        onRow={(row, index) => ({
          onClick: () => navigate(`/events/${row.id}`),
          style: {
            cursor: 'pointer',
            ...(index === active
              ? { background: '#e6f0ff', outline: '2px solid #1458b8', outlineOffset: -2 }
              : {}),
          },
          'aria-selected': index === active,
        })}
        columns={[
          {
            title: t('标题', 'Title'),
            dataIndex: 'title',
            render: (title: string, row) => (
              <a href={`/events/${row.id}`} onClick={(event) => event.preventDefault()}>
                {title}
              </a>
            ),
          },
          {
            title: t('类别', 'Category'),
            dataIndex: 'categoryCode',
            width: 140,
            render: (code: string) => categoryName(code),
          },
          {
            title: t('网格', 'Grid'),
            dataIndex: 'gridName',
            width: 120,
            render: (name: string | null) => name ?? '—',
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 130,
            render: (status: EventStatus) => (
              <Tag color={STATUS_COLOURS[status]}>{EVENT_STATUS_LABELS[status][locale]}</Tag>
            ),
          },
          {
            title: t('办理时限', 'Deadline'),
            dataIndex: 'deadline',
            width: 170,
            render: (deadline: string | null) => {
              if (!deadline) return '—';
              const left = timeLeft(deadline, now, locale);
              return (
                <Typography.Text
                  type={left.overdue ? 'danger' : undefined}
                  strong={left.overdue}
                  data-overdue={left.overdue}
                >
                  {left.text}
                </Typography.Text>
              );
            },
          },
          {
            title: t('上报时间', 'Reported'),
            dataIndex: 'reportedAt',
            width: 160,
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <Button disabled={!list.hasPrevious} onClick={list.goBack}>
          {t('上一页', 'Previous')}
        </Button>
        <Button disabled={!list.hasNext} onClick={list.goNext}>
          {t('下一页', 'Next')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('键盘：↑↓ 选择，Enter 打开，r 刷新', 'Keyboard: ↑↓ pick, Enter opens, r refreshes')}
        </Typography.Text>
      </Space>
    </Card>
  );
}
