// 出租屋: the rental houses of the caller's territory, each with its landlord and the tenants
// living there now (from their arrival registrations), a page at a time.
import { useEffect, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { HouseTenant, RecordView } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { PageButtons, useKeysetList } from '../../app/keyset-list.js';

const FILTER_KEYS = ['nameContains'] as const;

interface HouseMember {
  readonly personId: string;
  readonly name: string;
  readonly relation: string;
}

/** A house's landlord (its registered owner) and current tenants, fetched for its row. */
function HousePeople({ houseId, part }: { houseId: string; part: 'landlord' | 'tenants' }) {
  const { t } = useLocale();
  const [people, setPeople] = useState<{ tenants: HouseTenant[]; owners: HouseMember[] } | null>(null);
  useEffect(() => {
    let alive = true;
    void Promise.all([api.get<{ items: HouseTenant[] }>(`/api/houses/${houseId}/tenants`), api.get<{ items: HouseMember[] }>(`/api/houses/${houseId}/members`)]).then(
      ([tenants, members]) => alive && setPeople({ tenants: tenants.items, owners: members.items.filter((member) => member.relation === 'owner') }),
      () => alive && setPeople({ tenants: [], owners: [] }),
    );
    return () => {
      alive = false;
    };
  }, [houseId]);
  if (!people) return <Typography.Text type="secondary">…</Typography.Text>;
  if (part === 'landlord')
    return people.owners.length === 0 ? (
      <Typography.Text type="secondary">{t('未登记', 'Not registered')}</Typography.Text>
    ) : (
      <Space size={4} wrap>
        {people.owners.map((owner) => (
          <Link key={owner.personId} to={`/floating/landlords/${owner.personId}`}>
            {owner.name}
          </Link>
        ))}
      </Space>
    );
  return people.tenants.length === 0 ? (
    <Typography.Text type="secondary">{t('无', 'None')}</Typography.Text>
  ) : (
    <Space size={[8, 4]} wrap>
      {people.tenants.map((tenant) =>
        tenant.registrationId ? (
          <Link key={tenant.personId} to={`/floating/${tenant.registrationId}`} title={tenant.originName ?? ''}>
            {tenant.personName}
          </Link>
        ) : (
          <Link key={tenant.personId} to={`/registry/persons/${tenant.personId}`}>
            {tenant.personName}
          </Link>
        ),
      )}
    </Space>
  );
}

export function RentalsPage() {
  const { t } = useLocale();
  const list = useKeysetList<RecordView>('/api/houses', FILTER_KEYS, 20, { fixed: { category: 'rental' } });
  const [form] = Form.useForm<{ nameContains?: string }>();
  useEffect(() => form.setFieldsValue({ nameContains: list.filters['nameContains'] ?? '' }), [form, list.filters]);
  return (
    <Card title={t('出租屋', 'Rental houses')} extra={<Button icon={<ReloadOutlined />} aria-label={t('刷新', 'Refresh')} onClick={list.reload} />}>
      <Form form={form} name="rental-search" layout="inline" style={{ marginBottom: 16 }} onFinish={(values) => list.setFilters({ nameContains: values.nameContains?.trim() })}>
        <Form.Item name="nameContains" label={t('房屋名称', 'House name')}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('查询', 'Search')}
          </Button>
        </Form.Item>
      </Form>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<RecordView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('没有出租屋', 'No rental houses')} /> }}
        columns={[
          { title: t('房屋', 'House'), dataIndex: 'name', width: 220, render: (name: string, row) => <Link to={`/registry/houses/${row.id}`}>{name}</Link> },
          { title: t('地址', 'Address'), dataIndex: 'address', width: 220, render: (address: string | null) => address ?? '—' },
          { title: t('房东', 'Landlord'), width: 120, render: (_: unknown, row) => <HousePeople houseId={row.id} part="landlord" /> },
          { title: t('现承租人', 'Tenants now'), render: (_: unknown, row) => <HousePeople houseId={row.id} part="tenants" /> },
        ]}
      />
      <PageButtons list={list} />
    </Card>
  );
}
