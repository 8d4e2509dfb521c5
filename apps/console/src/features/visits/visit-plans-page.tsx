// 走访计划: the county's follow-up plans, what each covers, its intervals, and how many people it
// keeps on schedule; the county adds, changes and retires them.
import { useCallback, useEffect, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tag } from 'antd';
import { can, type FollowUpPlan } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { subjectLabel } from './visit-labels.js';
import { VisitPlanForm } from './visit-plan-form.js';

export function VisitPlansPage() {
  const { locale, t } = useLocale();
  const user = useUser();
  const mayManage = can(user.role, 'visit.plan.manage');
  const [plans, setPlans] = useState<FollowUpPlan[] | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<FollowUpPlan | 'new' | null>(null);

  const load = useCallback(() => {
    api.get<{ items: FollowUpPlan[] }>('/api/follow-up-plans').then(
      (answer) => setPlans(answer.items),
      (caught: unknown) => setError(failureText(caught, t)),
    );
  }, [t]);
  useEffect(load, [load]);

  return (
    <Card
      title={t('走访计划', 'Follow-up plans')}
      extra={
        mayManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('新建计划', 'New plan')}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<FollowUpPlan>
        rowKey="id"
        size="middle"
        loading={plans === null && !error}
        dataSource={plans ?? []}
        pagination={false}
        onRow={(plan) => (mayManage ? { onClick: () => setEditing(plan), style: { cursor: 'pointer' } } : {})}
        columns={[
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('对象', 'Subject'), render: (_: unknown, plan) => subjectLabel(plan.subject, locale) },
          {
            title: t('间隔（天）', 'Intervals (days)'),
            render: (_: unknown, plan) =>
              `${plan.intervalsDays.join(' → ')}${plan.intervalsDays.length > 1 ? t('（循环）', ' (repeats)') : ''}`,
          },
          {
            title: t('顺延规则', 'Shift'),
            dataIndex: 'shift',
            render: (shift: FollowUpPlan['shift']) =>
              shift === 'from_visit' ? t('从走访日起算', 'From the visit') : t('保持周期', 'Keep cadence'),
          },
          {
            title: t('宽限', 'Grace'),
            dataIndex: 'graceDays',
            render: (days: number) => t(`${days} 天`, `${days} d`),
          },
          { title: t('在管人数', 'Scheduled'), dataIndex: 'schedules', align: 'right' },
          {
            title: t('状态', 'State'),
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag>{t('已停用', 'Retired')}</Tag>,
          },
        ]}
      />
      {editing && (
        <VisitPlanForm
          plan={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </Card>
  );
}
