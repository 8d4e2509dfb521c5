// One person: the card (ID number and phone masked until an audited unmask), the steps the role may
// take (edit, verify, moving out or death), the history of changes, the households and houses the
// person belongs to, and the assistance and special-population records the role may read.
import { useCallback, useEffect, useState } from 'react';
import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ASSISTANCE_KIND_LABELS,
  GENDER_LABELS,
  ID_TYPE_LABELS,
  PERSON_STATUS_LABELS,
  PERSON_TAG_LABELS,
  RECORD_KIND_DEFINITIONS,
  RESIDENCE_STATUS_LABELS,
  SPECIAL_POPULATION_CATEGORY_LABELS,
  can,
  type AssistanceView,
  type PersonTag,
  type PersonView,
  type RecordKind,
  type SpecialPopulationView,
} from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { RECORD_SEGMENTS } from '../events/catalogue.js';
import { useLocale } from '../../app/i18n.js';
import { PersonStatusModal, UnmaskModal, VerifyPersonModal, type PlainDocument } from './person-actions.js';
import { PersonFormModal } from './person-form-modal.js';
import { HistoryCard, type HistoryEntry } from './registry-history.js';
import { failureText } from './registry-list.js';
import { usePlaceNames } from './registry-territory.js';
import { PersonVisits } from '../visits/person-visits.js';

const RISK_LABELS: Readonly<Record<string, [string, string, string]>> = {
  low: ['低', 'Low', 'green'],
  medium: ['中', 'Medium', 'orange'],
  high: ['高', 'High', 'red'],
};
type Step = 'edit' | 'verify' | 'status' | 'unmask';

export function PersonDetailPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const [person, setPerson] = useState<PersonView | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [links, setLinks] = useState<
    { recordId: string; kind: RecordKind; name: string; relation: string }[]
  >([]);
  const [assistance, setAssistance] = useState<AssistanceView[] | null>(null);
  const [specials, setSpecials] = useState<SpecialPopulationView[] | null>(null);
  const [plain, setPlain] = useState<PlainDocument | null>(null);
  const [error, setError] = useState('');
  const [step, setStep] = useState<Step | null>(null);
  const placeName = usePlaceNames(person ? [person.path] : []);
  const maySpecial = can(user.role, 'person.special');
  const mayWrite = can(user.role, 'person.write');

  const load = useCallback(async () => {
    try {
      const view = await api.get<PersonView>(`/api/persons/${id}`);
      setPerson(view);
      setError('');
      const [changes, records, helps, special] = await Promise.all([
        api.get<{ items: HistoryEntry[] }>(`/api/persons/${id}/history`),
        api.get<{ items: { recordId: string; kind: RecordKind; name: string; relation: string }[] }>(
          `/api/persons/${id}/records`,
        ),
        api.get<{ items: AssistanceView[] }>(`/api/persons/${id}/assistance`),
        maySpecial
          ? api.get<{ items: SpecialPopulationView[] }>(`/api/persons/${id}/special-populations`)
          : Promise.resolve({ items: [] }),
      ]);
      setHistory(changes.items);
      setLinks(records.items);
      setAssistance(helps.items);
      setSpecials(special.items);
    } catch (caught) {
      setError(failureText(caught, t));
    }
  }, [id, t, maySpecial]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error && !person)
    return (
      <Card>
        <Alert
          type="error"
          showIcon
          title={error}
          action={
            <Button onClick={() => navigate('/registry/persons')}>
              {t('返回人员列表', 'Back to people')}
            </Button>
          }
        />
      </Card>
    );
  if (!person)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );

  const done = (view: PersonView) => {
    setStep(null);
    setPerson(view);
    setPlain(null);
    void load();
  };
  const relationLabel = (kind: RecordKind, relation: string) =>
    RECORD_KIND_DEFINITIONS[kind].members?.relations[relation]?.[locale] ?? relation;

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
            <span data-testid="person-name">{person.name}</span>
            <Tag color="blue">{RESIDENCE_STATUS_LABELS[person.residenceStatus][locale]}</Tag>
            <Tag color={person.status === 'active' ? 'green' : 'default'} data-testid="person-status">
              {PERSON_STATUS_LABELS[person.status][locale]}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {can(user.role, 'person.unmask') && !plain && (
              <Button icon={<EyeOutlined />} onClick={() => setStep('unmask')}>
                {t('查看完整信息', 'Show in full')}
              </Button>
            )}
            {mayWrite && person.status === 'active' && (
              <>
                <Button type="primary" onClick={() => setStep('edit')}>
                  {t('修改', 'Edit')}
                </Button>
                <Button onClick={() => setStep('verify')}>{t('复核', 'Verify')}</Button>
              </>
            )}
            {mayWrite && (
              <Button danger={person.status === 'active'} onClick={() => setStep('status')}>
                {person.status === 'active' ? t('迁出/死亡', 'Moved out / died') : t('恢复在册', 'Restore')}
              </Button>
            )}
          </Space>
        }
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('证件类型', 'Document')}>
            {ID_TYPE_LABELS[person.idType][locale]}
          </Descriptions.Item>
          <Descriptions.Item label={t('证件号码', 'Number')}>
            <Typography.Text
              code
              data-testid="person-id-number"
              copyable={plain?.idNumber ? { text: plain.idNumber } : false}
            >
              {plain ? (plain.idNumber ?? '—') : (person.idNumber ?? '—')}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('联系电话', 'Phone')}>
            <span data-testid="person-phone">{plain ? (plain.phone ?? '—') : (person.phone ?? '—')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('性别', 'Gender')}>
            {person.gender ? GENDER_LABELS[person.gender][locale] : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('出生日期', 'Birth date')}>{person.birthDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('民族', 'Ethnicity')}>{person.ethnicity ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('村（社区）/网格', 'Village / grid')}>
            {placeName(person.path)}
          </Descriptions.Item>
          <Descriptions.Item label={t('户籍地', 'Registration place')}>
            {person.hukouPlace ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('现住址', 'Address')}>{person.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('人员标签', 'Tags')}>
            {person.tags.length === 0
              ? '—'
              : person.tags.map((tag) => (
                  <Tag key={tag} color="gold">
                    {Object.hasOwn(PERSON_TAG_LABELS, tag)
                      ? PERSON_TAG_LABELS[tag as PersonTag][locale]
                      : tag}
                  </Tag>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('最后核实', 'Last verified')}>
            <span data-testid="person-verified">
              {person.verifiedAt ? dayjs(person.verifiedAt).format('YYYY-MM-DD HH:mm') : t('未核实', 'Never')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('更新时间', 'Updated')}>
            {dayjs(person.updatedAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
        </Descriptions>
        {plain && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={t(
              '正在显示完整信息，本次查看已记入审计日志。',
              'Shown in full; this view is on the audit trail.',
            )}
            action={
              <Button size="small" onClick={() => setPlain(null)}>
                {t('隐藏', 'Hide')}
              </Button>
            }
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <HistoryCard entries={history} />
        </Col>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('所属户和房屋', 'Households and houses')}>
              <List
                locale={{
                  emptyText: (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={t('未列入任何户或房屋', 'Not in any household or house')}
                    />
                  ),
                }}
                dataSource={links}
                renderItem={(link) => (
                  <List.Item>
                    <Link to={`/registry/${RECORD_SEGMENTS[link.kind]}/${link.recordId}`}>{link.name}</Link>
                    <Space>
                      <Tag>{RECORD_KIND_DEFINITIONS[link.kind].label[locale]}</Tag>
                      {relationLabel(link.kind, link.relation)}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
            <Card title={t('帮扶记录', 'Assistance')} loading={assistance === null}>
              <Table<AssistanceView>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={assistance ?? []}
                locale={{
                  emptyText: (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={t('没有帮扶记录', 'No assistance')}
                    />
                  ),
                }}
                columns={[
                  {
                    title: t('类型', 'Kind'),
                    dataIndex: 'kind',
                    render: (kind: AssistanceView['kind']) => ASSISTANCE_KIND_LABELS[kind][locale],
                  },
                  { title: t('措施', 'Measures'), dataIndex: 'measures' },
                  {
                    title: t('起止', 'Dates'),
                    render: (_: unknown, row) => `${row.startDate} ~ ${row.endDate ?? ''}`,
                  },
                  {
                    title: t('状态', 'State'),
                    dataIndex: 'active',
                    render: (active: boolean) =>
                      active ? (
                        <Tag color="green">{t('进行中', 'Active')}</Tag>
                      ) : (
                        <Tag>{t('已结束', 'Ended')}</Tag>
                      ),
                  },
                ]}
              />
            </Card>
            {can(user.role, 'visit.read') && <PersonVisits personId={person.id} />}
            {maySpecial && (
              <Card
                title={t('特殊人群', 'Special population')}
                loading={specials === null}
                extra={
                  <Typography.Text type="secondary">
                    {t('查看已记入审计', 'Reads are audited')}
                  </Typography.Text>
                }
              >
                <Table<SpecialPopulationView>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={specials ?? []}
                  locale={{
                    emptyText: (
                      <Empty
                        image={Empty.PRESENTED_IMAGE_SIMPLE}
                        description={t('不属于特殊人群', 'Not a special population')}
                      />
                    ),
                  }}
                  columns={[
                    {
                      title: t('类别', 'Category'),
                      dataIndex: 'category',
                      render: (category: SpecialPopulationView['category']) =>
                        SPECIAL_POPULATION_CATEGORY_LABELS[category][locale],
                    },
                    {
                      title: t('风险等级', 'Risk'),
                      dataIndex: 'riskLevel',
                      render: (level: string) => (
                        <Tag color={RISK_LABELS[level]?.[2]}>
                          {locale === 'zh-CN' ? RISK_LABELS[level]?.[0] : RISK_LABELS[level]?.[1]}
                        </Tag>
                      ),
                    },
                    { title: t('管控单位', 'Supervised by'), dataIndex: 'supervisingUnit' },
                    {
                      title: t('起止', 'Dates'),
                      render: (_: unknown, row) => `${row.startDate} ~ ${row.endDate ?? ''}`,
                    },
                  ]}
                />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
      {step === 'edit' && (
        <PersonFormModal
          person={person}
          onClose={() => {
            setStep(null);
            void load();
          }}
          onSaved={done}
        />
      )}
      {step === 'verify' && <VerifyPersonModal person={person} onClose={() => setStep(null)} onDone={done} />}
      {step === 'status' && <PersonStatusModal person={person} onClose={() => setStep(null)} onDone={done} />}
      {step === 'unmask' && (
        <UnmaskModal
          person={person}
          onClose={() => setStep(null)}
          onShown={(document) => {
            setStep(null);
            setPlain(document);
          }}
        />
      )}
    </Space>
  );
}
