// One household, house, organisation, place or facility: its card, edit and verification (confirmed
// as it stands; a correction is an edit first), the members of a household or house, and the
// history of changes.
import { useCallback, useEffect, useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { RECORD_KIND_DEFINITIONS, can, type RecordKind, type RecordView } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { RECORD_SEGMENTS } from '../events/catalogue.js';
import { useLocale } from '../../app/i18n.js';
import { RecordFormModal } from './record-form-modal.js';
import { RecordMembersCard } from './record-members.js';
import { HistoryCard, type HistoryEntry } from './registry-history.js';
import { failureText } from './registry-list.js';
import { usePlaceNames } from './registry-territory.js';
import { stateColour } from './records-page.js';

export function RecordDetailPage({ kind }: { kind: RecordKind }) {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const definition = RECORD_KIND_DEFINITIONS[kind];
  const segment = RECORD_SEGMENTS[kind];
  const [record, setRecord] = useState<RecordView | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
  const placeName = usePlaceNames(record ? [record.path] : []);
  const mayWrite = can(user.role, 'person.write');

  const load = useCallback(async () => {
    try {
      const [view, changes] = await Promise.all([
        api.get<RecordView>(`/api/${segment}/${id}`),
        api.get<{ items: HistoryEntry[] }>(`/api/${segment}/${id}/history`),
      ]);
      setRecord(view);
      setHistory(changes.items);
      setError('');
    } catch (caught) {
      setError(failureText(caught, t));
    }
  }, [segment, id, t]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error && !record)
    return (
      <Card>
        <Alert
          type="error"
          showIcon
          title={error}
          action={
            <Button onClick={() => navigate(`/registry/${segment}`)}>
              {t('返回列表', 'Back to the list')}
            </Button>
          }
        />
      </Card>
    );
  if (!record)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );

  function verify(current: RecordView) {
    modal.confirm({
      title: t('确认信息无误？', 'Confirm the record is right?'),
      content: t(
        '复核记为“信息无误”。如有错误，请先修改再复核。',
        'Recorded as verified as it stands. If something is wrong, edit it first.',
      ),
      okText: t('确认复核', 'Verify'),
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        try {
          const verified = await api.post<RecordView>(`/api/${segment}/${current.id}/verify`, {
            version: current.version,
            outcome: 'confirmed',
          });
          setRecord(verified);
          void message.success(t('已复核', 'Verified'));
        } catch (caught) {
          void message.error(failureText(caught, t));
          if (caught instanceof ApiError && caught.status === 409) void load();
        }
      },
    });
  }

  const label = definition.label[locale];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('返回', 'Back')}
              onClick={() => navigate(-1)}
            />
            <span>{record.name}</span>
            <Tag>{label}</Tag>
            <Tag color={stateColour(record.state)} data-testid="record-state">
              {definition.states[record.state]?.[locale] ?? record.state}
            </Tag>
          </Space>
        }
        extra={
          mayWrite && (
            <Space>
              <Button type="primary" onClick={() => setEditing(true)}>
                {t('修改', 'Edit')}
              </Button>
              <Button onClick={() => verify(record)}>{t('复核', 'Verify')}</Button>
            </Space>
          )
        }
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('类别', 'Category')}>
            {definition.categories[record.category]?.[locale] ?? record.category}
          </Descriptions.Item>
          {definition.key && (
            <Descriptions.Item label={definition.key.label[locale]}>
              {record.key ? (
                <Typography.Text code copyable>
                  {record.key}
                </Typography.Text>
              ) : (
                '—'
              )}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('村（社区）/网格', 'Village / grid')}>
            {placeName(record.path)}
          </Descriptions.Item>
          <Descriptions.Item label={t('地址', 'Address')}>{record.address ?? '—'}</Descriptions.Item>
          {kind === 'organisation' && (
            <Descriptions.Item label={t('法定代表人', 'Legal representative')}>
              {record.legalRepresentative ?? '—'}
            </Descriptions.Item>
          )}
          {kind === 'organisation' && (
            <Descriptions.Item label={t('从业人数', 'Staff')}>{record.staffCount ?? '—'}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('联系人', 'Contact')}>{record.contactName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('联系电话', 'Contact phone')}>
            {record.contactPhone ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('位置', 'Location')}>
            {record.lon !== null && record.lat !== null
              ? `${record.lon.toFixed(5)}, ${record.lat.toFixed(5)}`
              : '—'}
          </Descriptions.Item>
          {record.stateReason && (
            <Descriptions.Item label={t('状态原因', 'State reason')}>{record.stateReason}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('最后核实', 'Last verified')}>
            {record.verifiedAt ? dayjs(record.verifiedAt).format('YYYY-MM-DD HH:mm') : t('未核实', 'Never')}
          </Descriptions.Item>
          <Descriptions.Item label={t('更新时间', 'Updated')}>
            {dayjs(record.updatedAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        {definition.members && (
          <Col xs={24} lg={14}>
            <RecordMembersCard
              kind={kind}
              recordId={record.id}
              mayWrite={mayWrite}
              onSaved={() => void load()}
            />
          </Col>
        )}
        <Col xs={24} lg={definition.members ? 10 : 24}>
          <HistoryCard
            entries={history}
            stateLabel={(state) => definition.states[state]?.[locale]}
            valueLabels={{ state: definition.states, category: definition.categories }}
          />
        </Col>
      </Row>
      {editing && (
        <RecordFormModal
          kind={kind}
          record={record}
          onClose={() => {
            setEditing(false);
            void load();
          }}
          onSaved={(saved) => {
            setEditing(false);
            setRecord(saved);
            void load();
          }}
        />
      )}
    </Space>
  );
}
