// One month of the working calendar as a grid of days, Monday first: weekends and public holidays
// as rest days, adjusted workdays (调休) marked 班; a click on a day asks the page to change it.
import type { CSSProperties } from 'react';
import { Card, Tooltip, Typography } from 'antd';
import { datesOfMonth, isWeekend, type CalendarException } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';

const WEEKDAYS: readonly (readonly [string, string])[] = [
  ['一', 'Mo'],
  ['二', 'Tu'],
  ['三', 'We'],
  ['四', 'Th'],
  ['五', 'Fr'],
  ['六', 'Sa'],
  ['日', 'Su'],
];

const VISUALLY_HIDDEN: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

export interface CalendarMonthProps {
  readonly month: string;
  readonly workdays: number;
  readonly exceptions: ReadonlyMap<string, CalendarException>;
  readonly editable: boolean;
  onPick(date: string): void;
}

function dayStyle(rest: boolean, exception: CalendarException | undefined): CSSProperties {
  if (exception?.kind === 'holiday') return { background: '#fff1f0', color: '#a8071a', fontWeight: 600 };
  if (exception?.kind === 'workday') return { background: '#e6f4ff', color: '#003eb3', fontWeight: 600 };
  if (rest) return { background: '#f5f5f5', color: '#595959' };
  return {};
}

export function CalendarMonth({ month, workdays, exceptions, editable, onPick }: CalendarMonthProps) {
  const { t } = useLocale();
  const dates = datesOfMonth(month);
  // Monday = 0 … Sunday = 6.
  const lead = (new Date(`${month}-01T00:00:00.000Z`).getUTCDay() + 6) % 7;
  return (
    <Card
      size="small"
      title={t(
        `${Number(month.slice(5))}月`,
        new Date(`${month}-01T00:00:00.000Z`).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }),
      )}
      extra={
        <Typography.Text type="secondary">
          {t(`工作日 ${workdays} 天`, `${workdays} working days`)}
        </Typography.Text>
      }
    >
      <div
        role="group"
        aria-label={month}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center' }}
      >
        {WEEKDAYS.map(([zh, en]) => (
          <div key={zh} aria-hidden style={{ fontSize: 12, color: '#595959' }}>
            {t(zh, en)}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`lead-${i}`} />
        ))}
        {dates.map((date) => {
          const exception = exceptions.get(date);
          const rest = exception ? exception.kind === 'holiday' : isWeekend(date);
          const label = exception
            ? `${date} ${exception.name}`
            : `${date} ${rest ? t('休息日', 'rest day') : t('工作日', 'working day')}`;
          return (
            <Tooltip key={date} title={exception?.name}>
              <button
                type="button"
                data-date={date}
                data-kind={exception?.kind ?? (rest ? 'rest' : 'work')}
                disabled={!editable}
                onClick={() => onPick(date)}
                style={{
                  border: 0,
                  borderRadius: 4,
                  padding: '4px 0',
                  cursor: editable ? 'pointer' : 'default',
                  position: 'relative',
                  font: 'inherit',
                  background: 'transparent',
                  ...dayStyle(rest, exception),
                }}
              >
                {Number(date.slice(8))}
                {exception && (
                  <span style={{ position: 'absolute', top: 0, right: 2, fontSize: 10 }}>
                    {exception.kind === 'holiday' ? t('休', 'H') : t('班', 'W')}
                  </span>
                )}
                {/* Read out after the visible day number: the full date and what it is. */}
                <span style={VISUALLY_HIDDEN}> {label}</span>
              </button>
            </Tooltip>
          );
        })}
      </div>
    </Card>
  );
}
