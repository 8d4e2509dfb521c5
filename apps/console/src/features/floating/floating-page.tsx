// The floating population of the caller's territory (流动人口): present or departed, found by
// name, with the permits expiring soon, a page at a time (filters kept in the URL). Arrivals and
// departures are registered from here.
import { useEffect, useState } from 'react';
import { LogoutOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import {
  FLOATING_REASON_LABELS,
  FLOATING_STATUSES,
  FLOATING_STATUS_LABELS,
  can,
  isPermitExpiring,
  shanghaiDate,
  type FloatingRegistration,
} from '@gridwork/core';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { PageButtons, useKeysetList } from '../../app/keyset-list.js';
import { ArrivalFormModal } from './arrival-form-modal.js';
import { DepartureFormModal } from './departure-form-modal.js';

const FILTER_KEYS = ['status', 'q', 'permitExpiringWithinDays'] as const;

/** Days ahead that the list's 居住证将到期 filter looks. */
export const PERMIT_WARNING_DAYS = 30;

interface SearchValues {
  q?: string;
  status?: string;
  permit?: string;
}

export function FloatingPage() {
  const { locale, t } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const list = useKeysetList<FloatingRegistration>('/api/floating', FILTER_KEYS);
  const [form] = Form.useForm<SearchValues>();
  const [arriving, setArriving] = useState(false);
  const [departing, setDeparting] = useState<FloatingRegistration | null>(null);
  const mayWrite = can(user.role, 'floating.write');
  const today = shanghaiDate(Date.now());

  useEffect(() => {
    form.setFieldsValue({
      q: list.filters['q'] ?? '',
      status: list.filters['status'],
      permit: list.filters['permitExpiringWithinDays'] ? 'expiring' : undefined,
    });
  }, [form, list.filters]);

  return (
    <Card
      title={t('流动人口', 'Floating population')}
      extra={
        <Space wrap>
          {mayWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setArriving(true)}>
              {t('来登记', 'Register an arrival')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} aria-label={t('刷新', 'Refresh')} onClick={list.reload} />
        </Space>
      }
    >
      <Form<SearchValues>
        form={form}
        name="floating-search"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) =>
          list.setFilters({
            q: values.q?.trim(),
            status: values.status,
            permitExpiringWithinDays: values.permit === 'expiring' ? String(PERMIT_WARNING_DAYS) : null,
          })
        }
      >
        <Form.Item name="q" label={t('姓名', 'Name')}>
          <Input allowClear placeholder={t('姓名中的字', 'Part of the name')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="status" label={t('状态', 'Status')}>
          <Select
            allowClear
            placeholder={t('全部', 'Any')}
            style={{ width: 110 }}
            options={FLOATING_STATUSES.map((value) => ({ value, label: FLOATING_STATUS_LABELS[value][locale] }))}
          />
        </Form.Item>
        <Form.Item name="permit" label={t('居住证', 'Permit')}>
          <Select
            allowClear
            placeholder={t('全部', 'Any')}
            style={{ width: 210 }}
            options={[{ value: 'expiring', label: t(`${PERMIT_WARNING_DAYS} 天内到期或已过期`, `Expiring within ${PERMIT_WARNING_DAYS} days`) }]}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('查询', 'Search')}
            </Button>
            <Button onClick={() => list.setFilters(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])))}>{t('重置', 'Reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<FloatingRegistration>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items ?? []}
        pagination={false}
        scroll={{ x: 1080 }}
        locale={{ emptyText: <Empty description={t('没有符合条件的流动人口', 'No registrations match')} /> }}
        onRow={(row) => ({ onClick: () => navigate(`/floating/${row.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('姓名', 'Name'),
            dataIndex: 'personName',
            width: 90,
            fixed: 'left' as const,
            render: (name: string, row) => (
              <Link to={`/floating/${row.id}`} onClick={(event) => event.stopPropagation()}>
                {name}
              </Link>
            ),
          },
          { title: t('来自', 'From'), dataIndex: 'originName', width: 180 },
          { title: t('事由', 'Reason'), dataIndex: 'reason', width: 80, render: (value: FloatingRegistration['reason']) => FLOATING_REASON_LABELS[value][locale] },
          { title: t('来到日期', 'Arrived'), dataIndex: 'arrivedOn', width: 105 },
          {
            title: t('居住地', 'Lives at'),
            dataIndex: 'houseAddress',
            render: (address: string | null, row) =>
              address ? (
                <Space size={4}>
                  {address}
                  {row.isRental && <Tag color="orange">{t('出租屋', 'Rental')}</Tag>}
                </Space>
              ) : (
                '—'
              ),
          },
          { title: t('网格', 'Grid'), dataIndex: 'gridName', width: 90, render: (name: string | null) => name ?? '—' },
          {
            title: t('居住证到期', 'Permit expires'),
            width: 110,
            render: (_: unknown, row) =>
              row.residencePermit ? (
                row.status === 'present' && isPermitExpiring(row.residencePermit.expiresOn, today, PERMIT_WARNING_DAYS) ? (
                  <Typography.Text type="danger">{row.residencePermit.expiresOn}</Typography.Text>
                ) : (
                  row.residencePermit.expiresOn
                )
              ) : (
                <Typography.Text type="secondary">{t('未办理', 'None')}</Typography.Text>
              ),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 160,
            render: (status: FloatingRegistration['status'], row) =>
              status === 'present' ? (
                <Tag color="green">{FLOATING_STATUS_LABELS.present[locale]}</Tag>
              ) : (
                <Space size={4}>
                  <Tag>{FLOATING_STATUS_LABELS.departed[locale]}</Tag>
                  <Typography.Text type="secondary">{row.departedOn}</Typography.Text>
                </Space>
              ),
          },
          ...(mayWrite
            ? [
                {
                  title: t('操作', 'Actions'),
                  width: 100,
                  fixed: 'right' as const,
                  render: (_: unknown, row: FloatingRegistration) =>
                    row.status === 'present' ? (
                      <Button
                        size="small"
                        icon={<LogoutOutlined />}
                        onClick={(event) => {
                          event.stopPropagation();
                          setDeparting(row);
                        }}
                      >
                        {t('去登记', 'Departure')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <PageButtons list={list} />
      {arriving && (
        <ArrivalFormModal
          onClose={() => setArriving(false)}
          onSaved={(registration) => {
            setArriving(false);
            navigate(`/floating/${registration.id}`);
          }}
        />
      )}
      {departing && (
        <DepartureFormModal
          registration={departing}
          onClose={() => setDeparting(null)}
          onSaved={() => {
            setDeparting(null);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}
