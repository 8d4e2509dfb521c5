// 走访记录: visits flagged far from the person's house or in impossible succession, for the center
// to accept or reject; reviewed ones stay listed with their outcome.
import { useState } from 'react';
import {
  App,
  Alert,
  Button,
  Card,
  Empty,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { VISIT_FLAG_LABELS, VISIT_MET_LABELS, can, type Visit } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { PageButtons, failureText, useKeysetList } from '../../app/keyset-list.js';
import { usePlaceNames } from '../registry/registry-territory.js';

type ReviewView = 'pending' | 'flagged' | 'all';

/** What each view of the list asks the server for; the queue opens on what waits for review. */
const VIEW_QUERIES: Readonly<Record<ReviewView, Record<string, string>>> = {
  pending: { review: 'pending' },
  flagged: { flagged: 'true' },
  all: {},
};

function ReviewModal({ visit, onClose, onDone }: { visit: Visit; onClose: () => void; onDone: () => void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  async function review(outcome: 'accepted' | 'rejected') {
    setSaving(true);
    try {
      await api.post(`/api/visits/${visit.id}/review`, {
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      message.success(
        outcome === 'accepted' ? t('已认可该走访', 'Visit accepted') : t('已驳回该走访', 'Visit rejected'),
      );
      onDone();
    } catch (caught) {
      message.error(failureText(caught, t));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={t(`审核走访：${visit.personName}`, `Review the visit to ${visit.personName}`)}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button danger loading={saving} onClick={() => void review('rejected')}>
            {t('驳回', 'Reject')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => void review('accepted')}>
            {t('认可', 'Accept')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        {visit.distanceM !== null &&
          t(`走访地点距其住址 ${visit.distanceM} 米。`, `Recorded ${visit.distanceM} m from the address. `)}
        {visit.notes}
      </Typography.Paragraph>
      <Input.TextArea
        aria-label={t('审核意见', 'Note')}
        placeholder={t('审核意见（可选）', 'Note (optional)')}
        maxLength={500}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
    </Modal>
  );
}

export function VisitReviewPage() {
  const { locale, t } = useLocale();
  const user = useUser();
  const [params] = useSearchParams();
  const requested = params.get('view');
  const view: ReviewView = requested === 'flagged' || requested === 'all' ? requested : 'pending';
  const list = useKeysetList<Visit>('/api/visits', [], 20, { fixed: VIEW_QUERIES[view] });
  const placeName = usePlaceNames((list.items ?? []).map((item) => item.path));
  const [reviewing, setReviewing] = useState<Visit | null>(null);
  const mayReview = can(user.role, 'visit.review');

  return (
    <Card title={t('走访记录', 'Visits')}>
      <Segmented
        style={{ marginBottom: 16 }}
        value={view}
        onChange={(value) => list.setFilters({ view: value === 'pending' ? null : String(value) })}
        options={[
          { value: 'pending', label: t('待审核', 'Waiting for review') },
          { value: 'flagged', label: t('全部异常', 'All flagged') },
          { value: 'all', label: t('全部走访', 'All visits') },
        ]}
      />
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<Visit>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('没有符合条件的走访', 'No visits match')} /> }}
        columns={[
          {
            title: t('走访时间', 'Visited'),
            dataIndex: 'visitedAt',
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('对象', 'Person'),
            dataIndex: 'personName',
            render: (name: string, row) => <Link to={`/registry/persons/${row.personId}`}>{name}</Link>,
          },
          {
            title: t('村 / 网格', 'Village / grid'),
            dataIndex: 'path',
            render: (path: string) => placeName(path),
          },
          { title: t('网格员', 'Grid worker'), dataIndex: 'workerName' },
          {
            title: t('见到', 'Met'),
            dataIndex: 'met',
            render: (met: Visit['met']) => VISIT_MET_LABELS[met][locale],
          },
          {
            title: t('距住址', 'From address'),
            dataIndex: 'distanceM',
            render: (meters: number | null) => (meters === null ? '—' : `${meters} m`),
          },
          {
            title: t('异常', 'Flags'),
            dataIndex: 'flags',
            render: (flags: Visit['flags']) =>
              flags.map((flag) => (
                <Tag key={flag} color="orange">
                  {VISIT_FLAG_LABELS[flag][locale]}
                </Tag>
              )),
          },
          {
            title: t('审核', 'Review'),
            dataIndex: 'review',
            render: (review: Visit['review'], row) =>
              review === 'pending' ? (
                mayReview ? (
                  <Button size="small" type="primary" onClick={() => setReviewing(row)}>
                    {t('审核', 'Review')}
                  </Button>
                ) : (
                  <Tag color="gold">{t('待审核', 'Pending')}</Tag>
                )
              ) : review === 'accepted' ? (
                <Tag color="green">{t('已认可', 'Accepted')}</Tag>
              ) : review === 'rejected' ? (
                <Tag color="red">{t('已驳回', 'Rejected')}</Tag>
              ) : (
                <Tag>{t('正常', 'Normal')}</Tag>
              ),
          },
        ]}
      />
      <PageButtons list={list} />
      {reviewing && (
        <ReviewModal
          visit={reviewing}
          onClose={() => setReviewing(null)}
          onDone={() => {
            setReviewing(null);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}
