// A person's visits (走访记录) on their page: newest first from the server (the kept copy with no
// signal), with this phone's visits still waiting to upload on top. A visit the server flagged
// (far from the address, impossible succession) is shown as flagged for the center to review: it
// was recorded, nothing failed.
import { useEffect, useRef } from 'react';
import { Button, List, Tag } from 'antd-mobile';
import { t } from '../../app/i18n.js';
import { navigate } from '../../app/router.js';
import { useCachedQuery } from '../../lib/cached-read.js';
import { OutboxStateTag } from '../outbox/outbox-page.js';
import { useOutbox } from '../outbox/use-outbox.js';
import { flagLabel, metLabel, reviewLabel, shanghaiMoment, situationLabel } from './visit-labels.js';
import type { Visit } from '@gridwork/core';
import './visits.css';

function VisitRow({ visit }: { visit: Visit }) {
  const review = reviewLabel(visit.review);
  return (
    <List.Item
      data-testid="visit"
      description={
        <>
          <span>
            {visit.workerName}
            {visit.notes ? ` · ${visit.notes}` : ''}
            {visit.photoIds.length > 0
              ? t(` · ${visit.photoIds.length} 张照片`, ` · ${visit.photoIds.length} photo(s)`)
              : ''}
          </span>
          <br />
          {visit.flags.map((flag) => (
            <Tag key={flag} color="warning" fill="outline" data-testid="visit-flag">
              {flagLabel(flag, visit.distanceM)}
            </Tag>
          ))}
          {review && (
            <Tag color={visit.review === 'rejected' ? 'danger' : 'default'} fill="outline">
              {review}
            </Tag>
          )}
          {visit.eventId && (
            <Tag color="primary" fill="outline" onClick={() => navigate(`/events/${visit.eventId}`)}>
              {t('已上报事件', 'Event reported')}
            </Tag>
          )}
        </>
      }
      extra={
        <Tag color={visit.situation === 'abnormal' ? 'danger' : 'success'} fill="outline">
          {situationLabel(visit.situation)}
        </Tag>
      }
    >
      {shanghaiMoment(visit.visitedAt)} · {metLabel(visit.met)}
    </List.Item>
  );
}

export function VisitHistory({ personId }: { personId: string }) {
  const history = useCachedQuery<{ items: Visit[] }>(`/api/persons/${personId}/visits`);
  const { items } = useOutbox();
  const onPhone = items.filter(
    (item) => item.kind === 'record_visit' && item.body.personId === personId && item.state !== 'sent',
  );
  const { reload } = history;
  const waiting = onPhone.length;
  const waitedBefore = useRef(waiting);
  // A visit that just went up belongs in the server's list now.
  useEffect(() => {
    if (waiting < waitedBefore.current) reload();
    waitedBefore.current = waiting;
  }, [waiting, reload]);
  const visits = history.data?.items ?? [];
  return (
    <List header={t('走访记录', 'Visits')} className="visit-history" data-testid="visit-history">
      {onPhone.map(
        (item) =>
          item.kind === 'record_visit' && (
            <List.Item
              key={item.key}
              data-testid="visit-on-phone"
              extra={<OutboxStateTag state={item.state} />}
              description={item.message ?? undefined}
            >
              {shanghaiMoment(item.body.visitedAt)} · {metLabel(item.body.met)} ·{' '}
              {situationLabel(item.body.situation)}
            </List.Item>
          ),
      )}
      {visits.map((visit) => (
        <VisitRow key={visit.id} visit={visit} />
      ))}
      {visits.length === 0 && onPhone.length === 0 && (
        <List.Item>
          {history.loading
            ? t('加载中…', 'Loading…')
            : history.error
              ? t('没有信号，手机上也没有保存走访记录', 'No signal, and no visits kept on this phone')
              : t('还没有走访记录', 'No visits yet')}
        </List.Item>
      )}
      <List.Item>
        <Button block color="primary" fill="outline" onClick={() => navigate(`/visits/record/${personId}`)}>
          {t('记录走访', 'Record a visit')}
        </Button>
      </List.Item>
    </List>
  );
}
