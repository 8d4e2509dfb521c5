// One information report: its content, photos and attachments, where it stands (adopted at which
// level, or returned with which note), its history, and the actions open to the reader — the
// township edits, submits or withdraws; the county adopts (or raises the level) or returns.
import { useCallback, useEffect, useState } from 'react';
import { ArrowLeftOutlined, EditOutlined, PaperClipOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Image, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import {
  INFO_REPORT_ACTION_LABELS,
  INFO_REPORT_CATEGORY_LABELS,
  INFO_REPORT_LEVEL_LABELS,
  INFO_REPORT_STATUS_LABELS,
  can,
  infoReportActions,
  isInfoReportEditable,
  type InfoReport,
} from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { STATUS_COLORS } from './info-report-files.js';
import { InfoReportReviewModal } from './info-report-review-modal.js';

const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

export function InfoReportDetailPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const user = useUser();
  const navigate = useNavigate();
  const [report, setReport] = useState<InfoReport | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [review, setReview] = useState<'adopt' | 'return' | null>(null);

  const load = useCallback(() => {
    api.get<InfoReport>(`/api/info-reports/${id}`).then(setReport, (caught: unknown) => setError(failureText(caught, t)));
  }, [id, t]);
  useEffect(load, [load]);

  if (error && !report) return <Alert type="error" showIcon title={error} />;
  if (!report) return <Skeleton active />;
  const isAuthor = can(user.role, 'info_report.write') && user.orgPath === report.path;
  const authorActions = isAuthor ? infoReportActions(report, 'author') : [];
  const reviewerActions = can(user.role, 'info_report.review') ? infoReportActions(report, 'reviewer') : [];

  async function act(action: 'submit' | 'withdraw') {
    if (!report) return;
    setBusy(true);
    try {
      setReport(await api.post<InfoReport>(`/api/info-reports/${report.id}/${action}`, { version: report.version }));
      message.success(action === 'submit' ? t('已提交县中心', 'Submitted to the county') : t('已撤回为草稿', 'Withdrawn to draft'));
    } catch (caught) {
      message.error(failureText(caught, t));
      load();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={
        <Space wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('返回', 'Back')} onClick={() => navigate('/daily/info-reports')} />
          {report.title}
          <Tag color={STATUS_COLORS[report.status]} data-testid="report-status">
            {INFO_REPORT_STATUS_LABELS[report.status][locale]}
          </Tag>
          {report.level && <Tag color="gold">{INFO_REPORT_LEVEL_LABELS[report.level][locale]}</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          {isAuthor && isInfoReportEditable(report.status) && (
            <Button icon={<EditOutlined />} onClick={() => navigate(`/daily/info-reports/${report.id}/edit`)}>
              {t('修改', 'Edit')}
            </Button>
          )}
          {authorActions.includes('submit') && (
            <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={() => void act('submit')}>
              {t('提交', 'Submit')}
            </Button>
          )}
          {authorActions.includes('withdraw') && (
            <Button icon={<RollbackOutlined />} loading={busy} onClick={() => void act('withdraw')}>
              {t('撤回', 'Withdraw')}
            </Button>
          )}
          {reviewerActions.includes('adopt') && (
            <Button type="primary" onClick={() => setReview('adopt')}>
              {report.level ? t('提高采用级别', 'Raise the level') : t('采用', 'Adopt')}
            </Button>
          )}
          {reviewerActions.includes('return') && (
            <Button danger onClick={() => setReview('return')}>
              {t('退回', 'Return')}
            </Button>
          )}
        </Space>
      }
    >
      {report.status === 'returned' && report.returnedNote && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t(`县中心退回意见：${report.returnedNote}`, `Returned by the county: ${report.returnedNote}`)} />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('乡镇', 'Township')}>{report.townshipName}</Descriptions.Item>
        <Descriptions.Item label={t('类别', 'Category')}>{INFO_REPORT_CATEGORY_LABELS[report.category][locale]}</Descriptions.Item>
        <Descriptions.Item label={t('撰写人', 'Author')}>{report.authorName}</Descriptions.Item>
        <Descriptions.Item label={t('优秀网格员', 'Exemplary grid worker')}>{report.subjectName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('首次提交', 'First submitted')}>{when(report.firstSubmittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('采用时间', 'Adopted')}>{when(report.adoptedAt)}</Descriptions.Item>
      </Descriptions>
      <Typography style={{ maxWidth: 860, marginBottom: 16 }}>
        {report.body.split(/\n\s*\n/).map((paragraph, index) => (
          <Typography.Paragraph key={index} style={{ whiteSpace: 'pre-wrap' }}>
            {paragraph}
          </Typography.Paragraph>
        ))}
      </Typography>
      {report.photos.length > 0 && (
        <div style={{ marginBottom: 16 }} data-testid="report-photos">
          <Image.PreviewGroup>
            <Space wrap>
              {report.photos.map((photo, index) => (
                <Image key={photo.id} src={photo.url} width={160} height={120} style={{ objectFit: 'cover', borderRadius: 4 }} alt={t(`照片 ${index + 1}`, `Photo ${index + 1}`)} />
              ))}
            </Space>
          </Image.PreviewGroup>
        </div>
      )}
      {report.attachments.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('附件：', 'Attachments: ')}</Typography.Text>
          <Space direction="vertical">
            {report.attachments.map((file) => (
              <a key={file.id} href={file.url} download={file.name}>
                <PaperClipOutlined /> {file.name}（{Math.max(1, Math.round(file.bytes / 1024))} KB）
              </a>
            ))}
          </Space>
        </div>
      )}
      <Typography.Title level={5}>{t('办理记录', 'History')}</Typography.Title>
      <Timeline
        items={report.history.map((entry) => ({
          color: entry.action === 'return' ? 'red' : entry.action === 'adopt' ? 'green' : 'blue',
          content: (
            <span>
              {when(entry.at)} {entry.actorName} {INFO_REPORT_ACTION_LABELS[entry.action][locale]}
              {entry.level && entry.action === 'adopt' ? `（${INFO_REPORT_LEVEL_LABELS[entry.level][locale]}）` : ''}
              {entry.note ? `：${entry.note}` : ''}
            </span>
          ),
        }))}
      />
      {review && (
        <InfoReportReviewModal
          report={report}
          action={review}
          onClose={() => setReview(null)}
          onDone={(done) => {
            setReview(null);
            setReport(done);
          }}
        />
      )}
    </Card>
  );
}
