// Editing the year's scheme (the county): every unit kind in a tab, saved as a new version. The
// server checks it (weights add up to 100, indicators that apply, count indicators only in
// deductions); its refusal names a field, which the editor marks and opens the tab of.
import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Space, Tabs } from 'antd';
import type { AssessedUnitKind, PutScoreSchemeResult, ScoreScheme } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { UNIT_KIND_LABELS } from './score-labels.js';
import { formPath, toBody, toFields, unitKindOf, type SchemeFields } from './scheme-form.js';
import { SchemeUnitEditor } from './scheme-unit-editor.js';

export function SchemeEditor({ scheme, onSaved, onCancel }: { scheme: ScoreScheme; onSaved: (result: PutScoreSchemeResult) => void; onCancel: () => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<SchemeFields>();
  const kinds = Object.keys(scheme.body.units) as AssessedUnitKind[];
  const [tab, setTab] = useState<string>(kinds[0] ?? 'village');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function save() {
    setError('');
    let fields: SchemeFields;
    try {
      await form.validateFields();
      fields = form.getFieldsValue(true) as SchemeFields;
    } catch {
      return;
    }
    setBusy(true);
    try {
      onSaved(await api.put<PutScoreSchemeResult>(`/api/assessment/schemes/${scheme.year}`, { body: toBody(fields), note: fields.note ?? '', baseVersion: scheme.latestVersion }));
    } catch (caught) {
      setError(failureText(caught, t));
      if (caught instanceof ApiError) {
        const marked = Object.entries(caught.fieldErrors()).map(([field, message]) => ({ name: formPath(field), errors: [message] }));
        form.setFields(marked as Parameters<typeof form.setFields>[0]);
        const kind = marked.map((entry) => unitKindOf(entry.name)).find((found) => found !== null);
        if (kind) setTab(kind);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" initialValues={toFields(scheme.body)} data-testid="scheme-editor">
      <Space wrap align="start">
        <Form.Item name="minCases" label={t('最少样本数', 'Minimum cases')} rules={[{ required: true }]} tooltip={t('比率的分母少于此数时为“样本不足”', 'A rate over fewer cases is too few to rank')}>
          <InputNumber min={1} max={1000} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="note" label={t('修改说明', 'Why it changes')} style={{ minWidth: 420 }}>
          <Input maxLength={500} placeholder={t('例如：县考核办意见，红牌扣分调整', 'e.g. red cards weigh more, as the county decided')} />
        </Form.Item>
      </Space>
      <Tabs activeKey={tab} onChange={setTab} items={kinds.map((kind) => ({ key: kind, label: t(...UNIT_KIND_LABELS[kind]), forceRender: true, children: <SchemeUnitEditor unitKind={kind} /> }))} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="scheme-error" />}
      <Space>
        <Button type="primary" loading={busy} onClick={() => void save()}>
          {t(`保存为第 ${scheme.latestVersion + 1} 版`, `Save as version ${scheme.latestVersion + 1}`)}
        </Button>
        <Button onClick={onCancel}>{t('取消', 'Cancel')}</Button>
      </Space>
    </Form>
  );
}
