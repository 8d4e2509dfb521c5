// All my visits due, by how pressing they are (逾期, 漏访, 本周到期), from the kept list when there
// is no signal.
import { useState } from 'react';
import { DotLoading, ErrorBlock, List, Tabs } from 'antd-mobile';
import { t } from '../../app/i18n.js';
import { OfflineNote } from '../../app/offline-note.js';
import { useOutbox } from '../outbox/use-outbox.js';
import { DueVisitRow } from './due-visit-list.js';
import { ACTIONABLE, actionableVisits, useDueVisits, visitedOnPhone } from './due-visits.js';
import { dueStatusLabel } from './visit-labels.js';
import type { ScheduleStatus } from '@gridwork/core';

export function DueVisitsPage() {
  const due = useDueVisits();
  const { items: outbox } = useOutbox();
  const [status, setStatus] = useState<ScheduleStatus>('overdue');
  if (!due.data)
    return due.error ? (
      <ErrorBlock
        status="disconnected"
        title={t('没有保存的走访任务', 'No visits kept on this phone')}
        description={t('请在有信号时打开一次首页', 'Open the home screen once with a signal')}
      />
    ) : (
      <DotLoading />
    );
  const items = actionableVisits(due.data.items);
  const onPhone = visitedOnPhone(outbox);
  const shown = items.filter((item) => item.status === status);
  return (
    <div className="page">
      <OfflineNote since={due.offlineSince} />
      <Tabs activeKey={status} onChange={(key) => setStatus(key as ScheduleStatus)}>
        {ACTIONABLE.map((key) => (
          <Tabs.Tab
            key={key}
            title={`${dueStatusLabel(key)} ${items.filter((item) => item.status === key).length}`}
          />
        ))}
      </Tabs>
      <List>
        {shown.map((item) => (
          <DueVisitRow key={item.scheduleId} item={item} onPhone={onPhone.get(item.personId)} />
        ))}
        {shown.length === 0 && <List.Item>{t('没有', 'None')}</List.Item>}
      </List>
    </div>
  );
}
