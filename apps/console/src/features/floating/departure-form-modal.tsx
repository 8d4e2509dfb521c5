// 去登记: a floating person leaves, on a day and for somewhere (a division, or words). The stay,
// the tenancy and their residence here end together on the server.
import { useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { newId, type FloatingRegistration } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { DivisionCascader } from './division-cascader.js';
import { fieldErrorsOnForm } from './floating-form-support.js';

interface DepartureValues {
  departedOn?: Dayjs;
  destinationCode?: string;
  destinationText?: string;
}

const FIELD_NAMES = { departedOn: 'departedOn', destinationCode: 'destinationCode', destinationText: 'destinationText', personId: 'departedOn' } as const;

export function DepartureFormModal({ registration, onClose, onSaved }: { registration: FloatingRegistration; onClose(): void; onSaved(registration: FloatingRegistration): void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartureValues>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const clientKey = useMemo(() => newId(), []);

  async function submit(values: DepartureValues) {
    setBusy(true);
    setError('');
    try {
      const saved = await api.post<FloatingRegistration>('/api/floating/departures', {
        clientKey,
        personId: registration.personId,
        departedOn: values.departedOn?.format('YYYY-MM-DD'),
        ...(values.destinationCode ? { destinationCode: values.destinationCode } : {}),
        ...(values.destinationText?.trim() ? { destinationText: values.destinationText.trim() } : {}),
      });
      void message.success(t(`已登记 ${saved.personName} 离开`, `Departure of ${saved.personName} registered`));
      onSaved(saved);
    } catch (caught) {
      setError(fieldErrorsOnForm(form, caught, FIELD_NAMES, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t(`流动人口去登记 · ${registration.personName}`, `Register the departure · ${registration.personName}`)} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {t(`${registration.arrivedOn} 自${registration.originName}来到`, `Arrived on ${registration.arrivedOn} from ${registration.originName}`)}
        {registration.houseAddress ? t(`，住${registration.houseAddress}；登记离开后不再是该房屋的承租人。`, `; living at ${registration.houseAddress}, no longer its tenant once departed.`) : t('。', '.')}
      </Typography.Paragraph>
      <Form<DepartureValues> form={form} name="departure" layout="vertical" onFinish={submit} initialValues={{ departedOn: dayjs() }}>
        <Form.Item label={t('离开日期', 'Departed on')} name="departedOn" rules={[{ required: true, message: t('请选择日期', 'Choose the date') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('去往', 'Going to')} name="destinationCode">
          <DivisionCascader />
        </Form.Item>
        <Form.Item label={t('去向说明', 'Destination in words')} name="destinationText">
          <Input maxLength={200} placeholder={t('如：回乡务农、出国', 'e.g. back home, abroad')} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('登记离开', 'Register the departure')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
