// A residence permit's number and dates, or the employer and expected stay: changed with the
// version read, so a change made by someone else in between is said plainly.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { FloatingRegistration } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { fieldErrorsOnForm } from './floating-form-support.js';

interface PermitValues {
  number?: string;
  issuedOn?: Dayjs;
  expiresOn?: Dayjs;
  employer?: string;
  expectedStayUntil?: Dayjs | null;
}

const FIELD_NAMES = { 'residencePermit.number': 'number', 'residencePermit.issuedOn': 'issuedOn', 'residencePermit.expiresOn': 'expiresOn', employer: 'employer', expectedStayUntil: 'expectedStayUntil' } as const;

export function PermitFormModal({ registration, onClose, onSaved }: { registration: FloatingRegistration; onClose(): void; onSaved(registration: FloatingRegistration): void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<PermitValues>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const permit = registration.residencePermit;

  async function submit(values: PermitValues) {
    setBusy(true);
    setError('');
    try {
      const saved = await api.patch<FloatingRegistration>(`/api/floating/${registration.id}`, {
        version: registration.version,
        ...(values.issuedOn && values.expiresOn
          ? { residencePermit: { ...(values.number?.trim() ? { number: values.number.trim() } : {}), issuedOn: values.issuedOn.format('YYYY-MM-DD'), expiresOn: values.expiresOn.format('YYYY-MM-DD') } }
          : {}),
        employer: values.employer?.trim() ?? '',
        expectedStayUntil: values.expectedStayUntil ? values.expectedStayUntil.format('YYYY-MM-DD') : null,
      });
      void message.success(t('已保存修改', 'Changes saved'));
      onSaved(saved);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.code === 'RECORD_CHANGED' ? t('该登记已被他人修改，请关闭后刷新再改', 'Someone else changed this registration; close, reload and edit again') : fieldErrorsOnForm(form, caught, FIELD_NAMES, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t('修改居住证与工作信息', 'Edit the permit and work')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<PermitValues>
        form={form}
        name="permit"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          issuedOn: permit ? dayjs(permit.issuedOn) : undefined,
          expiresOn: permit ? dayjs(permit.expiresOn) : undefined,
          employer: registration.employer ?? '',
          expectedStayUntil: registration.expectedStayUntil ? dayjs(registration.expectedStayUntil) : null,
        }}
      >
        <Form.Item label={t('居住证号码（不改则留空）', 'Permit number (empty keeps it)')} name="number">
          <Input maxLength={40} placeholder={permit?.number ?? ''} />
        </Form.Item>
        <Form.Item label={t('签发日期', 'Issued on')} name="issuedOn">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('有效期至', 'Expires on')} name="expiresOn">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('工作单位', 'Employer')} name="employer">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('预计居住至', 'Staying until')} name="expectedStayUntil">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('保存', 'Save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
