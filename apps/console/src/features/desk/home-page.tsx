// My desk: what waits for me now (the center's queue or the department's inbox, with how much of
// it is overdue) and my messages (dispatches, returns, near deadlines, cards), each a click away.
import { useEffect, useState } from 'react';
import { Badge, Card, Col, Empty, List, Row, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { Navigate, useNavigate } from 'react-router';
import { can, type EventListItem, type Role } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { DutyDeskCard } from '../duty/duty-desk-card.js';

interface InboxMessage {
  readonly id: string;
  readonly kind: string;
  readonly eventId: string | null;
  readonly text: string;
  readonly createdAt: string;
  readonly read: boolean;
}

const PAGE = 100;

async function countOf(query: Record<string, string | boolean>): Promise<string> {
  const answer = await api.get<{ items: EventListItem[]; nextCursor: string | null }>('/api/events', {
    ...query,
    limit: PAGE,
  });
  return answer.nextCursor ? `${PAGE}+` : String(answer.items.length);
}

function viewOf(role: Role): { view: 'center_queue' | 'department_inbox' | 'all'; path: string } {
  if (role === 'county_admin' || role === 'center_operator') return { view: 'center_queue', path: '/queue' };
  if (role === 'dept_handler' || role === 'dept_leader') return { view: 'department_inbox', path: '/inbox' };
  return { view: 'all', path: '/events' };
}

/** The desk of those who handle events; the administrators start at their own page. */
export function HomePage() {
  const user = useUser();
  if (!can(user.role, 'event.read'))
    return <Navigate to={can(user.role, 'audit.read') ? '/audit' : '/accounts'} replace />;
  return <EventDesk />;
}

function EventDesk() {
  const user = useUser();
  const { t } = useLocale();
  const navigate = useNavigate();
  const { view, path } = viewOf(user.role);
  const [counts, setCounts] = useState<{ waiting: string; overdue: string } | null>(null);
  const [messages, setMessages] = useState<InboxMessage[] | null>(null);

  useEffect(() => {
    Promise.all([countOf({ view }), countOf({ view, overdue: true })]).then(
      ([waiting, overdue]) => setCounts({ waiting, overdue }),
      () => setCounts({ waiting: '—', overdue: '—' }),
    );
    api.get<{ items: InboxMessage[] }>('/api/inbox', { limit: 10 }).then(
      (answer) => setMessages(answer.items),
      () => setMessages([]),
    );
  }, [view]);

  async function open(message: InboxMessage) {
    if (!message.read) await api.post(`/api/inbox/${message.id}/read`).catch(() => undefined);
    if (message.eventId) navigate(`/events/${message.eventId}`);
    else
      setMessages(
        (current) =>
          current?.map((item) => (item.id === message.id ? { ...item, read: true } : item)) ?? null,
      );
  }

  return (
    <Row gutter={[16, 16]}>
      <DutyDeskCard />
      <Col xs={24} md={8}>
        <Card hoverable onClick={() => navigate(path)}>
          <Statistic
            title={
              view === 'department_inbox'
                ? t('待签收和办理', 'To sign for and handle')
                : view === 'center_queue'
                  ? t('待受理和派遣', 'To accept and dispatch')
                  : t('办理中的事件', 'Open events')
            }
            value={counts?.waiting ?? '…'}
          />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card hoverable onClick={() => navigate(`${path}?overdue=true`)}>
          <Statistic
            title={t('其中已超时', 'Of which overdue')}
            value={counts?.overdue ?? '…'}
            styles={{ content: { color: counts && counts.overdue !== '0' ? '#cf1322' : undefined } }}
          />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card>
          <Statistic title={t('今天', 'Today')} value={dayjs().format('YYYY-MM-DD dddd')} />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('我的消息', 'My messages')}>
          <List<InboxMessage>
            loading={messages === null}
            dataSource={messages ?? []}
            locale={{ emptyText: <Empty description={t('没有消息', 'No messages')} /> }}
            renderItem={(message) => (
              <List.Item style={{ cursor: 'pointer' }} onClick={() => void open(message)}>
                <List.Item.Meta
                  avatar={<Badge status={message.read ? 'default' : 'processing'} />}
                  title={<Typography.Text strong={!message.read}>{message.text}</Typography.Text>}
                  description={dayjs(message.createdAt).format('YYYY-MM-DD HH:mm')}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
