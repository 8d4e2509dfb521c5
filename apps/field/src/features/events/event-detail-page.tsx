// One event: where it stands, its photos, who did what (the timeline), and — when it waits for my
// verification — the 核查 form, whose answer goes through the outbox.
import { useEffect } from 'react';
import { DotLoading, ErrorBlock, Image, List, Space, Steps } from 'antd-mobile';
import { EVENT_ACTION_LABELS, type EventAction, type EventTimelineEntry, type EventView } from '@gridwork/core';
import { useCachedQuery } from '../../lib/cached-read.js';
import { OfflineNote } from '../../app/offline-note.js';
import { useOutbox } from '../outbox/use-outbox.js';
import { OutboxStateTag } from '../outbox/outbox-page.js';
import { EventStatusTag } from './my-events-page.js';
import { VerifyEventForm } from './verify-event-form.js';
import { isOnline } from '../../lib/network.js';
import { fieldLocale, t } from '../../app/i18n.js';

function actionLabel(action: string): string {
  return Object.hasOwn(EVENT_ACTION_LABELS, action) ? EVENT_ACTION_LABELS[action as EventAction | 'report'][fieldLocale()] : action;
}

function at(iso: string): string {
  return new Date(iso).toLocaleString(fieldLocale(), { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function EventDetailPage({ id }: { id: string }) {
  const event = useCachedQuery<EventView>(`/api/events/${id}`);
  const timeline = useCachedQuery<{ items: EventTimelineEntry[] }>(`/api/events/${id}/timeline`);
  const { items } = useOutbox();
  const queued = items.find((item) => item.kind === 'event_action' && item.eventId === id && item.state !== 'sent');
  // My verification just went up: show the event as it now stands.
  const sentActions = items.filter((item) => item.kind === 'event_action' && item.eventId === id && item.state === 'sent').length;
  const reloadEvent = event.reload;
  const reloadTimeline = timeline.reload;
  useEffect(() => {
    if (sentActions > 0 && isOnline()) {
      reloadEvent();
      reloadTimeline();
    }
  }, [sentActions, reloadEvent, reloadTimeline]);
  if (!event.data) return event.error ? <ErrorBlock status="disconnected" title={t('打不开这个事件', 'Cannot open this event')} description={t('没有信号，手机上也没有保存它', 'No signal, and it is not kept on the phone')} /> : <DotLoading />;
  const view = event.data;
  const mayVerify = view.actions.includes('verify_pass') || view.actions.includes('verify_fail');
  return (
    <div className="page">
      <OfflineNote since={event.offlineSince} />
      <List header={view.categoryName}>
        <List.Item extra={<EventStatusTag status={view.status} />} description={view.description || undefined}>
          <strong>{view.title}</strong>
        </List.Item>
        <List.Item extra={<span data-testid="event-grid">{view.gridName ?? t('未定网格', 'No grid')}</span>}>{t('所属网格', 'Grid')}</List.Item>
        {view.address && <List.Item extra={view.address}>{t('地址', 'Address')}</List.Item>}
        {view.leadDepartment && <List.Item extra={view.leadDepartment.name}>{t('主办部门', 'Lead department')}</List.Item>}
        <List.Item extra={at(view.reportedAt)}>{t('上报时间', 'Reported')}</List.Item>
      </List>
      {view.photos.length > 0 && (
        <Space wrap className="event-photos">
          {view.photos.map((photo) => (
            <Image key={`${photo.stage}-${photo.id}`} src={photo.url} width={96} height={96} fit="cover" lazy alt={t('事件照片', 'Event photo')} />
          ))}
        </Space>
      )}
      {queued ? (
        <List header={t('我的核查', 'My check')}>
          <List.Item extra={<OutboxStateTag state={queued.state} />}>{queued.label}</List.Item>
        </List>
      ) : (
        mayVerify && <VerifyEventForm event={view} onQueued={event.reload} />
      )}
      <h2 className="section-title">{t('流转记录', 'Timeline')}</h2>
      <Steps direction="vertical" className="timeline">
        {(timeline.data?.items ?? []).map((entry) => (
          <Steps.Step
            key={entry.seq}
            status="finish"
            title={<span data-testid="timeline-entry">{actionLabel(entry.action)}</span>}
            description={
              <>
                {entry.actor?.displayName ?? t('系统', 'System')} · {at(entry.at)}
                {entry.note && <div>{entry.note}</div>}
              </>
            }
          />
        ))}
      </Steps>
    </div>
  );
}
