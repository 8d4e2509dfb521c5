// 录入电话访问: the interviewer reads the questions to a sampled person over the phone and ticks
// their answers; it goes up once (client key made when the form opens, so a retry after a lost
// answer lands once). The same person answering twice is the server's 409, shown as it says.
import { useMemo, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Space, Tag } from 'antd';
import type { SurveyAnswer, SurveyQuestionBody, SurveySamplePerson } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { SURVEY_KIND_LABELS } from './survey-labels.js';

interface InterviewProps {
  readonly surveyId: string;
  readonly villageId: string;
  readonly person: SurveySamplePerson;
  readonly questions: readonly SurveyQuestionBody[];
  onClose(): void;
  onSaved(answer: SurveyAnswer): void;
}

export function SurveyInterviewModal({ surveyId, villageId, person, questions, onClose, onSaved }: InterviewProps) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, number | string | undefined>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const clientKey = useMemo(() => crypto.randomUUID(), []);

  async function save(values: Record<string, number | string | undefined>) {
    const answers = Object.fromEntries(
      Object.entries(values).filter(([, value]) => value !== undefined && !(typeof value === 'string' && value.trim() === '')).map(([id, value]) => [id, typeof value === 'string' ? value.trim() : value]),
    );
    setBusy(true);
    setError('');
    try {
      const answer = await api.post<SurveyAnswer>(`/api/surveys/${surveyId}/answers`, { clientKey, villageId, channel: 'phone', personId: person.personId, answers });
      message.success(t('已录入', 'Recorded'));
      onSaved(answer);
    } catch (caught) {
      setError(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={720}
      title={t(`电话访问 · ${person.name}`, `Phone interview · ${person.name}`)}
      okText={t('提交', 'Submit')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>
        {t('电话：', 'Phone: ')}
        {person.phoneMasked ?? t('无', 'none')}
        {person.address ? ` · ${person.address}` : ''}
      </p>
      <Form form={form} layout="vertical" name="survey-interview" onFinish={(values) => void save(values)}>
        {questions.map((question, index) => (
          <Form.Item
            key={question.id}
            name={question.id}
            label={
              <Space>
                <span>
                  {index + 1}. {question.text}
                </span>
                <Tag>{SURVEY_KIND_LABELS[question.kind][locale]}</Tag>
              </Space>
            }
            rules={question.kind === 'free' ? [] : [{ required: true, message: t('请选择回答', 'Pick an answer') }]}
          >
            {question.kind === 'free' ? (
              <Input.TextArea rows={2} maxLength={1000} />
            ) : (
              <Radio.Group options={(question.options ?? []).map((option, value) => ({ value, label: option.label }))} />
            )}
          </Form.Item>
        ))}
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="interview-error" />}
    </Modal>
  );
}
