// A training session: what, when, where, who is invited, its materials, its QR code for the
// field app (with a printable view) and the sign-in sheet; organisers change, cancel or delete it.
import { useCallback, useEffect, useState } from 'react';
import { ArrowLeftOutlined, EditOutlined, PaperClipOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ROLE_LABELS, TRAINING_KIND_LABELS, TRAINING_STATUS_LABELS, type TrainingSession } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { TrainingQrCode } from './training-qr.js';
import { TRAINING_STATUS_COLORS, whenOf } from './training-labels.js';
import { TrainingSignInSheet } from './training-sign-in-sheet.js';

export function TrainingSessionPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [session, setSession] = useState<TrainingSession | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(() => {
    api.get<TrainingSession>(`/api/training/sessions/${id}`).then(setSession, (caught: unknown) => setError(failureText(caught, t)));
  }, [id, t]);
  useEffect(load, [load]);

  if (error && !session) return <Alert type="error" showIcon title={error} />;
  if (!session) return <Skeleton active />;
  // The token comes only to the session's organisers.
  const manages = session.signInToken !== null;

  async function setStatus(status: TrainingSession['status']) {
    try {
      setSession(await api.patch<TrainingSession>(`/api/training/sessions/${id}`, { version: session?.version, status }));
    } catch (caught) {
      message.error(failureText(caught, t));
    }
  }
  async function remove() {
    try {
      await api.del(`/api/training/sessions/${id}`);
      navigate('/daily/training');
    } catch (caught) {
      message.error(failureText(caught, t));
    }
  }

  const audience = [
    ...session.audience.roles.map((role) => ROLE_LABELS[role][locale]),
    ...(session.audience.orgPaths.length > 0 ? [t(`${session.audience.orgPaths.length} 个单位`, `${session.audience.orgPaths.length} unit(s)`)] : []),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('返回', 'Back')} onClick={() => navigate('/daily/training')} />
            {session.topic}
            <Tag color={TRAINING_STATUS_COLORS[session.status]}>{TRAINING_STATUS_LABELS[session.status][locale]}</Tag>
          </Space>
        }
        extra={
          manages && (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => navigate(`/daily/training/${id}/edit`)}>{t('修改', 'Edit')}</Button>
              {session.status !== 'cancelled' ? (
                <Popconfirm title={t('取消这次培训？签到不再计入达标', 'Cancel this session? Its attendance stops counting')} onConfirm={() => void setStatus('cancelled')}>
                  <Button danger>{t('取消培训', 'Cancel')}</Button>
                </Popconfirm>
              ) : (
                <Button onClick={() => void setStatus('planned')}>{t('恢复', 'Restore')}</Button>
              )}
              {session.attendanceCount === 0 && (
                <Popconfirm title={t('删除这次培训？', 'Delete this session?')} onConfirm={() => void remove()}>
                  <Button danger type="text">{t('删除', 'Delete')}</Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      >
        <Row gutter={24}>
          <Col flex="auto">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('类别', 'Kind')}>{TRAINING_KIND_LABELS[session.kind][locale]}</Descriptions.Item>
              <Descriptions.Item label={t('时间', 'When')}>{whenOf(session)}</Descriptions.Item>
              <Descriptions.Item label={t('地点', 'Place')}>{session.place}</Descriptions.Item>
              <Descriptions.Item label={t('授课人', 'Trainer')}>{session.trainer}</Descriptions.Item>
              <Descriptions.Item label={t('组织单位', 'Organiser')}>{session.organiserName}</Descriptions.Item>
              <Descriptions.Item label={t('参训对象', 'Invited')}>{audience.length > 0 ? audience.join('、') : t('全部', 'Everyone')}</Descriptions.Item>
              <Descriptions.Item label={t('培训材料', 'Materials')} span={2}>
                {session.materials.length === 0 ? '—' : (
                  <Space wrap>
                    {session.materials.map((file) => (
                      <a key={file.id} href={file.url} download={file.name}>
                        <PaperClipOutlined /> {file.name}
                      </a>
                    ))}
                  </Space>
                )}
              </Descriptions.Item>
            </Descriptions>
          </Col>
          {manages && session.status !== 'cancelled' && (
            <Col flex="220px" style={{ textAlign: 'center' }}>
              <TrainingQrCode session={session} size={180} />
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {t('网格员手机扫码签到（仅限培训当天）', 'Workers scan to sign in (on the day only)')}
              </Typography.Paragraph>
              <Button size="small" icon={<PrinterOutlined />} onClick={() => window.open(`/daily/training/${id}/qr`, '_blank')}>
                {t('打印签到码', 'Print the code')}
              </Button>
            </Col>
          )}
        </Row>
      </Card>
      <Card title={t(`签到表（${session.attendanceCount} 人）`, `Sign-in sheet (${session.attendanceCount})`)}>
        <TrainingSignInSheet session={session} manages={manages} onChanged={load} />
      </Card>
    </Space>
  );
}
