// 入户调查: the open surveys with a village in my area (知晓率 in the first half-year, 知晓率 and
// 满意率 in the second), with their questions: kept on the phone, so the questionnaire can be
// answered at the door with no signal.
import { DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { ApiError } from '@gridwork/client';
import type { SurveyOpenList } from '@gridwork/core';
import { t } from '../../app/i18n.js';
import { OfflineNote } from '../../app/offline-note.js';
import { navigate } from '../../app/router.js';
import { useCachedQuery } from '../../lib/cached-read.js';

export function MySurveysPage() {
  const list = useCachedQuery<SurveyOpenList>('/api/surveys/open');
  if (!list.data)
    return list.error ? (
      <ErrorBlock
        status={list.error instanceof ApiError ? 'default' : 'disconnected'}
        title={list.error instanceof ApiError ? t('无法查看调查', 'Cannot show the surveys') : t('手机上没有保存的调查', 'No surveys kept on this phone')}
        description={list.error instanceof ApiError ? list.error.message : t('请在有信号时打开一次', 'Open this page once with a signal')}
      />
    ) : (
      <DotLoading />
    );
  const open = list.data.items;
  return (
    <div className="page">
      <OfflineNote since={list.offlineSince} />
      <List header={t(`进行中的调查（${open.length}）`, `Open surveys (${open.length})`)}>
        {open.map((survey) => (
          <List.Item
            key={survey.id}
            arrowIcon
            onClick={() => navigate(`/surveys/${survey.id}`)}
            description={t(`${survey.startsOn} 至 ${survey.endsOn} · 已答 ${survey.answered}/${survey.sampleSize}`, `${survey.startsOn} to ${survey.endsOn} · ${survey.answered}/${survey.sampleSize} answered`)}
            extra={<Tag color="primary">{survey.half === 'H1' ? t('知晓率', 'Awareness') : t('知晓率 满意率', 'Awareness, satisfaction')}</Tag>}
          >
            {survey.title}
          </List.Item>
        ))}
        {open.length === 0 && <List.Item>{t('现在没有进行中的调查', 'No survey is open now')}</List.Item>}
      </List>
    </div>
  );
}
