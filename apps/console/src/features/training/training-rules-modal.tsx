// The county's training rules (培训要求): per kind and audience, at least so many sessions a year
// or a quarter. The server checks them (one rule per kind, audience and period; sensible minimums).
import { useState } from 'react';
import { DeleteOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Form, InputNumber, Modal, Select, Space } from 'antd';
import {
  TRAINING_KINDS,
  TRAINING_KIND_LABELS,
  TRAINING_PERIODS,
  TRAINING_PERIOD_LABELS,
  TRAINING_RULE_AUDIENCES,
  TRAINING_RULE_AUDIENCE_LABELS,
  type TrainingRule,
  type TrainingSettings,
} from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

export function TrainingRulesButton({ onSaved }: { onSaved: () => void }) {
  const { locale, t } = useLocale();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [form] = Form.useForm<{ rules: TrainingRule[] }>();

  async function save() {
    const fields = await form.validateFields();
    setBusy(true);
    setError('');
    try {
      await api.put<TrainingSettings>('/api/settings/training', { rules: fields.rules });
      setOpen(false);
      onSaved();
    } catch (caught) {
      setError(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        icon={<SettingOutlined />}
        onClick={() => {
          setError('');
          // All of the county's rules, whatever the page is filtered by.
          api.get<TrainingSettings>('/api/settings/training').then(
            (settings) => {
              form.setFieldsValue({ rules: settings.rules });
              setOpen(true);
            },
            (caught: unknown) => setError(failureText(caught, t)),
          );
        }}
      >
        {t('培训要求', 'Rules')}
      </Button>
      <Modal open={open} title={t('培训要求', 'Training rules')} width={880} okText={t('保存', 'Save')} confirmLoading={busy} onOk={() => void save()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="inline">
          <Form.List name="rules">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((field) => (
                  <Space key={field.key} wrap>
                    <Form.Item name={[field.name, 'audience']} rules={[{ required: true }]}>
                      <Select aria-label={t('对象', 'Audience')} style={{ width: 190 }} options={TRAINING_RULE_AUDIENCES.map((value) => ({ value, label: TRAINING_RULE_AUDIENCE_LABELS[value][locale] }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                      <Select aria-label={t('培训类别', 'Kind')} style={{ width: 150 }} options={TRAINING_KINDS.map((value) => ({ value, label: TRAINING_KIND_LABELS[value][locale] }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'per']} rules={[{ required: true }]}>
                      <Select aria-label={t('周期', 'Period')} style={{ width: 100 }} options={TRAINING_PERIODS.map((value) => ({ value, label: TRAINING_PERIOD_LABELS[value][locale] }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'minimum']} rules={[{ required: true }]}>
                      <InputNumber aria-label={t('至少次数', 'At least')} min={1} max={52} precision={0} addonBefore={t('至少', 'at least')} addonAfter={t('次', 'times')} style={{ width: 160 }} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('删除', 'Remove')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ audience: 'grid_worker', kind: 'ethics', per: 'year', minimum: 1 })}>
                  {t('添加要求', 'Add a rule')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      </Modal>
      {!open && error && <Alert type="error" showIcon title={error} />}
    </>
  );
}
