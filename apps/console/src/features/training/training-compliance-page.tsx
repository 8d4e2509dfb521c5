// 培训达标: who is short of the county's training rules in a year (per person and rule: required,
// attended, short by, the periods missed), totals per township and village, and the Excel export.
import { useEffect, useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ROLE_LABELS,
  can,
  TRAINING_KINDS,
  TRAINING_KIND_LABELS,
  TRAINING_PERIOD_LABELS,
  TRAINING_RULE_AUDIENCE_LABELS,
  type TrainingCompliance,
  type TrainingShortPerson,
  type TrainingUnitTotals,
} from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { downloadFile } from '../registry/registry-list.js';
import { PlacePicker } from '../registry/registry-territory.js';
import { useUser } from '../auth/auth.js';
import { TrainingRulesButton } from './training-rules-modal.js';

type Rule = TrainingShortPerson['rules'][number];

/** The filter a chosen unit sets: a township, or a village (community, resident group); the county and grids set none. */
function levelOf(kind: string): 'township' | 'village' | null {
  if (kind === 'township') return 'township';
  return kind === 'village' || kind === 'community' || kind === 'resident_group' ? 'village' : null;
}

export function TrainingCompliancePage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [year, setYear] = useState<Dayjs>(dayjs());
  const [place, setPlace] = useState<{ id: string; code: string; kind: string } | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [data, setData] = useState<TrainingCompliance | null>(null);
  const [error, setError] = useState('');
  const [reloads, setReloads] = useState(0);
  const user = useUser();
  const query: Record<string, string> = {
    year: year.format('YYYY'),
    ...(place ? { [place.kind === 'township' ? 'township' : 'village']: place.code } : {}),
    ...(kind ? { kind } : {}),
  };
  const key = JSON.stringify(query);

  useEffect(() => {
    let alive = true;
    setData(null);
    setError('');
    api.get<TrainingCompliance>('/api/training/compliance', JSON.parse(key) as Record<string, string>).then(
      (answer) => alive && setData(answer),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [key, t, reloads]);

  const ruleText = (rule: Pick<Rule, 'kind' | 'minimum' | 'per'>) =>
    t(
      `${TRAINING_KIND_LABELS[rule.kind][locale]} ${TRAINING_PERIOD_LABELS[rule.per][locale]}至少 ${rule.minimum} 次`,
      `${TRAINING_KIND_LABELS[rule.kind][locale]}: at least ${rule.minimum} ${TRAINING_PERIOD_LABELS[rule.per][locale]}`,
    );

  return (
    <Card
      title={t('培训达标', 'Training compliance')}
      extra={
        <Space>
          {can(user.role, 'training.rules.manage') && data && (
            <TrainingRulesButton onSaved={() => setReloads((n) => n + 1)} />
          )}
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile(
                '/api/training/compliance.xlsx',
                JSON.parse(key) as Record<string, string>,
                locale,
                `training-compliance-${query['year']}.xlsx`,
              ).catch((caught: unknown) => message.error(failureText(caught, t)))
            }
          >
            {t('导出 Excel', 'Export to Excel')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker
          picker="year"
          allowClear={false}
          aria-label={t('年度', 'Year')}
          value={year}
          onChange={(value) => value && setYear(value)}
        />
        <PlacePicker
          aria-label={t('乡镇/村', 'Township / village')}
          placeholder={t('全部乡镇和村', 'All townships and villages')}
          value={place?.id ?? null}
          onChange={(id, unit) =>
            setPlace(
              id && unit && levelOf(unit.kind)
                ? { id, code: unit.code, kind: levelOf(unit.kind) ?? '' }
                : null,
            )
          }
        />
        <Select
          allowClear
          aria-label={t('培训类别', 'Kind')}
          placeholder={t('全部类别', 'All kinds')}
          style={{ width: 180 }}
          value={kind}
          onChange={(value: string | undefined) => setKind(value ?? null)}
          options={TRAINING_KINDS.map((value) => ({ value, label: TRAINING_KIND_LABELS[value][locale] }))}
        />
      </Space>
      {data && (
        <Typography.Paragraph type="secondary">
          {t('要求：', 'Rules: ')}
          {data.rules
            .map((rule) => `${TRAINING_RULE_AUDIENCE_LABELS[rule.audience][locale]} ${ruleText(rule)}`)
            .join(t('；', '; '))}
          {t(
            `（统计至 ${data.asOf}，共 ${data.people} 人，未达标 ${data.short.length} 人）`,
            ` (as of ${data.asOf}: ${data.people} people, ${data.short.length} short)`,
          )}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5}>{t('按乡镇和村（社区）', 'By township and village')}</Typography.Title>
      <Table<TrainingUnitTotals>
        rowKey="path"
        size="small"
        loading={data === null && !error}
        dataSource={data?.units ?? []}
        pagination={false}
        columns={[
          {
            title: t('单位', 'Unit'),
            dataIndex: 'name',
            render: (name: string, row) =>
              row.level === 'village' ? (
                <span style={{ paddingLeft: 16 }}>{name}</span>
              ) : (
                <strong>{name}</strong>
              ),
          },
          { title: t('应培训人数', 'People'), dataIndex: 'people', align: 'right' as const },
          { title: t('未达标人数', 'Short'), dataIndex: 'short', align: 'right' as const },
          { title: t('差培训次数', 'Trainings missing'), dataIndex: 'shortBy', align: 'right' as const },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('未达标人员', 'Who is short')}
      </Typography.Title>
      <Table<TrainingShortPerson>
        rowKey="accountId"
        size="small"
        loading={data === null && !error}
        dataSource={data?.short ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('姓名', 'Name'), dataIndex: 'name' },
          {
            title: t('身份', 'Role'),
            dataIndex: 'role',
            render: (role: TrainingShortPerson['role']) => ROLE_LABELS[role][locale],
          },
          { title: t('乡镇', 'Township'), dataIndex: 'townshipName' },
          {
            title: t('村（社区）/部门', 'Village / department'),
            key: 'unit',
            render: (_: unknown, row) => row.villageName || row.departmentName || '—',
          },
          {
            title: t('未达标项（已参加/应参加）', 'Short of (attended / required)'),
            dataIndex: 'rules',
            render: (rules: Rule[]) => (
              <Space orientation="vertical" size={2}>
                {rules.map((rule) => (
                  <span key={`${rule.kind}-${rule.per}`}>
                    {ruleText(rule)}：{rule.attended}/{rule.required}{' '}
                    <Tag color="red">{t(`差 ${rule.shortBy} 次`, `short by ${rule.shortBy}`)}</Tag>
                    {rule.periods
                      .filter((period) => period.shortBy > 0)
                      .map((period) => (
                        <Tag key={period.key} color={period.ended ? 'default' : 'blue'}>
                          {period.key}
                          {period.ended ? '' : t('（进行中）', ' (open)')}
                        </Tag>
                      ))}
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
