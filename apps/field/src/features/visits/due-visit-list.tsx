// Rows of due visits (走访任务): whom, what for, when due; a tap opens the visit form. A visit
// recorded on the phone and not yet uploaded shows as done, with the outbox's state.
import { List, Tag } from 'antd-mobile';
import { t } from '../../app/i18n.js';
import { navigate } from '../../app/router.js';
import { OUTBOX_STATE_LABELS, type OutboxItem } from '../outbox/outbox.types.js';
import { dueStatusLabel } from './visit-labels.js';
import type { DueVisit, ScheduleStatus } from '@gridwork/core';

const STATUS_COLORS: Readonly<Record<ScheduleStatus, string>> = {
  upcoming: 'default',
  due_week: 'primary',
  overdue: 'danger',
  missed: 'warning',
};

export function visitPath(item: Pick<DueVisit, 'personId' | 'scheduleId'>): string {
  return `/visits/record/${item.personId}/${item.scheduleId}`;
}

export function DueVisitRow({ item, onPhone }: { item: DueVisit; onPhone: OutboxItem | undefined }) {
  return (
    <List.Item
      data-testid="due-visit"
      arrowIcon
      onClick={() => navigate(visitPath(item))}
      description={[
        item.subjectLabel,
        item.gridName,
        `${t('应访', 'due')} ${item.dueOn}`,
        item.missedCount > 0 ? t(`漏访 ${item.missedCount} 次`, `missed ${item.missedCount}×`) : null,
      ]
        .filter(Boolean)
        .join(' · ')}
      extra={
        onPhone ? (
          <Tag color={onPhone.state === 'attention' ? 'danger' : 'success'} fill="outline">
            {onPhone.state === 'attention' ? OUTBOX_STATE_LABELS.attention : t('已走访', 'Visited')}
          </Tag>
        ) : (
          <Tag color={STATUS_COLORS[item.status]} fill="outline">
            {dueStatusLabel(item.status)}
          </Tag>
        )
      }
    >
      {item.personName}
    </List.Item>
  );
}
