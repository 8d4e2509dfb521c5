// The form of a follow-up plan: what it covers (new plans only), the intervals (the last repeats),
// how a visit moves the next one, and the grace days.
import { useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import {
  ASSISTANCE_KINDS,
  ASSISTANCE_KIND_LABELS,
  PERSON_TAG_LABELS,
  RISK_LEVELS,
  SPECIAL_POPULATION_CATEGORIES,
  SPECIAL_POPULATION_CATEGORY_LABELS,
  VISIT_TAGS,
  type AssistanceKind,
  type FollowUpPlan,
  type RiskLevel,
  type SpecialPopulationCategory,
  type VisitPlanSubject,
} from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

interface PlanValues {
  name: string;
  kind: VisitPlanSubject['kind'];
  category?: string;
  riskLevel?: string;
  assistanceKind?: string;
  tag?: string;
  intervals: string;
  shift: 'from_visit' | 'keep_cadence';
  graceDays: number;
  active: boolean;
}

/** "15, 30, 90" → [15, 30, 90]; null when any part is not a whole number of days. */
export function parseIntervals(text: string): number[] | null {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  const days = parts.map(Number);
  return parts.length > 0 && days.every((value) => Number.isInteger(value) && value >= 1 && value <= 3650)
    ? days
    : null;
}

function subjectOf(values: PlanValues): VisitPlanSubject {
  switch (values.kind) {
    case 'special_population':
      return {
        kind: 'special_population',
        category: values.category as SpecialPopulationCategory,
        riskLevel: (values.riskLevel ?? null) as RiskLevel | null,
      };
    case 'assistance':
      return { kind: 'assistance', assistanceKind: values.assistanceKind as AssistanceKind };
    case 'tag':
      return { kind: 'tag', tag: values.tag as (typeof VISIT_TAGS)[number] };
  }
}

export function VisitPlanForm({
  plan,
  onClose,
  onSaved,
}: {
  plan: FollowUpPlan | null;
  onClose: () => void;
  onSaved: (plan: FollowUpPlan) => void;
}) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? plan?.subject.kind ?? 'special_population';
  const initial: Partial<PlanValues> = plan
    ? {
        name: plan.name,
        kind: plan.subject.kind,
        intervals: plan.intervalsDays.join(', '),
        shift: plan.shift,
        graceDays: plan.graceDays,
        active: plan.active,
      }
    : { kind: 'special_population', shift: 'from_visit', graceDays: 0, active: true, intervals: '30' };

  async function save(values: PlanValues) {
    const intervalsDays = parseIntervals(values.intervals);
    if (!intervalsDays) return;
    setSaving(true);
    try {
      const saved = plan
        ? await api.patch<FollowUpPlan>(`/api/follow-up-plans/${plan.id}`, {
            version: plan.version,
            name: values.name.trim(),
            intervalsDays,
            shift: values.shift,
            graceDays: values.graceDays,
            active: values.active,
          })
        : await api.post<FollowUpPlan>('/api/follow-up-plans', {
            name: values.name.trim(),
            subject: subjectOf(values),
            intervalsDays,
            shift: values.shift,
            graceDays: values.graceDays,
          });
      message.success(
        t(`已保存，${saved.schedules} 人的走访任务已重排`, `Saved; ${saved.schedules} schedules recomputed`),
      );
      onSaved(saved);
    } catch (caught) {
      message.error(failureText(caught, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={plan ? t('修改走访计划', 'Edit follow-up plan') : t('新建走访计划', 'New follow-up plan')}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<PlanValues>
        form={form}
        name="visit-plan"
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="name"
          label={t('名称', 'Name')}
          rules={[{ required: true, whitespace: true, message: t('请填写名称', 'Enter a name') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {!plan && (
          <Space wrap align="start">
            <Form.Item name="kind" label={t('对象', 'Subject')}>
              <Select
                style={{ width: 140 }}
                options={[
                  { value: 'special_population', label: t('特殊人群', 'Special population') },
                  { value: 'assistance', label: t('帮扶对象', 'Assistance') },
                  { value: 'tag', label: t('人员标签', 'Tag') },
                ]}
              />
            </Form.Item>
            {kind === 'special_population' && (
              <>
                <Form.Item
                  name="category"
                  label={t('类别', 'Category')}
                  rules={[{ required: true, message: t('请选择类别', 'Choose a category') }]}
                >
                  <Select
                    style={{ width: 180 }}
                    options={SPECIAL_POPULATION_CATEGORIES.map((value) => ({
                      value,
                      label: SPECIAL_POPULATION_CATEGORY_LABELS[value][locale],
                    }))}
                  />
                </Form.Item>
                <Form.Item name="riskLevel" label={t('风险等级', 'Risk level')}>
                  <Select
                    allowClear
                    placeholder={t('各等级', 'Every level')}
                    style={{ width: 120 }}
                    options={RISK_LEVELS.map((value) => ({
                      value,
                      label: { high: t('高', 'High'), medium: t('中', 'Medium'), low: t('低', 'Low') }[value],
                    }))}
                  />
                </Form.Item>
              </>
            )}
            {kind === 'assistance' && (
              <Form.Item
                name="assistanceKind"
                label={t('帮扶类型', 'Kind')}
                rules={[{ required: true, message: t('请选择帮扶类型', 'Choose a kind') }]}
              >
                <Select
                  style={{ width: 180 }}
                  options={ASSISTANCE_KINDS.map((value) => ({
                    value,
                    label: ASSISTANCE_KIND_LABELS[value][locale],
                  }))}
                />
              </Form.Item>
            )}
            {kind === 'tag' && (
              <Form.Item
                name="tag"
                label={t('标签', 'Tag')}
                rules={[{ required: true, message: t('请选择标签', 'Choose a tag') }]}
              >
                <Select
                  style={{ width: 180 }}
                  options={VISIT_TAGS.map((value) => ({ value, label: PERSON_TAG_LABELS[value][locale] }))}
                />
              </Form.Item>
            )}
          </Space>
        )}
        <Form.Item
          name="intervals"
          label={t(
            '走访间隔（天，逗号分隔，最后一个循环）',
            'Intervals in days, comma-separated; the last repeats',
          )}
          rules={[
            {
              validator: (_, value: string) =>
                parseIntervals(value ?? '')
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        t(
                          '请填写 1–3650 的整数天数，如 15, 30, 90',
                          'Whole days from 1 to 3650, e.g. 15, 30, 90',
                        ),
                      ),
                    ),
            },
          ]}
        >
          <Input placeholder="15, 30, 90" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="shift" label={t('提前或逾期走访后', 'After an early or late visit')}>
            <Select
              style={{ width: 220 }}
              options={[
                { value: 'from_visit', label: t('从本次走访日起算', 'Count from the visit') },
                { value: 'keep_cadence', label: t('保持原周期', 'Keep the cadence') },
              ]}
            />
          </Form.Item>
          <Form.Item name="graceDays" label={t('宽限天数', 'Grace days')}>
            <InputNumber min={0} max={365} precision={0} />
          </Form.Item>
          {plan && (
            <Form.Item name="active" label={t('启用', 'Active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  );
}
