// One unit kind of the scheme in the editor: the weighted items (their total shown as it changes;
// the server refuses a total other than 100 and its message lands under the items), the
// deduction rules and the cap.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DEDUCTION_OPS, INDICATORS, indicatorsFor, newId, type AssessedUnitKind, type IndicatorCode } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';
import type { UnitFields } from './scheme-form.js';

export function SchemeUnitEditor({ unitKind }: { unitKind: AssessedUnitKind }) {
  const { locale, t } = useLocale();
  const form = Form.useFormInstance();
  const items = (Form.useWatch(['units', unitKind, 'items'], form) as UnitFields['items'] | undefined) ?? [];
  const total = Math.round(items.reduce((sum, item) => sum + (Number(item?.weight) || 0), 0) * 100) / 100;
  const codes = indicatorsFor(unitKind);
  const option = (code: IndicatorCode) => ({ value: code, label: INDICATORS[code].name[locale] });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <div>
        <Typography.Title level={5}>{t('考核项（权重合计 100 分）', 'Items (weights add up to 100)')}</Typography.Title>
        <Form.List name={['units', unitKind, 'items']}>
          {(fields, { add, remove }, { errors }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'indicator']} rules={[{ required: true, message: t('请选择指标', 'Pick an indicator') }]} style={{ marginBottom: 0 }}>
                    <Select aria-label={t('考核指标', 'Indicator')} style={{ width: 200 }} options={codes.filter((code) => INDICATORS[code].kind === 'rate').map(option)} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'weight']} rules={[{ required: true, message: t('请填写权重', 'Enter a weight') }]} style={{ marginBottom: 0 }}>
                    <InputNumber aria-label={t('权重', 'Weight')} min={0.01} max={100} step={1} addonAfter={t('分', 'pts')} style={{ width: 140 }} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('删除考核项', 'Remove the item')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ indicator: undefined, weight: 5 })}>
                  {t('添加考核项', 'Add an item')}
                </Button>
                <Typography.Text type={total === 100 ? 'success' : 'danger'} data-testid={`weights-total-${unitKind}`}>
                  {t(`权重合计 ${total} / 100`, `Weights total ${total} / 100`)}
                </Typography.Text>
              </Space>
              <Form.Item style={{ marginBottom: 0 }}>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            </Space>
          )}
        </Form.List>
      </div>
      <div>
        <Typography.Title level={5}>{t('扣分规则', 'Deduction rules')}</Typography.Title>
        <Form.List name={['units', unitKind, 'deductions']}>
          {(fields, { add, remove }, { errors }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ borderBottom: '1px dashed #f0f0f0', paddingBottom: 8 }}>
                  <Form.Item name={[field.name, 'label']} rules={[{ required: true, message: t('请填写规则名称', 'Name the rule') }]} style={{ marginBottom: 0 }}>
                    <Input aria-label={t('规则名称', 'Rule name')} style={{ width: 220 }} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'indicator']} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                    <Select aria-label={t('依据指标', 'Indicator')} style={{ width: 160 }} options={codes.map(option)} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'measure']} style={{ marginBottom: 0 }}>
                    <Select
                      aria-label={t('取值', 'Measure')}
                      style={{ width: 120 }}
                      options={[
                        { value: 'value', label: t('指标值', 'Value') },
                        { value: 'shortfall', label: t('缺少件数', 'Cases missed') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'op']} style={{ marginBottom: 0 }}>
                    <Select aria-label={t('条件', 'Condition')} placeholder={t('无条件', 'Always')} allowClear style={{ width: 100 }} options={DEDUCTION_OPS.map((op) => ({ value: op, label: op }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'threshold']} style={{ marginBottom: 0 }}>
                    <InputNumber aria-label={t('阈值', 'Threshold')} placeholder={t('阈值', 'Threshold')} min={0} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'per']} style={{ marginBottom: 0 }}>
                    <InputNumber aria-label={t('每', 'Per')} addonBefore={t('每', 'per')} min={0.01} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'points']} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                    <InputNumber aria-label={t('扣分', 'Points off')} addonBefore={t('扣', 'off')} addonAfter={t('分', 'pts')} min={0.01} max={100} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'basis']} style={{ marginBottom: 0 }}>
                    <Select
                      aria-label={t('判断周期', 'Judged')}
                      style={{ width: 130 }}
                      options={[
                        { value: 'period', label: t('按考核期', 'Per period') },
                        { value: 'month', label: t('年度逐月', 'Month by month') },
                      ]}
                    />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('删除扣分规则', 'Remove the rule')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ id: `rule-${newId().slice(-8)}`, label: '', indicator: codes.find((code) => INDICATORS[code].kind === 'count'), measure: 'value', op: null, threshold: null, per: 1, points: 1, basis: 'period' })}>
                {t('添加扣分规则', 'Add a rule')}
              </Button>
              <Form.Item style={{ marginBottom: 0 }}>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            </Space>
          )}
        </Form.List>
      </div>
      <Form.Item name={['units', unitKind, 'cap']} label={t('扣分上限', 'Most points off')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} addonAfter={t('分', 'pts')} style={{ width: 160 }} />
      </Form.Item>
    </Space>
  );
}
