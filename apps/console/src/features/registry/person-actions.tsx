// The steps taken on one person beside a plain edit: seeing the full ID number and phone (with a
// purpose, audited), verifying (confirmed as it stands, or corrected), and moving out or death
// (with a reason). Each asks in a modal, reports the result, and shows refusals at the field.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Select } from 'antd';
import {
  PERSON_STATUS_LABELS,
  RESIDENCE_STATUSES,
  RESIDENCE_STATUS_LABELS,
  type PersonStatus,
  type PersonView,
} from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { showFieldErrors } from './person-form-modal.js';

export interface PlainDocument {
  readonly idNumber: string | null;
  readonly phone: string | null;
}

function ModalFooter({
  busy,
  label,
  onClose,
  danger,
}: {
  busy: boolean;
  label: string;
  onClose(): void;
  danger?: boolean;
}) {
  const { t } = useLocale();
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
      <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
      <Button type="primary" danger={danger} htmlType="submit" loading={busy}>
        {label}
      </Button>
    </div>
  );
}

export function UnmaskModal({
  person,
  onClose,
  onShown,
}: {
  person: PersonView;
  onClose(): void;
  onShown(plain: PlainDocument): void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ purpose: string }>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit({ purpose }: { purpose: string }) {
    setBusy(true);
    setError('');
    try {
      const plain = await api.post<PlainDocument>(`/api/persons/${person.id}/unmask`, {
        purpose: purpose.trim(),
      });
      void message.info(
        t('已显示完整信息，本次查看已记入审计日志', 'Shown in full; this view is on the audit trail'),
      );
      onShown(plain);
    } catch (caught) {
      setError(showFieldErrors(form, caught, ['purpose'], t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('查看完整证件号码和电话', 'See the full ID number and phone')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form form={form} name="unmask" layout="vertical" onFinish={submit}>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(
            '此次查看将连同用途记入审计日志。',
            'This view is recorded on the audit trail with its purpose.',
          )}
        />
        <Form.Item
          label={t('查看用途', 'Purpose')}
          name="purpose"
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              message: t('请填写查看用途（至少 2 个字）', 'Write the purpose (2 characters or more)'),
            },
          ]}
        >
          <Input maxLength={100} placeholder={t('如：走访联系', 'e.g. a home visit')} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ModalFooter busy={busy} label={t('查看', 'Show')} onClose={onClose} />
      </Form>
    </Modal>
  );
}

interface VerifyValues {
  outcome: 'confirmed' | 'corrected';
  name?: string;
  phone?: string;
  address?: string;
  hukouPlace?: string;
  residenceStatus?: string;
}

export function VerifyPersonModal({
  person,
  onClose,
  onDone,
}: {
  person: PersonView;
  onClose(): void;
  onDone(person: PersonView): void;
}) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<VerifyValues>();
  const outcome = Form.useWatch('outcome', form);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(values: VerifyValues) {
    setBusy(true);
    setError('');
    const corrections: Record<string, string> = {};
    if (values.outcome === 'corrected') {
      if (values.name?.trim() && values.name.trim() !== person.name) corrections['name'] = values.name.trim();
      if (values.phone?.trim()) corrections['phone'] = values.phone.trim();
      if ((values.address?.trim() ?? '') !== (person.address ?? ''))
        corrections['address'] = values.address?.trim() ?? '';
      if ((values.hukouPlace?.trim() ?? '') !== (person.hukouPlace ?? ''))
        corrections['hukouPlace'] = values.hukouPlace?.trim() ?? '';
      if (values.residenceStatus && values.residenceStatus !== person.residenceStatus)
        corrections['residenceStatus'] = values.residenceStatus;
      if (Object.keys(corrections).length === 0) {
        setBusy(false);
        setError(
          t(
            '请填写需要更正的内容，或选择“信息无误”',
            'Enter what to correct, or choose “correct as it stands”',
          ),
        );
        return;
      }
    }
    try {
      const verified = await api.post<PersonView>(`/api/persons/${person.id}/verify`, {
        version: person.version,
        outcome: values.outcome,
        ...(values.outcome === 'corrected' ? { corrections } : {}),
      });
      void message.success(
        values.outcome === 'confirmed'
          ? t('已复核：信息无误', 'Verified as it stands')
          : t('已复核并更正', 'Verified and corrected'),
      );
      onDone(verified);
    } catch (caught) {
      setError(
        showFieldErrors(form, caught, ['name', 'phone', 'address', 'hukouPlace', 'residenceStatus'], t),
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t(`复核 · ${person.name}`, `Verify · ${person.name}`)}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      <Form<VerifyValues>
        form={form}
        name="verify"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          outcome: 'confirmed',
          name: person.name,
          address: person.address ?? '',
          hukouPlace: person.hukouPlace ?? '',
          residenceStatus: person.residenceStatus,
        }}
      >
        <Form.Item label={t('复核结果', 'Outcome')} name="outcome">
          <Radio.Group
            options={[
              { value: 'confirmed', label: t('信息无误', 'Correct as it stands') },
              { value: 'corrected', label: t('需要更正', 'Needs corrections') },
            ]}
          />
        </Form.Item>
        {outcome === 'corrected' && (
          <>
            <Form.Item label={t('姓名', 'Name')} name="name">
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              label={t('联系电话', 'Phone')}
              name="phone"
              extra={t('不改请留空', 'Leave empty to keep')}
            >
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item label={t('现住址', 'Current address')} name="address">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label={t('户籍地', 'Registration place')} name="hukouPlace">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label={t('人口类型', 'Residence status')} name="residenceStatus">
              <Select
                options={RESIDENCE_STATUSES.map((value) => ({
                  value,
                  label: RESIDENCE_STATUS_LABELS[value][locale],
                }))}
              />
            </Form.Item>
          </>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ModalFooter busy={busy} label={t('确认复核', 'Confirm verification')} onClose={onClose} />
      </Form>
    </Modal>
  );
}

export function PersonStatusModal({
  person,
  onClose,
  onDone,
}: {
  person: PersonView;
  onClose(): void;
  onDone(person: PersonView): void;
}) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: PersonStatus; reason?: string }>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const choices: PersonStatus[] = person.status === 'active' ? ['moved_out', 'deceased'] : ['active'];
  async function submit(values: { status: PersonStatus; reason?: string }) {
    setBusy(true);
    setError('');
    try {
      const saved = await api.patch<PersonView>(`/api/persons/${person.id}`, {
        version: person.version,
        status: values.status,
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      });
      void message.success(
        t(
          `已登记为${PERSON_STATUS_LABELS[values.status]['zh-CN']}`,
          `Now: ${PERSON_STATUS_LABELS[values.status]['en-US']}`,
        ),
      );
      onDone(saved);
    } catch (caught) {
      setError(
        showFieldErrors(form, caught, ['status', 'reason'], t) ||
          (caught instanceof ApiError && caught.status === 409 ? caught.message : ''),
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t(`变更状态 · ${person.name}`, `Change status · ${person.name}`)}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form
        form={form}
        name="status"
        layout="vertical"
        onFinish={submit}
        initialValues={{ status: choices[0] }}
      >
        <Form.Item label={t('新状态', 'New status')} name="status">
          <Radio.Group
            options={choices.map((value) => ({ value, label: PERSON_STATUS_LABELS[value][locale] }))}
          />
        </Form.Item>
        <Form.Item
          label={t('原因', 'Reason')}
          name="reason"
          rules={[
            {
              required: person.status === 'active',
              whitespace: true,
              message: t('迁出或死亡须写明原因', 'Moving out or death needs a reason'),
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            placeholder={t('如：迁往成都市武侯区', 'e.g. moved to Chengdu')}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ModalFooter
          busy={busy}
          danger={person.status === 'active'}
          label={t('确认变更', 'Confirm')}
          onClose={onClose}
        />
      </Form>
    </Modal>
  );
}
