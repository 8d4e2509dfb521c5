// The sign-in sheet (签到表): pick the accounts present from the trainees of the organiser's area
// (the invited ones first, searchable by name), then one all-or-nothing request; the table shows
// who came and how (sheet or QR code).
import { useEffect, useState } from 'react';
import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import {
  ATTENDANCE_METHOD_LABELS,
  ROLE_LABELS,
  shanghaiDate,
  type RecordAttendanceResult,
  type TrainingAttendance,
  type TrainingInvitee,
  type TrainingSession,
} from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

export function TrainingSignInSheet({ session, manages, onChanged }: { session: TrainingSession; manages: boolean; onChanged: () => void }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [attendance, setAttendance] = useState<TrainingAttendance[] | null>(null);
  const [invitees, setInvitees] = useState<TrainingInvitee[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    api.get<{ items: TrainingAttendance[] }>(`/api/training/sessions/${session.id}/attendance`).then(
      ({ items }) => setAttendance(items),
      (caught: unknown) => setError(failureText(caught, t)),
    );
    if (manages)
      void api.get<{ items: TrainingInvitee[] }>(`/api/training/sessions/${session.id}/invitees`).then(({ items }) => setInvitees(items), () => undefined);
  }, [session.id, manages, reloads, t]);

  async function mark() {
    setBusy(true);
    setError('');
    try {
      const result = await api.post<RecordAttendanceResult>(`/api/training/sessions/${session.id}/attendance`, { accountIds: picked });
      message.success(t(`已登记 ${result.added} 人${result.alreadyPresent ? `，${result.alreadyPresent} 人此前已签到` : ''}`, `${result.added} marked present${result.alreadyPresent ? `, ${result.alreadyPresent} already were` : ''}`));
      setPicked([]);
      setReloads((n) => n + 1);
      onChanged();
    } catch (caught) {
      setError(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  const options = [...invitees]
    .filter((invitee) => !invitee.present)
    .sort((a, b) => Number(b.invited) - Number(a.invited))
    .map((invitee) => ({
      value: invitee.accountId,
      label: `${invitee.name}（${invitee.unitName || ROLE_LABELS[invitee.role][locale]}）${invitee.invited ? '' : t(' · 未邀请', ' · not invited')}`,
    }));

  return (
    <>
      {manages && session.status !== 'cancelled' && session.date > shanghaiDate(Date.now()) && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(`培训当天（${session.date}）起可登记签到`, `Attendance can be recorded from the day of the session (${session.date})`)} />
      )}
      {manages && session.status !== 'cancelled' && session.date <= shanghaiDate(Date.now()) && (
        <Space.Compact style={{ width: '100%', maxWidth: 760, marginBottom: 16 }}>
          <Select
            mode="multiple"
            allowClear
            showSearch
            optionFilterProp="label"
            aria-label={t('选择到场人员', 'Pick who is present')}
            placeholder={t('输入姓名搜索，选择到场人员', 'Type a name and pick who is present')}
            style={{ flex: 1 }}
            value={picked}
            onChange={setPicked}
            options={options}
          />
          <Button type="primary" icon={<CheckOutlined />} disabled={picked.length === 0} loading={busy} onClick={() => void mark()}>
            {t('登记签到', 'Mark present')}
          </Button>
        </Space.Compact>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<TrainingAttendance>
        rowKey="accountId"
        size="small"
        loading={attendance === null && !error}
        dataSource={attendance ?? []}
        pagination={false}
        columns={[
          { title: t('姓名', 'Name'), dataIndex: 'accountName' },
          { title: t('单位', 'Unit'), dataIndex: 'unitName' },
          { title: t('身份', 'Role'), dataIndex: 'role', render: (role: TrainingAttendance['role']) => ROLE_LABELS[role][locale] },
          { title: t('签到方式', 'How'), dataIndex: 'how', render: (how: TrainingAttendance['how']) => <Tag color={how === 'qr' ? 'blue' : 'default'}>{ATTENDANCE_METHOD_LABELS[how][locale]}</Tag> },
          { title: t('签到时间', 'At'), dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
          { title: t('登记人', 'Recorded by'), dataIndex: 'recordedByName' },
        ]}
      />
    </>
  );
}
