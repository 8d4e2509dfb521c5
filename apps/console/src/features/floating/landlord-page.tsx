// A landlord (房东) on one page: the houses they own in the caller's territory and who rents
// each one now, with where each tenant comes from and when their residence permit expires.
import { useEffect, useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { RECORD_KIND_DEFINITIONS, type HouseTenant, type Landlord } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

export function LandlordPage() {
  const { personId = '' } = useParams();
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const [landlord, setLandlord] = useState<Landlord | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.get<Landlord>(`/api/landlords/${personId}`).then(setLandlord, (caught: unknown) => setError(failureText(caught, t)));
  }, [personId, t]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!landlord) return <Skeleton active />;
  const tenants = landlord.houses.reduce((sum, house) => sum + house.tenants.length, 0);
  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('返回', 'Back')} onClick={() => navigate(-1)} />
          {t(`房东 · ${landlord.name}`, `Landlord · ${landlord.name}`)}
        </Space>
      }
    >
      <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('姓名', 'Name')}>
          <Link to={`/registry/persons/${landlord.personId}`}>{landlord.name}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('证件号码', 'ID number')}>{landlord.idNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('电话', 'Phone')}>{landlord.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('房屋 / 承租人', 'Houses / tenants')}>
          {landlord.houses.length} / {tenants}
        </Descriptions.Item>
      </Descriptions>
      {landlord.houses.length === 0 && <Empty description={t('名下没有登记的房屋', 'Owns no registered house')} />}
      {landlord.houses.map((house) => (
        <Card
          key={house.id}
          type="inner"
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space>
              <Link to={`/registry/houses/${house.id}`}>{house.name}</Link>
              <Tag color={house.category === 'rental' ? 'orange' : undefined}>{RECORD_KIND_DEFINITIONS.house.categories[house.category]?.[locale] ?? house.category}</Tag>
              {house.address && <Typography.Text type="secondary">{house.address}</Typography.Text>}
            </Space>
          }
        >
          <Table<HouseTenant>
            rowKey="personId"
            size="small"
            pagination={false}
            dataSource={house.tenants}
            locale={{ emptyText: t('现无承租人', 'No tenants now') }}
            columns={[
              { title: t('承租人', 'Tenant'), dataIndex: 'personName', render: (name: string, row) => <Link to={row.registrationId ? `/floating/${row.registrationId}` : `/registry/persons/${row.personId}`}>{name}</Link> },
              { title: t('证件号码', 'ID number'), dataIndex: 'idNumber', render: (value: string | null) => value ?? '—' },
              { title: t('来自', 'From'), dataIndex: 'originName', render: (value: string | null) => value ?? '—' },
              { title: t('来到日期', 'Arrived'), dataIndex: 'arrivedOn', render: (value: string | null) => value ?? '—' },
              { title: t('居住证到期', 'Permit expires'), dataIndex: 'permitExpiresOn', render: (value: string | null) => value ?? '—' },
            ]}
          />
        </Card>
      ))}
    </Card>
  );
}
