// The people drawn in one village (抽样名单), in draw order, with whether and how each answered;
// the interviewer enters a phone interview for someone who has not answered yet.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Drawer, Table, Tag } from 'antd';
import type { Survey, SurveySample, SurveySamplePerson } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { SurveyInterviewModal } from './survey-interview-modal.js';
import { SURVEY_CHANNEL_LABELS } from './survey-labels.js';

interface SampleDrawerProps {
  readonly survey: Survey;
  readonly villageId: string | null;
  readonly mayAnswer: boolean;
  onClose(): void;
  onAnswered(): void;
}

export function SurveySampleDrawer({ survey, villageId, mayAnswer, onClose, onAnswered }: SampleDrawerProps) {
  const { locale, t } = useLocale();
  const [sample, setSample] = useState<SurveySample | null>(null);
  const [error, setError] = useState('');
  const [interviewing, setInterviewing] = useState<SurveySamplePerson | null>(null);

  const load = useCallback(() => {
    if (!villageId) return;
    setError('');
    api.get<SurveySample>(`/api/surveys/${survey.id}/sample`, { villageId }).then(setSample, (caught: unknown) => setError(failureText(caught, t)));
  }, [survey.id, villageId, t]);
  useEffect(() => {
    setSample(null);
    load();
  }, [load]);

  const village = survey.villages.find((row) => row.id === villageId);
  return (
    <Drawer open={villageId !== null} size={720} title={t(`抽样名单 · ${village?.name ?? ''}`, `Sampled people · ${village?.name ?? ''}`)} onClose={onClose}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {sample?.status === 'open' && !mayAnswer && <Alert type="info" showIcon title={t('只能查看，不能录入', 'Read only')} style={{ marginBottom: 16 }} />}
      <Table<SurveySamplePerson>
        rowKey="personId"
        size="small"
        loading={sample === null && !error}
        dataSource={sample?.people ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('序号', 'No.'), dataIndex: 'ordinal', width: 64 },
          { title: t('姓名', 'Name'), dataIndex: 'name', width: 100 },
          { title: t('电话', 'Phone'), dataIndex: 'phoneMasked', width: 130, render: (phone: string | null) => phone ?? '—' },
          { title: t('住址', 'Address'), dataIndex: 'address', ellipsis: true, render: (address: string | null) => address ?? '—' },
          {
            title: t('访问', 'Interview'),
            key: 'answered',
            width: 130,
            render: (_: unknown, person) =>
              person.answered ? (
                <Tag color="green">{person.answeredChannel ? SURVEY_CHANNEL_LABELS[person.answeredChannel][locale] : t('已答', 'Answered')}</Tag>
              ) : sample?.status === 'open' && mayAnswer ? (
                <Button size="small" type="primary" onClick={() => setInterviewing(person)}>
                  {t('录入访问', 'Enter answers')}
                </Button>
              ) : (
                <Tag>{t('未答', 'Not yet')}</Tag>
              ),
          },
        ]}
      />
      {interviewing && villageId && (
        <SurveyInterviewModal
          surveyId={survey.id}
          villageId={villageId}
          person={interviewing}
          questions={survey.questions}
          onClose={() => setInterviewing(null)}
          onSaved={() => {
            setInterviewing(null);
            load();
            onAnswered();
          }}
        />
      )}
    </Drawer>
  );
}
