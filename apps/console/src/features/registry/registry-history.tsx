// The change history of a person or a record, newest first: who changed what, from what to what,
// and why (sealed fields stay masked, as the server keeps them).
import { Card, Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  GENDER_LABELS,
  ID_TYPE_LABELS,
  PERSON_STATUS_LABELS,
  PERSON_TAG_LABELS,
  RESIDENCE_STATUS_LABELS,
  type Locale,
} from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';

export interface HistoryEntry {
  readonly version: number;
  readonly action: string;
  readonly reason: string | null;
  readonly actor: string | null;
  readonly changes: Readonly<Record<string, unknown>>;
  readonly at: string;
}

const ACTION_LABELS: Readonly<Record<string, [string, string]>> = {
  created: ['登记', 'Registered'],
  imported: ['导入', 'Imported'],
  updated: ['修改', 'Changed'],
  moved_out: ['迁出', 'Moved out'],
  deceased: ['死亡', 'Deceased'],
  active: ['恢复在册', 'Back in use'],
};

export const FIELD_LABELS: Readonly<Record<string, [string, string]>> = {
  name: ['姓名/名称', 'Name'],
  gridId: ['网格', 'Grid'],
  path: ['所在网格', 'Place'],
  gender: ['性别', 'Gender'],
  ethnicity: ['民族', 'Ethnicity'],
  birthDate: ['出生日期', 'Birth date'],
  idType: ['证件类型', 'Document type'],
  idNumber: ['证件号码', 'Document number'],
  phone: ['联系电话', 'Phone'],
  hukouPlace: ['户籍地', 'Registration place'],
  address: ['地址', 'Address'],
  residenceStatus: ['人口类型', 'Residence status'],
  tags: ['人员标签', 'Tags'],
  status: ['状态', 'Status'],
  category: ['类别', 'Category'],
  state: ['状态', 'State'],
  stateReason: ['原因', 'Reason'],
  key: ['编号', 'Key'],
  lon: ['经度', 'Longitude'],
  lat: ['纬度', 'Latitude'],
  contactName: ['联系人', 'Contact'],
  contactPhone: ['联系电话', 'Contact phone'],
  legalRepresentative: ['法定代表人', 'Legal representative'],
  staffCount: ['从业人数', 'Staff'],
  verifiedAt: ['核实时间', 'Verified'],
};

const HIDDEN = new Set(['gridId', 'verifiedAt', 'members', 'stateReason']);

type Labels = Readonly<Record<string, Readonly<Record<Locale, string>>>>;

/** Values the server keeps as codes, in words: a person's, or the kind's categories and states. */
const PERSON_VALUE_LABELS: Readonly<Record<string, Labels>> = {
  status: PERSON_STATUS_LABELS,
  residenceStatus: RESIDENCE_STATUS_LABELS,
  tags: PERSON_TAG_LABELS,
  gender: GENDER_LABELS,
  idType: ID_TYPE_LABELS,
};

function shown(
  field: string,
  value: unknown,
  locale: Locale,
  valueLabels: Readonly<Record<string, Labels>>,
): string {
  if (value === null || value === undefined || value === '') return '—';
  const labels = valueLabels[field] ?? PERSON_VALUE_LABELS[field];
  const word = (item: unknown) =>
    labels && typeof item === 'string' && Object.hasOwn(labels, item) ? labels[item]![locale] : String(item);
  if (Array.isArray(value)) return value.length > 0 ? value.map(word).join('、') : '—';
  return word(value);
}

export function HistoryCard({
  entries,
  stateLabel,
  valueLabels = {},
}: {
  entries: readonly HistoryEntry[] | null;
  stateLabel?: (state: string) => string | undefined;
  valueLabels?: Readonly<Record<string, Labels>>;
}) {
  const { locale, t } = useLocale();
  const pick = (pair: [string, string] | undefined, fallback: string) =>
    pair ? (locale === 'zh-CN' ? pair[0] : pair[1]) : fallback;
  return (
    <Card title={t('变更记录', 'History')} loading={entries === null}>
      {entries && entries.length === 0 ? (
        <Empty description={t('没有变更记录', 'No changes yet')} />
      ) : (
        <Timeline
          items={[...(entries ?? [])].reverse().map((entry) => {
            const diffs =
              entry.action === 'created' || (entry.action === 'imported' && entry.version === 1)
                ? []
                : Object.entries(entry.changes).filter(
                    ([field, value]) => !HIDDEN.has(field) && Array.isArray(value) && value.length === 2,
                  );
            const label = ACTION_LABELS[entry.action]
              ? pick(ACTION_LABELS[entry.action], entry.action)
              : (stateLabel?.(entry.action) ?? entry.action);
            return {
              color:
                entry.action === 'deceased' || entry.action === 'moved_out'
                  ? 'gray'
                  : entry.version === 1
                    ? 'green'
                    : 'blue',
              content: (
                <div data-testid="history-entry">
                  <Typography.Text strong>{label}</Typography.Text>
                  <Typography.Text type="secondary">
                    {' · '}
                    {dayjs(entry.at).format('YYYY-MM-DD HH:mm')} · {entry.actor ?? t('系统', 'System')}
                  </Typography.Text>
                  {diffs.map(([field, value]) => {
                    const [before, after] = value as [unknown, unknown];
                    return (
                      <div key={field}>
                        {pick(FIELD_LABELS[field], field)}：{shown(field, before, locale, valueLabels)} →{' '}
                        {shown(field, after, locale, valueLabels)}
                      </div>
                    );
                  })}
                  {entry.reason && (
                    <div>
                      {t('原因：', 'Reason: ')}
                      {entry.reason}
                    </div>
                  )}
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
