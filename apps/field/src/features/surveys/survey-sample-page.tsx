// The people drawn in my village for a survey (抽样名单), in draw order: who has answered, whose
// answer waits in the outbox, and a tap opens the questionnaire for someone not yet asked.
import { useState } from 'react';
import { DotLoading, ErrorBlock, List, Selector, Tag } from 'antd-mobile';
import type { SurveyOpenList, SurveySample } from '@gridwork/core';
import { t } from '../../app/i18n.js';
import { OfflineNote } from '../../app/offline-note.js';
import { navigate } from '../../app/router.js';
import { useCachedQuery } from '../../lib/cached-read.js';
import type { SurveyAnswerItem } from '../outbox/outbox.types.js';
import { OUTBOX_STATE_LABELS } from '../outbox/outbox.types.js';
import { useOutbox } from '../outbox/use-outbox.js';

export function SurveySamplePage({ surveyId }: { surveyId: string }) {
  const open = useCachedQuery<SurveyOpenList>('/api/surveys/open');
  const survey = { ...open, data: open.data?.items.find((candidate) => candidate.id === surveyId) };
  const [chosen, setChosen] = useState<string | null>(null);
  const villageId = chosen ?? survey.data?.villages[0]?.id ?? null;
  const sample = useCachedQuery<SurveySample>(villageId ? `/api/surveys/${surveyId}/sample` : null, villageId ? { villageId } : undefined);
  const { items } = useOutbox();

  if (open.data && !survey.data) return <ErrorBlock status="empty" title={t('这项调查已结束', 'This survey has ended')} />;
  if (!survey.data)
    return survey.error ? <ErrorBlock status="disconnected" title={t('手机上没有这项调查', 'This survey is not kept on this phone')} description={t('请在有信号时打开一次', 'Open it once with a signal')} /> : <DotLoading />;
  const villages = survey.data.villages;
  const waiting = new Map(
    items.filter((item): item is SurveyAnswerItem => item.kind === 'survey_answer' && item.surveyId === surveyId).map((item) => [item.body.personId ?? '', item]),
  );
  const people = sample.data?.people ?? [];
  const answered = people.filter((person) => person.answered).length;
  // Answers kept on this phone that the server has not counted yet (waiting, sending, needs attention).
  const pending = people.filter((person) => !person.answered && waiting.has(person.personId) && waiting.get(person.personId)?.state !== 'sent').length;
  return (
    <div className="page">
      <OfflineNote since={survey.offlineSince ?? sample.offlineSince} />
      <List header={survey.data.title}>
        <List.Item extra={`${survey.data.startsOn} – ${survey.data.endsOn}`}>{t('调查时间', 'Period')}</List.Item>
      </List>
      {villages.length > 1 && (
        <div style={{ padding: '8px 12px' }}>
          <Selector columns={2} value={villageId ? [villageId] : []} onChange={(value) => value[0] && setChosen(value[0])} options={villages.map((village) => ({ value: village.id, label: village.name }))} />
        </div>
      )}
      {sample.data ? (
        <List
          header={
            pending > 0
              ? t(`${sample.data.villageName} 抽样名单（已答 ${answered}/${people.length}，待上传 ${pending}）`, `${sample.data.villageName}: ${answered} of ${people.length} answered, ${pending} to upload`)
              : t(`${sample.data.villageName} 抽样名单（已答 ${answered}/${people.length}）`, `${sample.data.villageName}: ${answered} of ${people.length} answered`)
          }
        >
          {people.map((person) => {
            const mine = waiting.get(person.personId);
            const askable = sample.data?.status === 'open' && !person.answered && !mine;
            return (
              <List.Item
                key={person.personId}
                data-testid="survey-person"
                arrowIcon={askable}
                onClick={askable ? () => navigate(`/surveys/${surveyId}/${sample.data?.villageId ?? ''}/${person.personId}`) : undefined}
                description={[person.address, person.phoneMasked].filter(Boolean).join(' · ') || undefined}
                extra={
                  person.answered ? (
                    <Tag color="success">{t('已答', 'Answered')}</Tag>
                  ) : mine ? (
                    <Tag color={mine.state === 'attention' ? 'danger' : 'warning'}>{OUTBOX_STATE_LABELS[mine.state]}</Tag>
                  ) : undefined
                }
              >
                {person.ordinal}. {person.name}
              </List.Item>
            );
          })}
          {people.length === 0 && <List.Item>{t('这个村没有抽样名单', 'Nobody was drawn in this village')}</List.Item>}
        </List>
      ) : sample.error ? (
        <ErrorBlock status="disconnected" title={t('手机上没有抽样名单', 'The list is not kept on this phone')} description={t('请在有信号时打开一次', 'Open it once with a signal')} />
      ) : (
        <DotLoading />
      )}
    </div>
  );
}
