// 批量排班: a rota over a date range — the working days (per the working calendar) go to the
// chosen people in the order chosen, round and round; days someone checked in on are kept.
import { useState } from 'react';
import { Alert, DatePicker, Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { DutyFillResult, DutyRoster } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

interface FillForm {
  readonly range: [Dayjs, Dayjs];
  readonly slot: string;
  readonly accountIds: string[];
}

export function DutyFillModal({
  roster,
  today,
  onClose,
  onFilled,
}: {
  roster: DutyRoster;
  today: string;
  onClose(): void;
  onFilled(result: DutyFillResult): void;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<FillForm>();
  const [error, setError] = useState('');
  const start = dayjs(roster.from < today ? today : roster.from);

  async function submit(values: FillForm) {
    try {
      onFilled(
        await api.post<DutyFillResult>('/api/duty/roster/fill', {
          unitId: roster.unit.id,
          from: values.range[0].format('YYYY-MM-DD'),
          to: values.range[1].format('YYYY-MM-DD'),
          slot: values.slot,
          accountIds: values.accountIds,
        }),
      );
    } catch (caught) {
      setError(failureText(caught, t));
    }
  }

  return (
    <Modal
      open
      title={t(`批量排班：${roster.unit.name}`, `Rota: ${roster.unit.name}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('排班', 'Fill')}
      cancelText={t('取消', 'Cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ range: [start, dayjs(roster.to)], slot: roster.unit.slots[0]?.key }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="range"
          label={t('日期范围（只排工作日）', 'Dates (working days only)')}
          rules={[{ required: true }]}
        >
          <DatePicker.RangePicker
            allowClear={false}
            disabledDate={(value) => value.format('YYYY-MM-DD') < today}
          />
        </Form.Item>
        <Form.Item name="slot" label={t('班次', 'Slot')} rules={[{ required: true }]}>
          <Select
            aria-label={t('班次', 'Slot')}
            options={roster.unit.slots.map((slot) => ({ value: slot.key, label: slot.name }))}
          />
        </Form.Item>
        <Form.Item
          name="accountIds"
          label={t('值班人员（按顺序轮流）', 'People (in turn, in this order)')}
          rules={[{ required: true, message: t('请选择值班人员', 'Pick the people') }]}
        >
          <Select
            mode="multiple"
            aria-label={t('值班人员', 'People')}
            options={roster.candidates.map((person) => ({ value: person.id, label: person.name }))}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
