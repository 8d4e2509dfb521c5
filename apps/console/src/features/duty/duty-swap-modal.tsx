// 换班: exchange a day with another day's person, or hand it to someone else of the unit; the
// reason is required and both people get a message.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import type { DutyEntry, DutyRoster } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

interface SwapForm {
  readonly mode: 'exchange' | 'hand';
  readonly withEntryId?: string;
  readonly toAccountId?: string;
  readonly reason: string;
}

export function DutySwapModal({
  entry,
  roster,
  today,
  onClose,
  onSwapped,
}: {
  entry: DutyEntry;
  roster: DutyRoster;
  today: string;
  onClose(): void;
  onSwapped(): void;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<SwapForm>();
  const mode = Form.useWatch('mode', form) ?? 'exchange';
  const [error, setError] = useState('');
  const others = roster.entries.filter(
    (other) =>
      other.id !== entry.id &&
      other.account.id !== entry.account.id &&
      !other.checkedInAt &&
      other.date >= today,
  );

  async function submit(values: SwapForm) {
    try {
      await api.post('/api/duty/roster/swap', {
        entryId: entry.id,
        reason: values.reason,
        ...(values.mode === 'exchange'
          ? { withEntryId: values.withEntryId }
          : { toAccountId: values.toAccountId }),
      });
      onSwapped();
    } catch (caught) {
      setError(failureText(caught, t));
    }
  }

  return (
    <Modal
      open
      title={t(`换班：${entry.date} ${entry.account.name}`, `Swap: ${entry.date} ${entry.account.name}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('确定', 'OK')}
      cancelText={t('取消', 'Cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mode: 'exchange' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="mode">
          <Radio.Group
            options={[
              { value: 'exchange', label: t('与另一天交换', 'Exchange with another day') },
              { value: 'hand', label: t('交由他人接替', 'Hand to someone else') },
            ]}
          />
        </Form.Item>
        {mode === 'exchange' ? (
          <Form.Item
            name="withEntryId"
            label={t('交换的值班', 'Exchange with')}
            rules={[{ required: true, message: t('请选择要交换的值班', 'Pick the day to exchange with') }]}
          >
            <Select
              options={others.map((other) => ({
                value: other.id,
                label: `${other.date} ${other.account.name}`,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="toAccountId"
            label={t('接替人', 'Taken over by')}
            rules={[{ required: true, message: t('请选择接替人', 'Pick who takes over') }]}
          >
            <Select
              options={roster.candidates
                .filter((person) => person.id !== entry.account.id)
                .map((person) => ({ value: person.id, label: person.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('原因', 'Reason')}
          rules={[{ required: true, message: t('请填写换班原因', 'Give the reason') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
