// The command center's "today" panel, its one list of sign-ins and sign-fors: townships, villages
// and departments that have not signed in or leave events waiting, live, each with its reminder,
// and a way to the full daily check.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Card, Empty, Skeleton } from 'antd';
import { Link } from 'react-router';
import { can, type DailyChecks } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { DailyCheckTable } from './daily-check-table.js';

export function DailyCheckPanel() {
  const { t } = useLocale();
  const user = useUser();
  const allowed = can(user.role, 'daily_check.read');
  const [data, setData] = useState<DailyChecks | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(() => {
    if (!allowed) return;
    api.get<DailyChecks>('/api/daily-checks/today').then(
      (answer) => {
        setData(answer);
        setError('');
      },
      (caught: unknown) => setError(failureText(caught, t)),
    );
  }, [allowed, t]);
  useEffect(load, [load]);

  if (!allowed) return null;
  const behind = data?.items.filter((item) => item.status !== 'ok') ?? [];
  return (
    <Card
      size="small"
      data-testid="daily-check-panel"
      title={t('今日登录与签收：未登录 / 有未签收事件', 'Sign-ins and sign-fors today: not signed in / events waiting')}
      extra={<Link to="/daily/checks">{t('每日督查', 'Daily checks')}</Link>}
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!data && !error && <Skeleton active paragraph={{ rows: 3 }} />}
      {data &&
        (behind.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('今日各单位均已登录，无未签收事件', 'Every unit signed in, nothing waiting')} />
        ) : (
          <DailyCheckTable data={data} items={behind} mayNotify={can(user.role, 'daily_check.notify')} onNotified={load} pageSize={6} compact />
        ))}
    </Card>
  );
}
