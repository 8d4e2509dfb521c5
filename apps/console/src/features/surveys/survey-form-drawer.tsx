// 新建/修改调查 (county only, a draft only): title, year and half-year, the period, the sample per
// village and the seed of the draw, the villages (all of the county unless some are picked) and the
// questionnaire. The server's refusal names its field; it is shown on that field when it has one.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  SURVEY_HALVES,
  SURVEY_SAMPLE_MAX,
  SURVEY_TITLE_MAX,
  questionnaireProblem,
  shanghaiDate,
  type Survey,
  type SurveyHalf,
} from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { fieldLabel, formNameOf, problemText, readableMessage } from './survey-form-fields.js';
import { SURVEY_HALF_LABELS } from './survey-labels.js';
import { SurveyQuestionsEditor, starterQuestions, withQuestionIds, type QuestionFields } from './survey-questions-editor.js';
import { useVillageTree } from './use-village-tree.js';

interface Fields {
  title: string;
  year: number;
  half: SurveyHalf;
  period: [Dayjs, Dayjs];
  samplePerVillage: number;
  seed?: string;
  villageIds?: string[];
  questions: QuestionFields[];
}

export function SurveyFormDrawer({ open, survey, onClose, onSaved }: { open: boolean; survey: Survey | null; onClose: () => void; onSaved: (saved: Survey) => void }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const half = Form.useWatch('half', form) ?? survey?.half ?? 'H1';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const tree = useVillageTree(open);
  const clientKey = useMemo(() => (open ? crypto.randomUUID() : ''), [open]);

  useEffect(() => {
    if (!open) return;
    setError('');
    if (survey) {
      form.setFieldsValue({
        title: survey.title,
        year: survey.year,
        half: survey.half,
        period: [dayjs(survey.startsOn), dayjs(survey.endsOn)],
        samplePerVillage: survey.samplePerVillage,
        seed: survey.seed,
        villageIds: survey.villages.map((village) => village.id),
        questions: survey.questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text, options: q.options?.map((o) => ({ ...o })) ?? [] })),
      });
    } else {
      const today = shanghaiDate(Date.now());
      const year = Number(today.slice(0, 4));
      const second = today.slice(5, 7) > '06';
      form.resetFields();
      form.setFieldsValue({
        year,
        half: second ? 'H2' : 'H1',
        title: second ? t(`${year} 年下半年群众知晓率、满意率调查`, `${year} H2 awareness and satisfaction survey`) : t(`${year} 年上半年群众知晓率调查`, `${year} H1 awareness survey`),
        period: [dayjs(today), dayjs(second ? `${year}-12-31` : `${year}-06-30`)],
        samplePerVillage: 30,
        questions: starterQuestions(second ? 'H2' : 'H1', locale === 'zh-CN'),
      });
    }
  }, [open, survey, form, t, locale]);

  /** Each refusal on its own item (question 3's options, the period…), and the first one in view. */
  function showOnFields(refusals: readonly { field: string; text: string }[]) {
    const named = refusals.flatMap(({ field, text }) => {
      const name = formNameOf(field);
      return name ? [{ name, errors: [text] }] : [];
    });
    if (named.length === 0) return;
    // The paths are built from the server's field names, so the form's typed names cannot be known here.
    form.setFields(named as Parameters<typeof form.setFields>[0]);
    // A question's options have no input of their own to scroll to: bring its card into view.
    const [top, index] = named[0]!.name;
    const card = top === 'questions' && typeof index === 'number' ? document.querySelectorAll('.ant-drawer-open .survey-question')[index] : undefined;
    if (card) card.scrollIntoView({ block: 'center' });
    else form.scrollToField(named[0]!.name, { block: 'center' });
  }

  async function save(fields: Fields) {
    const questions = withQuestionIds(fields.questions ?? []).map((q) => ({
      id: q.id,
      kind: q.kind,
      text: q.text.trim(),
      ...(q.kind === 'free' ? {} : { options: (q.options ?? []).map((o) => ({ label: o.label.trim(), positive: Boolean(o.positive) })) }),
    }));
    const problem = questionnaireProblem(fields.half, questions);
    if (problem) {
      const text = problemText(problem, t);
      showOnFields([{ field: problem.field, text }]);
      setError(t(`${fieldLabel(problem.field, t)}：${text}`, `${fieldLabel(problem.field, t)}: ${text}`));
      return;
    }
    const villageIds = (fields.villageIds ?? []).filter((id) => !id.startsWith('township:'));
    const body = {
      title: fields.title.trim(),
      year: fields.year,
      half: fields.half,
      startsOn: fields.period[0].format('YYYY-MM-DD'),
      endsOn: fields.period[1].format('YYYY-MM-DD'),
      samplePerVillage: fields.samplePerVillage,
      ...(fields.seed?.trim() ? { seed: fields.seed.trim() } : {}),
      questions,
      ...(villageIds.length > 0 ? { villageIds } : {}),
    };
    setBusy(true);
    setError('');
    try {
      const saved = survey
        ? await api.patch<Survey>(`/api/surveys/${survey.id}`, { version: survey.version, ...body })
        : await api.post<Survey>('/api/surveys', { clientKey, ...body });
      message.success(t('已保存', 'Saved'));
      onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError) {
        const named = Object.entries(caught.fieldErrors()).map(([field, text]) => ({ field, text: readableMessage(text, field, t) }));
        showOnFields(named);
        setError(named.reduce((text, { field }) => readableMessage(text, field, t), failureText(caught, t)));
      } else setError(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      open={open}
      size={860}
      title={survey ? t('修改调查', 'Edit the survey') : t('新建调查', 'New survey')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('保存', 'Save')}
          </Button>
        </Space>
      }
    >
      <Form<Fields> form={form} layout="vertical" name="survey-form" onFinish={(fields) => void save(fields)}>
        <Form.Item name="title" label={t('调查名称', 'Title')} rules={[{ required: true, whitespace: true, message: t('请填写名称', 'Enter the title') }]}>
          <Input maxLength={SURVEY_TITLE_MAX} />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="year" label={t('年度', 'Year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="half" label={t('半年', 'Half-year')} rules={[{ required: true }]}>
            <Select style={{ width: 240 }} options={SURVEY_HALVES.map((value) => ({ value, label: SURVEY_HALF_LABELS[value][locale] }))} />
          </Form.Item>
          <Form.Item name="period" label={t('调查时间', 'Period')} rules={[{ required: true, message: t('请选择起止日期', 'Pick the dates') }]}>
            <DatePicker.RangePicker allowClear={false} />
          </Form.Item>
        </Space>
        <Space wrap size="large" align="start">
          <Form.Item name="samplePerVillage" label={t('每村抽样人数', 'Sample per village')} rules={[{ required: true, message: t('请填写抽样人数', 'Enter the sample size') }]}>
            <InputNumber min={1} max={SURVEY_SAMPLE_MAX} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="seed" label={t('随机种子（可选）', 'Seed (optional)')} extra={t('同一种子、同一人口底数抽出同一批人；不填则自动生成', 'The same seed and registry draw the same people; made up when empty')}>
            <Input maxLength={64} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item name="villageIds" label={t('调查村（社区）', 'Villages')} extra={t('不选为全县所有村（社区）', 'None picked: every village of the county')}>
          <TreeSelect
            treeData={tree}
            treeCheckable
            showCheckedStrategy={TreeSelect.SHOW_CHILD}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('全县所有村（社区）', 'Every village of the county')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <SurveyQuestionsEditor half={half} />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="survey-form-error" />}
      </Form>
    </Drawer>
  );
}
