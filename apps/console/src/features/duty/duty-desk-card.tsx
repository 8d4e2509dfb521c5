// On the desk of the person on duty today: "今天您值班 · 签到", one click to check in, and the
// time once checked in. Nothing shows for someone not on today's roster. It is a full-width
// column of the desk's grid.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { can, type DutyToday } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

export function DutyDeskCard() {
  const user = useUser();
  const { t } = useLocale();
  const [today, setToday] = useState<DutyToday | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const mayCheckIn = can(user.role, 'duty.check_in');

  useEffect(() => {
    if (mayCheckIn) api.get<DutyToday>('/api/duty/today').then(setToday, () => setToday(null));
  }, [mayCheckIn]);

  if (!today || today.entries.length === 0) return null;
  const checkedInAt = today.entries.find((entry) => entry.checkedInAt)?.checkedInAt ?? null;
  const where = today.entries.map((entry) => `${entry.unitName} · ${entry.slotName}`).join('，');

  async function checkIn() {
    setBusy(true);
    setError('');
    try {
      setToday(await api.post<DutyToday>('/api/duty/check-in'));
    } catch (caught) {
      setError(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Col span={24}>
      <Card
        data-testid="duty-desk-card"
        style={{
          borderColor: checkedInAt ? '#b7eb8f' : '#ffd591',
          background: checkedInAt ? '#f6ffed' : '#fff7e6',
        }}
      >
        <Space wrap size="large" align="center">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('今天您值班', 'You are on duty today')}
          </Typography.Text>
          <Typography.Text>{where}</Typography.Text>
          {checkedInAt ? (
            <Typography.Text type="success" data-testid="duty-checked-in">
              {t(
                `已于 ${dayjs(checkedInAt).format('HH:mm')} 签到`,
                `Checked in at ${dayjs(checkedInAt).format('HH:mm')}`,
              )}
            </Typography.Text>
          ) : (
            <Button type="primary" loading={busy} onClick={() => void checkIn()}>
              {t('签到', 'Check in')}
            </Button>
          )}
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Card>
    </Col>
  );
}
