// The session's QR code: the field app's check-in address with the session's token, drawn in the
// browser (npm `qrcode`); and the printable page that hangs at the door of the training room.
import { useEffect, useState } from 'react';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import { TRAINING_KIND_LABELS, type TrainingSession } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { QrCodeImage } from '../../app/qr-code-image.js';
import { failureText } from '../../app/keyset-list.js';
import { checkInUrl, whenOf } from './training-labels.js';

export function TrainingQrCode({ session, size }: { session: TrainingSession; size: number }) {
  const { t } = useLocale();
  return <QrCodeImage url={checkInUrl(session)} size={size} testId="training-qr" alt={t(`扫码签到：${session.topic}`, `Scan to sign in: ${session.topic}`)} />;
}

/** /daily/training/:id/qr — a page to print: topic, time, place and a large code. */
export function TrainingQrPrintPage() {
  const { locale, t } = useLocale();
  const { id = '' } = useParams();
  const [session, setSession] = useState<TrainingSession | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.get<TrainingSession>(`/api/training/sessions/${id}`).then(setSession, (caught: unknown) => setError(failureText(caught, t)));
  }, [id, t]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!session) return <Skeleton active />;
  return (
    <div className="training-qr-print" style={{ textAlign: 'center', padding: 24, background: '#fff' }}>
      <style>{'@media print { .no-print { display: none !important; } }'}</style>
      <Typography.Title level={2}>{session.topic}</Typography.Title>
      <Typography.Paragraph style={{ fontSize: 18 }}>
        {TRAINING_KIND_LABELS[session.kind][locale]} · {whenOf(session)} · {session.place}
      </Typography.Paragraph>
      {session.signInToken ? (
        <TrainingQrCode session={session} size={420} />
      ) : (
        <Alert type="info" showIcon title={t('只有组织单位能打印签到码', 'Only the organiser prints the sign-in code')} />
      )}
      <Typography.Paragraph style={{ fontSize: 18, marginTop: 16 }}>
        {t('请用手机扫码，在网格员移动端点击“签到”', 'Scan with your phone and tap 签到 in the field app')}
      </Typography.Paragraph>
      <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
        {t('打印', 'Print')}
      </Button>
    </div>
  );
}
