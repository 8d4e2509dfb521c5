// 我的培训: what I am still short of this year, rule by rule, the sessions I attended and those I
// am invited to; kept on the phone for reading with no signal.
import { DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { ATTENDANCE_METHOD_LABELS, TRAINING_KIND_LABELS, TRAINING_PERIOD_LABELS, type MyTrainings } from '@gridwork/core';
import { fieldLocale, t } from '../../app/i18n.js';
import { OfflineNote } from '../../app/offline-note.js';
import { useCachedQuery } from '../../lib/cached-read.js';
import './training.css';

export function MyTrainingsPage() {
  const mine = useCachedQuery<MyTrainings>('/api/training/mine');
  const locale = fieldLocale();
  if (!mine.data)
    return mine.error ? (
      <ErrorBlock status="disconnected" title={t('没有保存的培训记录', 'No trainings kept on this phone')} description={t('请在有信号时打开一次', 'Open this page once with a signal')} />
    ) : (
      <DotLoading />
    );
  const { year, compliance, attended, upcoming } = mine.data;
  return (
    <div className="page">
      <OfflineNote since={mine.offlineSince} />
      <List header={t(`${year} 年培训要求`, `Required in ${year}`)}>
        {compliance.map((rule) => (
          <List.Item
            key={`${rule.kind}-${rule.per}`}
            className="training-rule"
            description={rule.periods
              .filter((period) => period.shortBy > 0)
              .map((period) => (
                <Tag key={period.key} color={period.ended ? 'danger' : 'warning'} fill="outline">
                  {period.key}
                  {period.ended ? t(' 未完成', ' missed') : t(' 进行中', ' open')}
                </Tag>
              ))}
            extra={rule.shortBy > 0 ? <Tag color="danger">{t(`差 ${rule.shortBy} 次`, `${rule.shortBy} short`)}</Tag> : <Tag color="success">{t('已达标', 'Met')}</Tag>}
          >
            {t(
              `${TRAINING_KIND_LABELS[rule.kind][locale]} ${TRAINING_PERIOD_LABELS[rule.per][locale]}至少 ${rule.minimum} 次：已参加 ${rule.attended}/${rule.required}`,
              `${TRAINING_KIND_LABELS[rule.kind][locale]}, ${rule.minimum} ${TRAINING_PERIOD_LABELS[rule.per][locale]}: ${rule.attended}/${rule.required}`,
            )}
          </List.Item>
        ))}
        {compliance.length === 0 && <List.Item>{t('没有适用于我的培训要求', 'No training rule applies to me')}</List.Item>}
      </List>
      <List header={t(`已参加（${attended.length}）`, `Attended (${attended.length})`)}>
        {attended.map((item) => (
          <List.Item key={item.sessionId} description={`${item.date} · ${TRAINING_KIND_LABELS[item.kind][locale]}${item.how ? ` · ${ATTENDANCE_METHOD_LABELS[item.how][locale]}` : ''}`}>
            {item.topic}
          </List.Item>
        ))}
        {attended.length === 0 && <List.Item>{t('今年还没有参加培训', 'None yet this year')}</List.Item>}
      </List>
      {upcoming.length > 0 && (
        <List header={t('待参加', 'Invited')}>
          {upcoming.map((item) => (
            <List.Item key={item.sessionId} description={`${item.date} ${item.startTime} · ${item.place}`}>
              {item.topic}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
