// The home screen's 走访任务: how many visits are due this week, overdue and missed, and the most
// pressing few. The list is kept on the phone, so it shows with no signal.
import { Card, List } from 'antd-mobile';
import { t } from '../../app/i18n.js';
import { navigate } from '../../app/router.js';
import type { CachedQuery } from '../../lib/cached-read.js';
import type { OutboxItem } from '../outbox/outbox.types.js';
import { DueVisitRow } from './due-visit-list.js';
import './visits.css';
import { actionableVisits, countByStatus, visitedOnPhone } from './due-visits.js';
import type { DueVisit } from '@gridwork/core';

const SHOWN = 5;

export function DueVisitsSection({
  due,
  outbox,
}: {
  due: CachedQuery<{ items: DueVisit[] }>;
  outbox: readonly OutboxItem[];
}) {
  if (!due.data) return null;
  const items = actionableVisits(due.data.items);
  const onPhone = visitedOnPhone(outbox);
  // What is left to do: a visit recorded on the phone counts as done before it is uploaded.
  const counts = countByStatus(
    items.filter((item) => {
      const recorded = onPhone.get(item.personId);
      return !recorded || recorded.state === 'attention';
    }),
  );
  return (
    <>
      <Card title={t('走访任务', 'Visits due')} className="visits-due" data-testid="visits-due">
        <div className="visit-counts">
          <span data-testid="visits-due-week">
            <strong>{counts.due_week}</strong>
            {t('本周到期', 'this week')}
          </span>
          <span data-testid="visits-overdue" className={counts.overdue > 0 ? 'late' : undefined}>
            <strong>{counts.overdue}</strong>
            {t('已逾期', 'overdue')}
          </span>
          <span data-testid="visits-missed" className={counts.missed > 0 ? 'late' : undefined}>
            <strong>{counts.missed}</strong>
            {t('漏访', 'missed')}
          </span>
        </div>
      </Card>
      {items.length > 0 && (
        <List header={t(`待走访（${items.length}）`, `To visit (${items.length})`)}>
          {items.slice(0, SHOWN).map((item) => (
            <DueVisitRow key={item.scheduleId} item={item} onPhone={onPhone.get(item.personId)} />
          ))}
          {items.length > SHOWN && (
            <List.Item arrowIcon onClick={() => navigate('/visits/due')}>
              {t('查看全部', 'See all')}
            </List.Item>
          )}
        </List>
      )}
    </>
  );
}
