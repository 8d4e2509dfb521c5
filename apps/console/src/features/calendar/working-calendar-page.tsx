// 工作日历: the county's year at a glance — weekends, public holidays and adjusted workdays (调休)
// — with the working days of each month. The county clicks a day to set or clear it, or loads
// the State Council's notice for the year at once. Deadlines and daily checks follow it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Space,
  Typography,
} from 'antd';
import {
  HOLIDAY_NOTICES,
  can,
  isWeekend,
  type CalendarDayKind,
  type CalendarException,
  type WorkingCalendarYear,
} from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { CalendarMonth } from './calendar-month.js';

export function WorkingCalendarPage() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const user = useUser();
  const editable = can(user.role, 'calendar.manage');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [data, setData] = useState<WorkingCalendarYear | null>(null);
  const [error, setError] = useState('');
  const [picked, setPicked] = useState<string | null>(null);

  const load = useCallback(() => {
    setError('');
    api
      .get<WorkingCalendarYear>('/api/working-calendar', { year })
      .then(setData, (caught: unknown) => setError(failureText(caught, t)));
  }, [year, t]);
  useEffect(load, [load]);

  const exceptions = useMemo(
    () => new Map<string, CalendarException>((data?.days ?? []).map((day) => [day.date, day])),
    [data],
  );
  // Only years whose notice is out in full: loading one replaces the county's whole year.
  const notice = HOLIDAY_NOTICES[year];

  async function loadNotice() {
    if (!notice) return;
    try {
      setData(await api.put<WorkingCalendarYear>(`/api/working-calendar/years/${year}`, { days: notice }));
      message.success(t(`已录入 ${year} 年节假日安排`, `The ${year} holiday arrangement is in`));
    } catch (caught) {
      message.error(failureText(caught, t));
    }
  }

  const total = data?.months.reduce((sum, month) => sum + month.workdays, 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('工作日历', 'Working calendar')}
      </Typography.Title>
      <Space wrap>
        <InputNumber
          aria-label={t('年份', 'Year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(value) => value && setYear(value)}
        />
        {total !== undefined && (
          <Typography.Text data-testid="calendar-total">
            {t(`全年工作日 ${total} 天`, `${total} working days in the year`)}
          </Typography.Text>
        )}
        {editable && notice && (
          <Popconfirm
            title={t(
              `用国务院 ${year} 年节假日安排替换本年全部设置？`,
              `Replace this year's days with the State Council's ${year} arrangement?`,
            )}
            onConfirm={() => void loadNotice()}
          >
            <Button>
              {t(`载入 ${year} 年国务院节假日安排`, `Load the ${year} State Council arrangement`)}
            </Button>
          </Popconfirm>
        )}
        <Typography.Text type="secondary">
          <span style={{ color: '#a8071a' }}>■</span> {t('节假日', 'holiday')}{' '}
          <span style={{ color: '#003eb3' }}>■</span> {t('调休上班', 'adjusted workday')}{' '}
          <span style={{ color: '#bfbfbf' }}>■</span> {t('周末', 'weekend')}
        </Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {editable && (
        <Typography.Text type="secondary">
          {t(
            '点击日期设置节假日或调休；事件办理时限和每日督查按工作日计算。',
            'Click a day to set a holiday or an adjusted workday; event deadlines and daily checks count working days.',
          )}
        </Typography.Text>
      )}
      <Row gutter={[12, 12]}>
        {data?.months.map((month) => (
          <Col key={month.month} xs={24} sm={12} lg={8} xl={6}>
            <CalendarMonth
              month={month.month}
              workdays={month.workdays}
              exceptions={exceptions}
              editable={editable}
              onPick={setPicked}
            />
          </Col>
        ))}
      </Row>
      {picked && (
        <DayDialog
          date={picked}
          current={exceptions.get(picked)}
          onClose={() => setPicked(null)}
          onSaved={(next) => {
            setData(next);
            setPicked(null);
          }}
        />
      )}
    </Space>
  );
}

function DayDialog({
  date,
  current,
  onClose,
  onSaved,
}: {
  date: string;
  current: CalendarException | undefined;
  onClose(): void;
  onSaved(next: WorkingCalendarYear): void;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<{ kind: CalendarDayKind; name: string }>();
  const [error, setError] = useState('');
  const weekend = isWeekend(date);
  // A weekday can only become a holiday, a weekend day only a worked day.
  const kind: CalendarDayKind = weekend ? 'workday' : 'holiday';

  async function save(values: { name: string }) {
    try {
      onSaved(
        await api.put<WorkingCalendarYear>(`/api/working-calendar/days/${date}`, { kind, name: values.name }),
      );
    } catch (caught) {
      setError(failureText(caught, t));
    }
  }
  async function clear() {
    try {
      onSaved(await api.del<WorkingCalendarYear>(`/api/working-calendar/days/${date}`));
    } catch (caught) {
      setError(failureText(caught, t));
    }
  }

  return (
    <Modal
      open
      title={date}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: current?.name ?? '' }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item label={t('类型', 'Kind')}>
          <Radio.Group
            value={kind}
            options={[
              {
                value: kind,
                label: weekend
                  ? t('调休上班（周末上班）', 'Adjusted workday (weekend worked)')
                  : t('节假日（工作日放假）', 'Public holiday (weekday off)'),
              },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('名称', 'Name')}
          rules={[{ required: true, message: t('请填写名称，如“国庆节”', 'Give a name, e.g. National Day') }]}
        >
          <Input
            maxLength={60}
            placeholder={
              weekend
                ? t('如：国庆节调休上班', 'e.g. National Day make-up day')
                : t('如：国庆节', 'e.g. National Day')
            }
          />
        </Form.Item>
      </Form>
      {current && (
        <Button danger onClick={() => void clear()}>
          {t('恢复为普通日', 'Clear this day')}
        </Button>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
