// The worker's day at a glance: what waits to upload, events to verify, records due for
// re-verification, and this month's reporting quota.
import { Badge, Button, Card, Dialog, List, ProgressBar, Skeleton, Space, Toast } from 'antd-mobile';
import {
  EVENT_STATUS_LABELS,
  RECORD_KIND_DEFINITIONS,
  ROLE_LABELS,
  can,
  type CurrentUser,
  type EventListItem,
  type PersonView,
  type QuotaRow,
  type RecordView,
} from '@gridwork/core';
import { useCachedQuery } from '../../lib/cached-read.js';
import { HOME_READS } from '../../lib/home-reads.js';
import { navigate } from '../../app/router.js';
import { UploadIcon } from '../../app/icons.js';
import { OfflineNote } from '../../app/offline-note.js';
import { useOutbox } from '../outbox/use-outbox.js';
import { signOutAndWipe } from '../auth/sign-out.js';
import { fieldLocale, switchFieldLocale, t } from '../../app/i18n.js';
import { isFieldRecordKind, recordPath } from '../grid/record-kinds.js';
import { DueVisitsSection } from '../visits/due-visits-section.js';
import { useDueVisits } from '../visits/due-visits.js';

interface HomePageProps {
  readonly user: CurrentUser;
  readonly onSignedOut: () => void;
}

export function HomePage({ user, onSignedOut }: HomePageProps) {
  const outbox = useOutbox();
  const toVerify = useCachedQuery<{ items: EventListItem[] }>(HOME_READS.toVerify.url, HOME_READS.toVerify.query);
  const peopleDue = useCachedQuery<{ items: PersonView[] }>(HOME_READS.peopleDue.url, HOME_READS.peopleDue.query);
  const recordsDue = useCachedQuery<{ items: RecordView[] }>(HOME_READS.recordsDue.url, HOME_READS.recordsDue.query);
  const quotas = useCachedQuery<{ items: QuotaRow[] }>(HOME_READS.quotas.url);
  const dueVisits = useDueVisits();
  const quota = quotas.data?.items.find((row) => row.accountId === user.id);

  async function signOut() {
    const unsent = outbox.unsent;
    const confirmed = await Dialog.confirm({
      title: t('退出登录', 'Sign out'),
      content:
        unsent > 0
          ? t(
              `还有 ${unsent} 项没有上传。退出会从手机上删除这些内容和保存的资料，无法恢复。确定退出吗？`,
              `${unsent} item(s) are not sent yet. Signing out deletes them and the kept records from this phone for good. Sign out?`,
            )
          : t(
              '退出后，手机上保存的网格资料会被清除。',
              'Signing out clears the grid records kept on this phone.',
            ),
      confirmText: unsent > 0 ? t('删除并退出', 'Delete and sign out') : t('退出', 'Sign out'),
      cancelText: t('取消', 'Cancel'),
    });
    if (!confirmed) return;
    await signOutAndWipe();
    Toast.show({ content: t('已退出', 'Signed out') });
    onSignedOut();
  }

  const offlineSince = toVerify.offlineSince ?? peopleDue.offlineSince;
  // The lists below come in together, in place of a placeholder: shown one by one, each would push
  // the next down the screen while the worker is reaching for it.
  const settled = [toVerify, peopleDue, recordsDue, quotas, dueVisits].every(
    (query) => !query.loading || query.data !== undefined,
  );
  return (
    <div className="page">
      <Card className="greeting">
        <p data-testid="signed-in">
          {t(
            `${user.displayName}（${ROLE_LABELS[user.role]['zh-CN']}），今天辛苦了。`,
            `${user.displayName} (${ROLE_LABELS[user.role]['en-US']}): thank you for today's work.`,
          )}
        </p>
        <Space direction="vertical" align="end" className="greeting-actions">
          <Button size="mini" fill="outline" onClick={() => void signOut()}>
            {t('退出登录', 'Sign out')}
          </Button>
          <Button
            size="mini"
            fill="none"
            color="primary"
            data-testid="language-switch"
            onClick={() => switchFieldLocale(fieldLocale() === 'zh-CN' ? 'en-US' : 'zh-CN')}
          >
            <span lang={fieldLocale() === 'zh-CN' ? 'en' : 'zh'}>
              {fieldLocale() === 'zh-CN' ? 'English' : '中文'}
            </span>
          </Button>
        </Space>
      </Card>
      <OfflineNote since={offlineSince} />

      <List className="outbox-entry" data-testid="outbox-entry">
        <List.Item
          prefix={<UploadIcon />}
          arrowIcon
          onClick={() => navigate('/outbox')}
          extra={
            <Badge
              data-testid="outbox-count"
              content={outbox.unsent > 0 ? outbox.unsent : null}
              color={outbox.attention > 0 ? '#ff3141' : '#ff8f1f'}
            />
          }
          description={
            outbox.attention > 0
              ? t(`${outbox.attention} 项需处理`, `${outbox.attention} need attention`)
              : outbox.pausedForSignIn
                ? t('登录失效，暂停上传', 'Signed out: sending paused')
                : outbox.unsent > outbox.others
                  ? t('有信号时自动上传', 'Sent when there is a signal')
                  : outbox.others > 0
                    ? t(`${outbox.others} 项属于其他网格员`, `${outbox.others} belong to other workers`)
                    : t('全部已上传', 'All sent')
          }
        >
          {t('待上传', 'Outbox')}
        </List.Item>
        <List.Item arrowIcon data-testid="my-trainings" onClick={() => navigate('/training')}>
          {t('我的培训', 'My trainings')}
        </List.Item>
        {can(user.role, 'survey.answer') && (
          <List.Item arrowIcon data-testid="my-surveys" onClick={() => navigate('/surveys')}>
            {t('入户调查', 'Surveys')}
          </List.Item>
        )}
      </List>

      {!settled ? (
        <div data-testid="home-loading" aria-busy="true">
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={8} animated />
        </div>
      ) : (
        <>
          <DueVisitsSection due={dueVisits} outbox={outbox.items} />

          <Card title={t('本月上报任务', "This month's reports")} className="quota">
            {quota ? (
              <>
                <ProgressBar
                  percent={quota.target > 0 ? Math.min(100, (quota.reported / quota.target) * 100) : 100}
                  text={`${quota.reported} / ${quota.target}`}
                  style={{ '--fill-color': quota.met ? '#00b578' : '#1677ff' }}
                />
                <p className="hint">
                  {quota.met
                    ? t('本月任务已完成', 'Done for this month')
                    : t(
                        `还需上报 ${quota.target - quota.reported} 件有效事件`,
                        `${quota.target - quota.reported} more valid report(s) to go`,
                      )}
                </p>
              </>
            ) : (
              <p className="hint">
                {quotas.loading ? t('加载中…', 'Loading…') : t('无上报任务', 'No quota')}
              </p>
            )}
          </Card>

          <List
            header={t(
              `待我核查的事件（${toVerify.data?.items.length ?? 0}）`,
              `Events for me to check (${toVerify.data?.items.length ?? 0})`,
            )}
          >
            {(toVerify.data?.items ?? []).map((event) => (
              <List.Item
                key={event.id}
                arrowIcon
                onClick={() => navigate(`/events/${event.id}`)}
                description={`${event.gridName ?? ''} ${EVENT_STATUS_LABELS[event.status][fieldLocale()]}`}
              >
                {event.title}
              </List.Item>
            ))}
            {toVerify.data?.items.length === 0 && (
              <List.Item>{t('没有待核查的事件', 'No events to check')}</List.Item>
            )}
          </List>

          <List
            header={t(
              `待复核人员（${peopleDue.data?.items.length ?? 0}）`,
              `People due for verification (${peopleDue.data?.items.length ?? 0})`,
            )}
          >
            {(peopleDue.data?.items ?? []).slice(0, 10).map((person) => (
              <List.Item
                key={person.id}
                arrowIcon
                onClick={() => navigate(`/grid/${person.id}`)}
                description={
                  person.verifiedAt
                    ? t(
                        `上次复核 ${person.verifiedAt.slice(0, 10)}`,
                        `Last verified ${person.verifiedAt.slice(0, 10)}`,
                      )
                    : t('从未复核', 'Never verified')
                }
              >
                {person.name}
              </List.Item>
            ))}
            {(peopleDue.data?.items.length ?? 0) > 10 && (
              <List.Item arrowIcon onClick={() => navigate('/grid')}>
                {t('查看全部', 'See all')}
              </List.Item>
            )}
          </List>

          <List
            header={t(
              `待复核的户、房屋、场所等（${recordsDue.data?.items.length ?? 0}）`,
              `Households, houses, places… due (${recordsDue.data?.items.length ?? 0})`,
            )}
          >
            {(recordsDue.data?.items ?? []).slice(0, 10).map((record) => (
              <List.Item
                key={record.id}
                description={record.address ?? undefined}
                extra={RECORD_KIND_DEFINITIONS[record.kind].label[fieldLocale()]}
                {...(isFieldRecordKind(record.kind)
                  ? {
                      arrowIcon: true,
                      onClick: () => navigate(recordPath(record.kind as 'house', record.id)),
                    }
                  : {})}
              >
                {record.name}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}
