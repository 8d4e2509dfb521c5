// The questionnaire answered with a sampled person at the door (入户调查): every awareness and
// satisfaction question needs a choice, free questions are optional. 提交 puts the answer in the
// outbox (client key = item key), so it is kept with no signal and lands once.
import { useRef, useState } from 'react';
import { Button, DotLoading, ErrorBlock, List, Radio, Space, TextArea, Toast } from 'antd-mobile';
import { SURVEY_FREE_ANSWER_MAX, type SurveyOpenList, type SurveyAnswerValue, type SurveySample } from '@gridwork/core';
import { t } from '../../app/i18n.js';
import { OfflineNote } from '../../app/offline-note.js';
import { goBack } from '../../app/router.js';
import { useCachedQuery } from '../../lib/cached-read.js';
import { answersToSend, unansweredQuestions } from '../../lib/survey-answers.js';
import { flushOutbox } from '../outbox/outbox.sender.js';
import { freshOutboxFields, putOutboxItem } from '../outbox/outbox.store.js';
import type { SurveyAnswerItem } from '../outbox/outbox.types.js';
import './surveys.css';

interface AnswerPageProps {
  readonly surveyId: string;
  readonly villageId: string;
  readonly personId: string;
}

export function SurveyAnswerPage({ surveyId, villageId, personId }: AnswerPageProps) {
  const open = useCachedQuery<SurveyOpenList>('/api/surveys/open');
  const survey = { ...open, data: open.data?.items.find((candidate) => candidate.id === surveyId) };
  const sample = useCachedQuery<SurveySample>(`/api/surveys/${surveyId}/sample`, { villageId });
  const [answers, setAnswers] = useState<Record<string, SurveyAnswerValue>>({});
  const [missing, setMissing] = useState<readonly string[]>([]);
  const [saving, setSaving] = useState(false);
  // One answer per tap sequence: a second tap before the page leaves would put a second item (with
  // another client key) in the outbox, refused by the server as a repeat and left for the worker.
  const saved = useRef(false);

  if (open.data && !survey.data) return <ErrorBlock status="empty" title={t('这项调查已结束', 'This survey has ended')} />;
  if (!survey.data)
    return survey.error ? <ErrorBlock status="disconnected" title={t('手机上没有这份问卷', 'This questionnaire is not kept on this phone')} /> : <DotLoading />;
  const questions = survey.data.questions;
  const person = sample.data?.people.find((candidate) => candidate.personId === personId);
  const title = survey.data.title;

  async function submit() {
    if (saved.current) return;
    const unanswered = unansweredQuestions(questions, answers);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      const numbers = questions.flatMap((q, index) => (unanswered.includes(q.id) ? [index + 1] : []));
      Toast.show({ content: t(`还有 ${unanswered.length} 题没有选择（第 ${numbers.join('、')} 题）`, `${unanswered.length} question(s) still to answer (${numbers.join(', ')})`) });
      document.getElementById(`survey-q-${unanswered[0]}`)?.scrollIntoView({ block: 'center' });
      return;
    }
    saved.current = true;
    setSaving(true);
    const name = person?.name ?? '';
    const item: SurveyAnswerItem = {
      kind: 'survey_answer',
      ...freshOutboxFields(t(`入户调查：${name}（${title}）`, `Survey: ${name} (${title})`)),
      surveyId,
      personName: name,
      body: {
        villageId,
        channel: 'field',
        personId,
        answers: answersToSend(answers),
      },
    };
    await putOutboxItem(item);
    void flushOutbox();
    Toast.show({ icon: 'success', content: t('已保存，有信号时自动上传', 'Saved: sent when there is a signal') });
    goBack(`/surveys/${surveyId}`);
  }

  return (
    <div className="page">
      <OfflineNote since={survey.offlineSince} />
      <List header={title}>
        <List.Item description={[person?.address, person?.phoneMasked].filter(Boolean).join(' · ') || undefined}>
          <strong data-testid="survey-respondent">{person?.name ?? t('抽样对象', 'Sampled person')}</strong>
        </List.Item>
      </List>
      {questions.map((question, index) => (
        <List key={question.id} className="survey-question">
          <List.Item>
            <p className="survey-question-text" id={`survey-q-${question.id}`} style={missing.includes(question.id) ? { color: '#ff3141' } : undefined}>
              {index + 1}. {question.text}
            </p>
            {missing.includes(question.id) && (
              <p className="survey-question-missing" role="alert">
                {t('请选择一项', 'Please pick one')}
              </p>
            )}
            {question.kind === 'free' ? (
              <TextArea
                aria-label={question.text}
                placeholder={t('选填', 'Optional')}
                maxLength={SURVEY_FREE_ANSWER_MAX}
                autoSize={{ minRows: 2, maxRows: 5 }}
                value={typeof answers[question.id] === 'string' ? (answers[question.id] as string) : ''}
                onChange={(value) => setAnswers((before) => ({ ...before, [question.id]: value }))}
              />
            ) : (
              <Radio.Group
                value={typeof answers[question.id] === 'number' ? (answers[question.id] as number) : null}
                onChange={(value) => {
                  setAnswers((before) => ({ ...before, [question.id]: Number(value) }));
                  setMissing((before) => before.filter((id) => id !== question.id));
                }}
              >
                <Space direction="vertical" className="survey-options">
                  {(question.options ?? []).map((option, value) => (
                    <Radio key={value} value={value}>
                      {option.label}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            )}
          </List.Item>
        </List>
      ))}
      <div className="survey-submit">
        <Button block color="primary" size="large" loading={saving} onClick={() => void submit()}>
          {t('提交', 'Submit')}
        </Button>
      </div>
    </div>
  );
}
