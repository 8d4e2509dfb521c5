// 生成通报 on demand (county): pick a month, and while the server recomputes the month's scores
// and writes the two files, show that it is working and for how long.
import { useEffect, useState } from 'react';
import { FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Progress, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { shanghaiDate, type Bulletin } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

/** What a generation usually takes; the bar creeps towards 95% over it and waits for the answer. */
const TYPICAL_SECONDS = 8;

export function BulletinGenerate({ onWritten }: { onWritten(bulletin: Bulletin): void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(shanghaiDate(Date.now())).subtract(1, 'month'));
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState('');

  useEffect(() => {
    if (startedAt === null) return undefined;
    const timer = window.setInterval(() => setElapsed((Date.now() - startedAt) / 1000), 250);
    return () => window.clearInterval(timer);
  }, [startedAt]);

  const generate = () => {
    setError('');
    setElapsed(0);
    setStartedAt(Date.now());
    api
      .post<Bulletin>('/api/bulletins', { period: month.format('YYYY-MM') })
      .then(
        (bulletin) => {
          message.success(t(`已生成：${bulletin.title}`, `Written: ${bulletin.title}`));
          onWritten(bulletin);
        },
        (caught: unknown) => setError(failureText(caught, t)),
      )
      .finally(() => setStartedAt(null));
  };

  const busy = startedAt !== null;
  const percent = Math.min(95, Math.round(95 * (1 - Math.exp(-elapsed / TYPICAL_SECONDS))));
  return (
    <Space orientation="vertical" style={{ display: 'flex' }} data-testid="bulletin-generate">
      <Space wrap>
        <Typography.Text>{t('通报月份', 'Month')}</Typography.Text>
        <DatePicker picker="month" allowClear={false} aria-label={t('通报月份', 'Month of the bulletin')} value={month} disabled={busy} disabledDate={(day) => day.isAfter(dayjs(), 'month')} onChange={(value) => value && setMonth(value)} />
        <Button type="primary" icon={<FileWordOutlined />} loading={busy} onClick={generate}>
          {t('生成通报', 'Write bulletin')}
        </Button>
      </Space>
      {busy && (
        <div role="status" aria-live="polite" data-testid="bulletin-progress">
          <Progress percent={percent} status="active" showInfo={false} />
          <Typography.Text type="secondary">
            {t(`正在重新计算本月考核得分并生成 Word 和 Excel 文件……已用时 ${Math.floor(elapsed)} 秒`, `Recomputing the month’s scores and writing the Word and Excel files… ${Math.floor(elapsed)} s so far`)}
          </Typography.Text>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
