// The questionnaire editor: each question has a kind (知晓 / 满意 / 开放题), its text and, for the
// first two, the options with a tick on those that count as aware or satisfied. A first-half survey
// asks awareness only (the plan), so the 满意 kind is offered in the second half only.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import {
  SURVEY_OPTION_LABEL_MAX,
  SURVEY_OPTIONS_MAX,
  SURVEY_QUESTION_KINDS,
  SURVEY_QUESTION_TEXT_MAX,
  SURVEY_QUESTIONS_MAX,
  type SurveyHalf,
  type SurveyQuestionKind,
} from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';
import { SURVEY_KIND_LABELS } from './survey-labels.js';

export interface QuestionFields {
  id?: string;
  kind: SurveyQuestionKind;
  text: string;
  options?: { label: string; positive: boolean }[];
}

/** A questionnaire to start from: the plan's awareness questions, and satisfaction in the second half. */
export function starterQuestions(half: SurveyHalf, zh: boolean): QuestionFields[] {
  const pick = (cn: string, en: string) => (zh ? cn : en);
  const yesNo = [
    { label: pick('知道', 'Yes'), positive: true },
    { label: pick('不知道', 'No'), positive: false },
  ];
  const questions: QuestionFields[] = [
    { kind: 'awareness', text: pick('您知道本村（社区）的网格员是谁吗？', 'Do you know who the grid worker of your village is?'), options: yesNo },
    { kind: 'awareness', text: pick('您知道遇到矛盾纠纷、安全隐患可以找网格员反映吗？', 'Do you know you can tell the grid worker about disputes and hazards?'), options: yesNo },
  ];
  if (half === 'H2')
    questions.push({
      kind: 'satisfaction',
      text: pick('您对网格员的服务满意吗？', 'Are you satisfied with the grid worker’s service?'),
      options: [
        { label: pick('满意', 'Satisfied'), positive: true },
        { label: pick('基本满意', 'Mostly satisfied'), positive: true },
        { label: pick('不满意', 'Not satisfied'), positive: false },
      ],
    });
  questions.push({ kind: 'free', text: pick('您对网格化服务还有什么意见和建议？', 'Anything else you would like to tell us?') });
  return questions;
}

/** Gives every question an id: kept when it has one, else the next free q<n>. */
export function withQuestionIds(questions: readonly QuestionFields[]): (QuestionFields & { id: string })[] {
  const used = new Set(questions.flatMap((q) => (q.id ? [q.id] : [])));
  let next = 1;
  return questions.map((question) => {
    if (question.id) return { ...question, id: question.id };
    while (used.has(`q${next}`)) next += 1;
    used.add(`q${next}`);
    return { ...question, id: `q${next}` };
  });
}

export function SurveyQuestionsEditor({ half }: { half: SurveyHalf }) {
  const { locale, t } = useLocale();
  const kinds = SURVEY_QUESTION_KINDS.filter((kind) => half === 'H2' || kind !== 'satisfaction');
  return (
    <Form.List
      name="questions"
      rules={[
        {
          validator: async (_rule, questions: QuestionFields[] | undefined) => {
            if (!questions?.some((q) => q?.kind !== 'free')) throw new Error(t('至少要有一道知晓或满意题', 'Add at least one awareness or satisfaction question'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              className="survey-question"
              title={t(`第 ${index + 1} 题`, `Question ${index + 1}`)}
              extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t(`删除第 ${index + 1} 题`, `Remove question ${index + 1}`)} onClick={() => remove(field.name)} />}
            >
              <Space align="start" wrap style={{ width: '100%' }}>
                <Form.Item name={[field.name, 'kind']} label={t('类型', 'Kind')} rules={[{ required: true }]}>
                  <Select
                    aria-label={t(`第 ${index + 1} 题类型`, `Kind of question ${index + 1}`)}
                    style={{ width: 120 }}
                    options={kinds.map((value) => ({ value, label: SURVEY_KIND_LABELS[value][locale] }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'text']}
                  label={t('题目', 'Question')}
                  style={{ minWidth: 420, flex: 1 }}
                  rules={[{ required: true, whitespace: true, message: t('请填写题目', 'Enter the question') }]}
                >
                  <Input aria-label={t(`第 ${index + 1} 题题目`, `Text of question ${index + 1}`)} maxLength={SURVEY_QUESTION_TEXT_MAX} style={{ width: 480 }} />
                </Form.Item>
              </Space>
              <Form.Item noStyle shouldUpdate={(before, after) => before.questions?.[index]?.kind !== after.questions?.[index]?.kind}>
                {({ getFieldValue }) =>
                  getFieldValue(['questions', field.name, 'kind']) === 'free' ? (
                    <Typography.Text type="secondary">{t('开放题：受访者自由填写，不计入知晓率、满意率', 'Free text: not counted in the rates')}</Typography.Text>
                  ) : (
                    <QuestionOptions questionName={field.name} number={index + 1} />
                  )
                }
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            icon={<PlusOutlined />}
            disabled={fields.length >= SURVEY_QUESTIONS_MAX}
            onClick={() =>
              add({
                kind: 'awareness',
                text: '',
                options: [
                  { label: t('知道', 'Yes'), positive: true },
                  { label: t('不知道', 'No'), positive: false },
                ],
              })
            }
          >
            {t('添加题目', 'Add a question')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

function QuestionOptions({ questionName, number }: { questionName: number; number: number }) {
  const { t } = useLocale();
  return (
    <Form.List
      name={[questionName, 'options']}
      rules={[
        {
          validator: async (_rule, options: { label: string; positive: boolean }[] | undefined) => {
            if (!options || options.length < 2) throw new Error(t('至少两个选项', 'At least two options'));
            if (!options.some((o) => o?.positive)) throw new Error(t('至少一个选项计为知晓/满意', 'Tick at least one option that counts'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div>
          {fields.map((field, index) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: t('请填写选项', 'Enter the option') }]} style={{ marginBottom: 8 }}>
                <Input aria-label={t(`第 ${number} 题选项 ${index + 1}`, `Question ${number} option ${index + 1}`)} maxLength={SURVEY_OPTION_LABEL_MAX} style={{ width: 260 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'positive']} valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('计为知晓/满意', 'Counts as positive')}</Checkbox>
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} aria-label={t(`删除选项 ${index + 1}`, `Remove option ${index + 1}`)} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button size="small" type="dashed" icon={<PlusOutlined />} disabled={fields.length >= SURVEY_OPTIONS_MAX} onClick={() => add({ label: '', positive: false })}>
            {t('添加选项', 'Add an option')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
