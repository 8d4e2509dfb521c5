// 培训签到: the page a session's QR code opens. It shows the session (kept on the phone once
// seen, so it still shows with no signal) and a big 签到 button; the sign-in goes through the
// outbox with its client key and the time it was made, so it works offline and lands once.
import { Button, DotLoading, ErrorBlock, List, Result, Tag } from 'antd-mobile';
import { ApiError } from '@gridwork/client';
import { ATTENDANCE_METHOD_LABELS, TRAINING_KIND_LABELS, shanghaiDate, type CheckInSession } from '@gridwork/core';
import { fieldLocale, t } from '../../app/i18n.js';
import { OfflineNote } from '../../app/offline-note.js';
import { navigate } from '../../app/router.js';
import { useCachedQuery } from '../../lib/cached-read.js';
import { flushOutbox } from '../outbox/outbox.sender.js';
import { freshOutboxFields, newClientKey, putOutboxItem } from '../outbox/outbox.store.js';
import type { TrainingCheckInItem } from '../outbox/outbox.types.js';
import { useOutbox } from '../outbox/use-outbox.js';
import './training.css';

function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString(fieldLocale(), { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
}

export function CheckInPage({ sessionId, token }: { sessionId: string; token: string }) {
  const view = useCachedQuery<CheckInSession>(sessionId && token ? `/api/training/check-in/${sessionId}` : null, { token });
  const { items } = useOutbox();
  const mine = items.find((item): item is TrainingCheckInItem => item.kind === 'training_check_in' && item.body.sessionId === sessionId);

  if (!sessionId || !token)
    return <ErrorBlock status="empty" title={t('签到码不完整', 'Incomplete sign-in code')} description={t('请重新扫描培训现场的二维码', 'Scan the code at the session again')} />;
  const session = view.data;
  const refused = view.error instanceof ApiError ? view.error : null;
  if (!session && refused) return <ErrorBlock status="default" title={t('无法签到', 'Cannot sign in')} description={refused.message} />;
  if (!session && view.loading) return <DotLoading />;

  async function signIn() {
    const key = newClientKey();
    const item: TrainingCheckInItem = {
      kind: 'training_check_in',
      ...freshOutboxFields(t(`培训签到：${session?.topic ?? ''}`, `Training sign-in: ${session?.topic ?? ''}`), key),
      body: { sessionId, token, clientKey: key, at: new Date().toISOString() },
    };
    await putOutboxItem(item);
    void flushOutbox();
  }

  const today = shanghaiDate(Date.now());
  const closed = session && (session.status === 'cancelled' || session.date !== today);
  const attended = session?.myAttendance ?? null;
  return (
    <div className="page training-check-in">
      <OfflineNote since={view.offlineSince} />
      {session ? (
        <List header={TRAINING_KIND_LABELS[session.kind][fieldLocale()]}>
          <List.Item>
            <strong className="training-topic" data-testid="training-topic">{session.topic}</strong>
          </List.Item>
          <List.Item extra={`${session.date} ${session.startTime}–${session.endTime}`}>{t('时间', 'When')}</List.Item>
          <List.Item extra={session.place}>{t('地点', 'Place')}</List.Item>
          <List.Item extra={session.trainer}>{t('授课人', 'Trainer')}</List.Item>
          {session.materials.map((file) => (
            <List.Item key={file.id} extra={<a href={file.url} download={file.name}>{t('下载', 'Download')}</a>}>
              {file.name}
            </List.Item>
          ))}
        </List>
      ) : (
        <ErrorBlock status="disconnected" title={t('离线：暂时看不到培训信息', 'Offline: the session details are not on this phone')} description={t('签到会在联网后上传', 'Your sign-in is sent when the signal returns')} />
      )}
      <div className="training-sign">
        {attended || mine ? (
          <Result
            status={mine?.state === 'attention' ? 'warning' : 'success'}
            title={<span data-testid="training-signed">{t('已签到', 'Signed in')}</span>}
            description={
              attended
                ? `${timeOf(attended.at)} · ${ATTENDANCE_METHOD_LABELS[attended.how][fieldLocale()]}`
                : mine?.state === 'sent'
                  ? `${timeOf(mine.body.at ?? mine.createdAt)} · ${t('已上传', 'Sent')}`
                  : mine?.state === 'attention'
                    ? `${t('需处理', 'Needs attention')}：${mine.message ?? ''}`
                    : `${timeOf(mine?.body.at ?? new Date().toISOString())} · ${t('待上传', 'Waiting to send')}`
            }
          />
        ) : (
          <>
            {closed && (
              <p className="training-closed">
                {session.status === 'cancelled' ? t('该培训已取消', 'This session was cancelled') : t(`只能在培训当天（${session.date}）签到`, `Sign-in is only on the day (${session.date})`)}
              </p>
            )}
            <Button block color="primary" size="large" className="training-sign-button" disabled={Boolean(closed)} onClick={() => void signIn()}>
              {t('签到', 'Sign in')}
            </Button>
          </>
        )}
        <Button block fill="none" onClick={() => navigate('/training')}>
          {t('我的培训', 'My trainings')}
          {attended || mine ? '' : ' ›'}
        </Button>
      </div>
      {session && session.status === 'cancelled' && <Tag color="default">{t('已取消', 'Cancelled')}</Tag>}
    </div>
  );
}
