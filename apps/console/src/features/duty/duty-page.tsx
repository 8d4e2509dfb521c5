// 值班安排: today at every sub-center in scope (who is on duty, checked in at …), a unit's roster
// by week or month with rotas, swaps and slots for those who arrange it, and the month's lapses.
import { useCallback, useEffect, useState } from 'react';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Segmented, Select, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { can, type DutyRoster, type DutyUnits } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { DutyFillModal } from './duty-fill-modal.js';
import { DutyLapsesView } from './duty-lapses.js';
import { DutyRosterTable, RosterHint } from './duty-roster.js';
import { DutySlotsModal } from './duty-slots-modal.js';
import { DutyTodayTable } from './duty-today-table.js';

type Span = 'week' | 'month';

function rangeOf(anchor: dayjs.Dayjs, span: Span): { from: string; to: string } {
  // Weeks run Monday to Sunday.
  const start = span === 'week' ? anchor.subtract((anchor.day() + 6) % 7, 'day') : anchor.startOf('month');
  const end = span === 'week' ? start.add(6, 'day') : anchor.endOf('month');
  return { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') };
}

function RosterView() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const user = useUser();
  const mayManage = can(user.role, 'duty.manage');
  const [units, setUnits] = useState<DutyUnits | null>(null);
  const [error, setError] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [span, setSpan] = useState<Span>('week');
  const [anchor, setAnchor] = useState(() => dayjs());
  const [version, setVersion] = useState(0);
  const [filling, setFilling] = useState<DutyRoster | null>(null);
  const [slotting, setSlotting] = useState(false);

  const loadUnits = useCallback(() => {
    api.get<DutyUnits>('/api/duty/units').then(
      (answer) => {
        setUnits(answer);
        // The caller's own unit first: a township's operator lands on their sub-center.
        setUnitId(
          (current) =>
            current ?? (answer.units.find((unit) => unit.path === user.orgPath) ?? answer.units[0])?.id,
        );
      },
      (caught: unknown) => setError(failureText(caught, t)),
    );
  }, [t, user.orgPath]);
  useEffect(loadUnits, [loadUnits, version]);

  const { from, to } = rangeOf(anchor, span);
  const unit = units?.units.find((item) => item.id === unitId);
  const step = (direction: 1 | -1) => setAnchor((current) => current.add(direction, span));

  async function openFill() {
    if (!unitId) return;
    try {
      setFilling(await api.get<DutyRoster>('/api/duty/roster', { unitId, from, to }));
    } catch (caught) {
      message.error(failureText(caught, t));
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} />}
      {units && (
        <Card
          size="small"
          title={t(
            `今日值班 ${units.date}${units.workday ? '' : '（休息日）'}`,
            `Today ${units.date}${units.workday ? '' : ' (rest day)'}`,
          )}
        >
          <DutyTodayTable data={units} />
        </Card>
      )}
      <Space wrap>
        <Select
          aria-label={t('单位', 'Unit')}
          style={{ width: 180 }}
          value={unitId}
          onChange={setUnitId}
          options={units?.units.map((item) => ({ value: item.id, label: item.name }))}
        />
        <Segmented<Span>
          value={span}
          onChange={setSpan}
          options={[
            { value: 'week', label: t('周', 'Week') },
            { value: 'month', label: t('月', 'Month') },
          ]}
        />
        <Button aria-label={t('上一段', 'Previous')} icon={<LeftOutlined />} onClick={() => step(-1)} />
        <Typography.Text>
          {from} ~ {to}
        </Typography.Text>
        <Button aria-label={t('下一段', 'Next')} icon={<RightOutlined />} onClick={() => step(1)} />
        <Button onClick={() => setAnchor(dayjs())}>{t('本周/本月', 'Now')}</Button>
        {mayManage && (
          <>
            <Button type="primary" onClick={() => void openFill()}>
              {t('批量排班', 'Rota')}
            </Button>
            <Button onClick={() => setSlotting(true)}>{t('班次设置', 'Slots')}</Button>
          </>
        )}
      </Space>
      <RosterHint />
      {unitId && units && (
        <DutyRosterTable
          key={unitId}
          unitId={unitId}
          from={from}
          to={to}
          today={units.date}
          mayManage={mayManage}
          version={version}
        />
      )}
      {filling && units && (
        <DutyFillModal
          roster={filling}
          today={units.date}
          onClose={() => setFilling(null)}
          onFilled={(result) => {
            setFilling(null);
            message.success(t(`已排 ${result.created} 天`, `${result.created} days arranged`));
            setVersion((value) => value + 1);
          }}
        />
      )}
      {slotting && unit && (
        <DutySlotsModal
          unit={unit}
          onClose={() => setSlotting(false)}
          onSaved={() => {
            setSlotting(false);
            setVersion((value) => value + 1);
          }}
        />
      )}
    </Space>
  );
}

export function DutyPage() {
  const { t } = useLocale();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('值班安排', 'Duty roster')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'roster', label: t('值班表', 'Roster'), children: <RosterView /> },
          { key: 'lapses', label: t('缺岗记录', 'Lapses'), children: <DutyLapsesView /> },
        ]}
      />
    </Space>
  );
}
