// One event: everything about it, its photos, the current step with its deadline and cards, the
// full timeline, and the steps the caller may take now (the server says which).
import { useCallback, useEffect, useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Image,
  Row,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import {
  CARD_LEVEL_LABELS,
  EVENT_ACTION_LABELS,
  EVENT_STATUS_LABELS,
  EVENT_STEP_LABELS,
  ROLE_LABELS,
  type EventAction,
  type EventTimelineEntry,
  type EventView,
  type Role,
} from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { timeLeft } from './catalogue.js';
import { EventActionModal } from './event-action-modal.js';
import { useLocale } from '../../app/i18n.js';
import { STATUS_COLOURS } from './events-page.js';

const DANGEROUS: readonly EventAction[] = ['reject', 'return', 'verify_fail'];

export function EventDetailPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const [event, setEvent] = useState<EventView | null>(null);
  const [timeline, setTimeline] = useState<EventTimelineEntry[]>([]);
  const [error, setError] = useState('');
  const [action, setAction] = useState<EventAction | null>(null);

  const load = useCallback(async () => {
    try {
      const [view, entries] = await Promise.all([
        api.get<EventView>(`/api/events/${id}`),
        api.get<{ items: EventTimelineEntry[] }>(`/api/events/${id}/timeline`),
      ]);
      setEvent(view);
      setTimeline(entries.items);
      setError('');
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught.message : t('加载失败，请重试', 'Could not load; try again'),
      );
    }
  }, [id, t]);

  useEffect(() => {
    void load();
  }, [load]);

  // The keyboard works the event: 1–9 take the offered steps in order, Backspace goes back.
  useEffect(() => {
    function onKey(keyEvent: KeyboardEvent) {
      const target = keyEvent.target as HTMLElement | null;
      if (
        action ||
        (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable))
      )
        return;
      if (keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey) return;
      const index = Number(keyEvent.key) - 1;
      const chosen = Number.isInteger(index) && index >= 0 ? event?.actions[index] : undefined;
      if (chosen) {
        keyEvent.preventDefault();
        setAction(chosen);
      } else if (keyEvent.key === 'Backspace') {
        keyEvent.preventDefault();
        navigate(-1);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [event, action, navigate]);

  if (error)
    return (
      <Card>
        <Alert
          type="error"
          showIcon
          title={error}
          action={<Button onClick={() => navigate(-1)}>{t('返回', 'Back')}</Button>}
        />
      </Card>
    );
  if (!event)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );

  const step = event.step;
  const left = step ? timeLeft(step.deadline, Date.now(), locale) : null;
  const actionLabel = (name: string) =>
    Object.hasOwn(EVENT_ACTION_LABELS, name) ? EVENT_ACTION_LABELS[name as EventAction][locale] : name;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('返回', 'Back')}
              onClick={() => navigate(-1)}
            />
            <span>{event.title}</span>
            <Tag color={STATUS_COLOURS[event.status]} data-testid="event-status">
              {EVENT_STATUS_LABELS[event.status][locale]}
            </Tag>
            {event.escalated && <Tag color="volcano">{t('已上报县级', 'Escalated')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {event.actions.map((name, index) => (
              <Button
                key={name}
                type={DANGEROUS.includes(name) ? 'default' : 'primary'}
                danger={DANGEROUS.includes(name)}
                onClick={() => setAction(name)}
                title={t(`快捷键 ${index + 1}`, `Shortcut ${index + 1}`)}
              >
                {index < 9 && (
                  <kbd aria-hidden="true" style={{ fontSize: 11, opacity: 0.7, marginRight: 4 }}>
                    {index + 1}
                  </kbd>
                )}
                {actionLabel(name)}
              </Button>
            ))}
          </Space>
        }
      >
        {step && left && (
          <Alert
            style={{ marginBottom: 16 }}
            type={left.overdue ? 'error' : 'info'}
            showIcon
            title={
              <Space wrap>
                <span>{EVENT_STEP_LABELS[step.step][locale]}</span>
                <span>
                  {t('时限', 'due')} {dayjs(step.deadline).format('YYYY-MM-DD HH:mm')}
                </span>
                <Typography.Text type={left.overdue ? 'danger' : undefined} strong>
                  {left.text}
                </Typography.Text>
                {step.cards.map((level) => (
                  <Tag key={level} color={level === 'red' ? 'red' : 'gold'} data-testid={`card-${level}`}>
                    {CARD_LEVEL_LABELS[level][locale]}
                  </Tag>
                ))}
              </Space>
            }
          />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('事件编号', 'Number')}>
            <Typography.Text copyable>{event.id}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('类别', 'Category')}>{event.categoryName}</Descriptions.Item>
          <Descriptions.Item label={t('网格', 'Grid')}>{event.gridName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('地址', 'Address')}>{event.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('位置', 'Location')}>
            {event.lon !== null && event.lat !== null
              ? `${event.lon.toFixed(5)}, ${event.lat.toFixed(5)}`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('上报人', 'Reporter')}>
            {event.reporter?.displayName ?? (event.source === 'public' ? t('群众', 'The public') : '—')}
          </Descriptions.Item>
          <Descriptions.Item label={t('主办部门', 'Lead department')}>
            {event.leadDepartment?.name ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('协办部门', 'Assisting')}>
            {event.assistingDepartments.map((department) => department.name).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('上报时间', 'Reported')}>
            {dayjs(event.reportedAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label={t('结案时间', 'Closed')}>
            {event.closedAt ? dayjs(event.closedAt).format('YYYY-MM-DD HH:mm') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('描述', 'Description')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {event.description}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('办理过程', 'Timeline')}>
            <Timeline
              items={timeline.map((entry) => ({
                color:
                  entry.action === 'reject' || entry.action === 'return' || entry.action === 'verify_fail'
                    ? 'red'
                    : entry.toStatus === 'closed'
                      ? 'green'
                      : 'blue',
                content: (
                  <div data-testid="timeline-entry">
                    <Typography.Text strong>{actionLabel(entry.action)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {' '}
                      · {dayjs(entry.at).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                    <div>
                      {entry.actor
                        ? `${entry.actor.displayName}（${Object.hasOwn(ROLE_LABELS, entry.actor.role) ? ROLE_LABELS[entry.actor.role as Role][locale] : entry.actor.role}）`
                        : t('系统', 'System')}
                      {' → '}
                      {EVENT_STATUS_LABELS[entry.toStatus][locale]}
                    </div>
                    {entry.note && (
                      <div>
                        {t('说明：', 'Note: ')}
                        {entry.note}
                      </div>
                    )}
                    {typeof entry.details['result'] === 'string' && (
                      <div>
                        {t('结果：', 'Result: ')}
                        {entry.details['result']}
                      </div>
                    )}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('照片', 'Photos')}>
            {event.photos.length === 0 ? (
              <Empty description={t('没有照片', 'No photos')} />
            ) : (
              <Image.PreviewGroup>
                <Space wrap>
                  {event.photos.map((photo) => (
                    <Image
                      key={`${photo.id}-${photo.stage}`}
                      src={photo.url}
                      width={120}
                      height={120}
                      style={{ objectFit: 'cover' }}
                      alt={actionLabel(photo.stage)}
                    />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
          </Card>
        </Col>
      </Row>
      {action && (
        <EventActionModal
          event={event}
          action={action}
          onClose={() => setAction(null)}
          onDone={(view) => {
            setAction(null);
            setEvent(view);
            void load();
          }}
        />
      )}
    </Space>
  );
}
