// The residence permit (居住证) of an arrival: its number and its two dates, all optional, but a
// permit named needs both dates (the reminders before expiry run on them).
import { Form, Input } from 'antd-mobile';
import type { ResidencePermitBody } from '@gridwork/core';
import { t } from '../../app/i18n.js';
import { DayPicker } from './date-field.js';

export interface PermitValues {
  permitNumber?: string;
  permitIssuedOn?: string | null;
  permitExpiresOn?: string | null;
}

/** The permit to send, none, or 'incomplete' when something but not both dates was given. */
export function permitOf(values: PermitValues): ResidencePermitBody | null | 'incomplete' {
  const number = values.permitNumber?.trim();
  const { permitIssuedOn: issuedOn, permitExpiresOn: expiresOn } = values;
  if (!number && !issuedOn && !expiresOn) return null;
  if (!issuedOn || !expiresOn) return 'incomplete';
  return { ...(number ? { number } : {}), issuedOn, expiresOn };
}

export function PermitFields() {
  const today = new Date();
  return (
    <>
      <Form.Header>{t('居住证（可不填）', 'Residence permit (optional)')}</Form.Header>
      <Form.Item name="permitNumber" label={t('居住证号', 'Permit number')}>
        <Input maxLength={40} clearable />
      </Form.Item>
      <Form.Item name="permitIssuedOn" label={t('签发日期', 'Issued on')} arrowIcon>
        <DayPicker label={t('签发日期', 'Issued on')} max={today} placeholder={t('未填', 'Not given')} />
      </Form.Item>
      <Form.Item name="permitExpiresOn" label={t('有效期至', 'Valid until')} arrowIcon>
        <DayPicker label={t('有效期至', 'Valid until')} placeholder={t('未填', 'Not given')} />
      </Form.Item>
    </>
  );
}
