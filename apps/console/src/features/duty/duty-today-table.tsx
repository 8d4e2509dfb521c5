// Today at every sub-center in scope: who is on duty in each slot, whether they checked in and
// when, and the lapse the daily check recorded, if any.
import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { DUTY_LAPSE_REASON_LABELS, type DutyUnit, type DutyUnits } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';

export function DutyTodayTable({ data }: { data: DutyUnits }) {
  const { locale, t } = useLocale();
  return (
    <Table<DutyUnit>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={data.units}
      data-testid="duty-today"
      columns={[
        { title: t('单位', 'Unit'), dataIndex: 'name', width: 160 },
        {
          title: t('今日值班', 'On duty today'),
          render: (_, unit) =>
            unit.today.length === 0 ? (
              <Typography.Text type={data.workday ? 'danger' : 'secondary'}>
                {data.workday ? t('未排班', 'Nobody on the roster') : t('休息日', 'Rest day')}
              </Typography.Text>
            ) : (
              unit.today.map((entry) => (
                <Tag key={entry.id} color={entry.checkedInAt ? 'green' : 'orange'}>
                  {unit.slots.find((slot) => slot.key === entry.slot)?.name ?? entry.slot} ·{' '}
                  {entry.account.name} ·{' '}
                  {entry.checkedInAt
                    ? t(
                        `已于 ${dayjs(entry.checkedInAt).format('HH:mm')} 签到`,
                        `checked in at ${dayjs(entry.checkedInAt).format('HH:mm')}`,
                      )
                    : t('未签到', 'not checked in')}
                </Tag>
              ))
            ),
        },
        {
          title: t('缺岗', 'Lapse'),
          width: 160,
          render: (_, unit) =>
            unit.lapseToday ? (
              <Tag color="red">{DUTY_LAPSE_REASON_LABELS[unit.lapseToday][locale]}</Tag>
            ) : null,
        },
      ]}
    />
  );
}
