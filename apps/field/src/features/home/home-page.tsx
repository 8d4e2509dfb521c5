// The worker's day at a glance: what waits to upload, events to verify, records due for
// re-verification, and this month's reporting quota.
import { useEffect } from 'react';
import { Badge, Button, Card, Dialog, List, ProgressBar, Skeleton, Toast } from 'antd-mobile';
import {
  EVENT_STATUS_LABELS,
  RECORD_KIND_DEFINITIONS,
  ROLE_LABELS,
  type CurrentUser,
  type EventListItem,
  type PersonView,
  type QuotaRow,
  type RecordView,
} from '@gridwork/core';
import { useCachedQuery } from '../../lib/cached-read.js';
import { navigate } from '../../app/router.js';
import { UploadIcon } from '../../app/icons.js';
import { OfflineNote } from '../../app/offline-note.js';
import { useOutbox } from '../outbox/use-outbox.js';
import { signOutAndWipe } from '../auth/sign-out.js';
import { keepMyPeople } from '../grid/my-grids.js';
import { isOnline } from '../../lib/network.js';

interface HomePageProps {
  readonly user: CurrentUser;
  readonly onSignedOut: () => void;
}

export function HomePage({ user, onSignedOut }: HomePageProps) {
  const outbox = useOutbox();
  const toVerify = useCachedQuery<{ items: EventListItem[] }>('/api/events', {
    status: 'handled',
    limit: 50,
  });
  const peopleDue = useCachedQuery<{ items: PersonView[] }>('/api/persons/due', { limit: 50 });
  const recordsDue = useCachedQuery<{ items: RecordView[] }>('/api/registry/due', { limit: 50 });
  const quotas = useCachedQuery<{ items: QuotaRow[] }>('/api/event-quotas');
  const quota = quotas.data?.items.find((row) => row.accountId === user.id);

  // While there is a signal, keep my grids' people on the phone for reading without one.
  useEffect(() => {
    if (isOnline()) void keepMyPeople(user).catch(() => undefined);
  }, [user]);

  async function signOut() {
    const unsent = outbox.unsent;
    const confirmed = await Dialog.confirm({
      title: '退出登录',
      content:
        unsent > 0
          ? `还有 ${unsent} 项没有上传。退出会从手机上删除这些内容和保存的资料，无法恢复。确定退出吗？`
          : '退出后，手机上保存的网格资料会被清除。',
      confirmText: unsent > 0 ? '删除并退出' : '退出',
      cancelText: '取消',
    });
    if (!confirmed) return;
    await signOutAndWipe();
    Toast.show({ content: '已退出' });
    onSignedOut();
  }

  const offlineSince = toVerify.offlineSince ?? peopleDue.offlineSince;
  // The lists below come in together, in place of a placeholder: shown one by one, each would push
  // the next down the screen while the worker is reaching for it.
  const settled = [toVerify, peopleDue, recordsDue, quotas].every(
    (query) => !query.loading || query.data !== undefined,
  );
  return (
    <div className="page">
      <Card className="greeting">
        <p data-testid="signed-in">
          {user.displayName}（{ROLE_LABELS[user.role]['zh-CN']}），今天辛苦了。
        </p>
        <Button size="mini" fill="outline" onClick={() => void signOut()}>
          退出登录
        </Button>
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
              ? `${outbox.attention} 项需处理`
              : outbox.pausedForSignIn
                ? '登录失效，暂停上传'
                : outbox.unsent > 0
                  ? '有信号时自动上传'
                  : '全部已上传'
          }
        >
          待上传
        </List.Item>
      </List>

      {!settled ? (
        <div data-testid="home-loading" aria-busy="true">
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={8} animated />
        </div>
      ) : (
        <>
          <Card title="本月上报任务" className="quota">
            {quota ? (
              <>
                <ProgressBar
                  percent={quota.target > 0 ? Math.min(100, (quota.reported / quota.target) * 100) : 100}
                  text={`${quota.reported} / ${quota.target}`}
                  style={{ '--fill-color': quota.met ? '#00b578' : '#1677ff' }}
                />
                <p className="hint">
                  {quota.met ? '本月任务已完成' : `还需上报 ${quota.target - quota.reported} 件有效事件`}
                </p>
              </>
            ) : (
              <p className="hint">{quotas.loading ? '加载中…' : '无上报任务'}</p>
            )}
          </Card>

          <List header={`待我核查的事件（${toVerify.data?.items.length ?? 0}）`}>
            {(toVerify.data?.items ?? []).map((event) => (
              <List.Item
                key={event.id}
                arrowIcon
                onClick={() => navigate(`/events/${event.id}`)}
                description={`${event.gridName ?? ''} ${EVENT_STATUS_LABELS[event.status]['zh-CN']}`}
              >
                {event.title}
              </List.Item>
            ))}
            {toVerify.data?.items.length === 0 && <List.Item>没有待核查的事件</List.Item>}
          </List>

          <List header={`待复核人员（${peopleDue.data?.items.length ?? 0}）`}>
            {(peopleDue.data?.items ?? []).slice(0, 10).map((person) => (
              <List.Item
                key={person.id}
                arrowIcon
                onClick={() => navigate(`/grid/${person.id}`)}
                description={person.verifiedAt ? `上次复核 ${person.verifiedAt.slice(0, 10)}` : '从未复核'}
              >
                {person.name}
              </List.Item>
            ))}
            {(peopleDue.data?.items.length ?? 0) > 10 && (
              <List.Item arrowIcon onClick={() => navigate('/grid')}>
                查看全部
              </List.Item>
            )}
          </List>

          <List header={`待复核的户、房屋、场所等（${recordsDue.data?.items.length ?? 0}）`}>
            {(recordsDue.data?.items ?? []).slice(0, 10).map((record) => (
              <List.Item
                key={record.id}
                description={record.address ?? undefined}
                extra={RECORD_KIND_DEFINITIONS[record.kind].label['zh-CN']}
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
