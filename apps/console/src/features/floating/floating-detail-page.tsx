// One floating person's registration: where from and why, where they live and with whom as
// landlord, their residence permit (changed here), and the departure when they leave.
import { useCallback, useEffect, useState } from 'react';
import { ArrowLeftOutlined, EditOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { FLOATING_REASON_LABELS, FLOATING_STATUS_LABELS, can, isPermitExpiring, shanghaiDate, type FloatingRegistration } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { DepartureFormModal } from './departure-form-modal.js';
import { PERMIT_WARNING_DAYS } from './floating-page.js';
import { PermitFormModal } from './permit-form-modal.js';

export function FloatingDetailPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const [registration, setRegistration] = useState<FloatingRegistration | null>(null);
  const [error, setError] = useState('');
  const [dialog, setDialog] = useState<'departure' | 'permit' | null>(null);
  const mayWrite = can(user.role, 'floating.write');

  const load = useCallback(() => {
    api.get<FloatingRegistration>(`/api/floating/${id}`).then(setRegistration, (caught: unknown) => setError(failureText(caught, t)));
  }, [id, t]);
  useEffect(load, [load]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!registration) return <Skeleton active />;
  const permit = registration.residencePermit;
  const expiring = registration.status === 'present' && permit !== null && isPermitExpiring(permit.expiresOn, shanghaiDate(Date.now()), PERMIT_WARNING_DAYS);
  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('返回', 'Back')} onClick={() => navigate('/floating')} />
          {t(`流动人口 · ${registration.personName}`, `Floating population · ${registration.personName}`)}
          <Tag color={registration.status === 'present' ? 'green' : undefined}>{FLOATING_STATUS_LABELS[registration.status][locale]}</Tag>
        </Space>
      }
      extra={
        mayWrite && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setDialog('permit')}>
              {t('修改居住证', 'Edit the permit')}
            </Button>
            {registration.status === 'present' && (
              <Button icon={<LogoutOutlined />} onClick={() => setDialog('departure')}>
                {t('去登记', 'Departure')}
              </Button>
            )}
          </Space>
        )
      }
    >
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('姓名', 'Name')}>
          <Link to={`/registry/persons/${registration.personId}`}>{registration.personName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('网格', 'Grid')}>{registration.gridName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('来自', 'From')}>{registration.originName}</Descriptions.Item>
        <Descriptions.Item label={t('来由', 'Reason')}>{FLOATING_REASON_LABELS[registration.reason][locale]}</Descriptions.Item>
        <Descriptions.Item label={t('来到日期', 'Arrived on')}>{registration.arrivedOn}</Descriptions.Item>
        <Descriptions.Item label={t('预计居住至', 'Staying until')}>{registration.expectedStayUntil ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('居住房屋', 'Lives in')}>
          {registration.houseId ? (
            <Space size={4}>
              <Link to={`/registry/houses/${registration.houseId}`}>{registration.houseAddress}</Link>
              {registration.isRental && <Tag color="orange">{t('出租屋', 'Rental')}</Tag>}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('房东', 'Landlord')}>
          {registration.landlordId ? <Link to={`/floating/landlords/${registration.landlordId}`}>{registration.landlordName}</Link> : (registration.landlordName ?? '—')}
        </Descriptions.Item>
        <Descriptions.Item label={t('工作单位', 'Employer')}>{registration.employer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('居住证', 'Residence permit')}>
          {permit ? (
            <Space size={4} wrap>
              <Typography.Text code>{permit.number ?? '—'}</Typography.Text>
              <span>
                {permit.issuedOn} ~ {permit.expiresOn}
              </span>
              {expiring && <Tag color="red">{t('即将到期', 'Expiring soon')}</Tag>}
            </Space>
          ) : (
            t('未办理', 'None')
          )}
        </Descriptions.Item>
        {registration.status === 'departed' && (
          <>
            <Descriptions.Item label={t('离开日期', 'Departed on')}>{registration.departedOn}</Descriptions.Item>
            <Descriptions.Item label={t('去往', 'Went to')}>{registration.destinationName ?? '—'}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      {dialog === 'departure' && (
        <DepartureFormModal
          registration={registration}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            setRegistration(saved);
          }}
        />
      )}
      {dialog === 'permit' && (
        <PermitFormModal
          registration={registration}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            setRegistration(saved);
          }}
        />
      )}
    </Card>
  );
}
