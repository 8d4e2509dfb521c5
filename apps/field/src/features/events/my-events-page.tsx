// The events I reported: those still in the outbox first (with their upload state), then what the
// server has, with status and grid. A copy is kept for reading with no signal.
import { useEffect } from 'react';
import { DotLoading, List, PullToRefresh, Tag } from 'antd-mobile';
import { EVENT_STATUS_LABELS, type EventListItem, type EventStatus } from '@gridwork/core';
import { useCachedQuery } from '../../lib/cached-read.js';
import { navigate } from '../../app/router.js';
import { OfflineNote } from '../../app/offline-note.js';
import { OutboxStateTag } from '../outbox/outbox-page.js';
import { useOutbox } from '../outbox/use-outbox.js';
import type { ReportEventItem } from '../outbox/outbox.types.js';
import { isOnline } from '../../lib/network.js';
import { fieldLocale, t } from '../../app/i18n.js';

const STATUS_COLORS: Readonly<Record<EventStatus, string>> = {
  reported: 'warning',
  accepted: 'warning',
  dispatched: 'primary',
  signed: 'primary',
  handled: 'danger',
  closed: 'success',
  rejected: 'default',
  merged: 'default',
};

export function EventStatusTag({ status }: { status: EventStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} fill="outline" data-testid="event-status">
      {EVENT_STATUS_LABELS[status][fieldLocale()]}
    </Tag>
  );
}

function shanghaiTime(iso: string): string {
  return new Date(iso).toLocaleString(fieldLocale(), { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function MyEventsPage() {
  const mine = useCachedQuery<{ items: EventListItem[] }>('/api/events', { view: 'mine', limit: 100 });
  const { items } = useOutbox();
  const waiting = items.filter((item): item is ReportEventItem => item.kind === 'report_event' && item.state !== 'sent').reverse();
  // A report that just went up appears in the server's list.
  const sent = items.filter((item) => item.kind === 'report_event' && item.state === 'sent').length;
  const { reload } = mine;
  useEffect(() => {
    if (sent > 0 && isOnline()) reload();
  }, [sent, reload]);
  return (
    <PullToRefresh onRefresh={async () => mine.reload()}>
      <div className="page">
        <OfflineNote since={mine.offlineSince} />
        {waiting.length > 0 && (
          <List header={t('未上传', 'Not sent')}>
            {waiting.map((item) => (
              <List.Item key={item.key} data-testid="my-event" onClick={() => navigate('/outbox')} extra={<OutboxStateTag state={item.state} />} description={`${item.gridName ?? t('未定网格', 'No grid')} · ${shanghaiTime(item.createdAt)}`}>
                {item.label}
              </List.Item>
            ))}
          </List>
        )}
        <List header={t('已上报', 'Reported')}>
          {mine.loading && !mine.data && (
            <List.Item>
              <DotLoading />
            </List.Item>
          )}
          {(mine.data?.items ?? []).map((event) => (
            <List.Item key={event.id} data-testid="my-event" arrowIcon onClick={() => navigate(`/events/${event.id}`)} extra={<EventStatusTag status={event.status} />} description={`${event.gridName ?? t('未定网格', 'No grid')} · ${shanghaiTime(event.reportedAt)}`}>
              {event.title}
            </List.Item>
          ))}
          {mine.data?.items.length === 0 && <List.Item>{t('还没有上报过事件', 'No events reported yet')}</List.Item>}
        </List>
      </div>
    </PullToRefresh>
  );
}
