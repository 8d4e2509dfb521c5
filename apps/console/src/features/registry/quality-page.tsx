// The registry's data quality per township, village and grid, as a tree: completeness of the
// fields, invalid birth dates, possible duplicates, people and records overdue for verification,
// and the accuracy the last year's verifications measured. A village can be opened on its own
// (kept in the URL).
import { useEffect, useMemo, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { QualityRow } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from './registry-list.js';
import { PlacePicker, unitAt, usePlaceNames, usePreloadPath } from './registry-territory.js';

interface TreeRow extends QualityRow {
  children?: TreeRow[];
}

/** Rows nested under their parent unit (a grid under its village, a village under its township). */
function treeOf(rows: readonly QualityRow[]): TreeRow[] {
  const nodes = new Map<string, TreeRow>(rows.map((row) => [row.path, { ...row }]));
  const roots: TreeRow[] = [];
  for (const node of nodes.values()) {
    const parentPath = node.path.replace(/[^/]+\/$/, '');
    const parent = nodes.get(parentPath);
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

function Percent({ value }: { value: number | null }) {
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const rounded = Math.round(value * 10) / 10;
  return (
    <Progress
      percent={rounded}
      size="small"
      status={rounded < 60 ? 'exception' : rounded < 90 ? 'normal' : 'success'}
      format={(percent) => `${percent}%`}
      style={{ width: 110, margin: 0 }}
      aria-label={`${rounded}%`}
    />
  );
}

export function QualityPage() {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const villageId = params.get('villageId');
  const [rows, setRows] = useState<QualityRow[] | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const [reloads, setReloads] = useState(0);
  usePreloadPath(params.get('at'));

  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError('');
    setRows(null);
    api
      .get<{ items: QualityRow[] }>('/api/persons/quality', { villageId })
      .then(
        (answer) => alive && setRows(answer.items),
        (caught: unknown) => {
          if (!alive) return;
          setRows([]);
          setError(failureText(caught, t));
        },
      )
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [villageId, reloads, t]);

  const tree = useMemo(() => treeOf(rows ?? []), [rows]);
  // The report names units by path; opening a village needs its id, found in the org tree.
  usePlaceNames(
    villageId ? [] : (rows ?? []).filter((row) => row.level === 'village').map((row) => row.path),
  );
  const levelLabel = (level: QualityRow['level']) =>
    level === 'township'
      ? t('乡镇', 'Township')
      : level === 'village'
        ? t('村（社区）', 'Village')
        : t('网格', 'Grid');
  const count = (value: number, warn = true) =>
    value > 0 && warn ? <Typography.Text type="danger">{value}</Typography.Text> : value;

  return (
    <Card
      title={t('数据质量', 'Data quality')}
      extra={
        <Space wrap>
          <PlacePicker
            id="quality-place"
            aria-label={t('辖区', 'Area')}
            value={villageId}
            placeholder={t('全部辖区', 'All my area')}
            style={{ width: 240 }}
            onChange={(id, unit) => {
              const next = new URLSearchParams();
              if (id && unit) {
                next.set('villageId', id);
                next.set('at', unit.path);
              }
              setParams(next);
            }}
          />
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('刷新', 'Refresh')}
            onClick={() => setReloads((value) => value + 1)}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(
          '完整率：电话、住址、户籍地、民族都已填写的人员占比；准确率：近一年复核中无需更正的占比。',
          'Complete: share of people with phone, address, registration place and ethnicity all filled; accuracy: share of the last year’s verifications that needed no correction.',
        )}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<TreeRow>
        rowKey="path"
        size="small"
        loading={loading}
        dataSource={tree}
        pagination={false}
        scroll={{ x: 1300 }}
        key={rows === null ? 'loading' : `${villageId ?? ''}-${reloads}`}
        expandable={{
          defaultExpandedRowKeys: (rows ?? [])
            .filter(
              (row) => row.level === 'township' || (row.level === 'village' && (rows?.length ?? 0) < 200),
            )
            .map((row) => row.path),
        }}
        locale={{
          emptyText: (
            <Empty description={t('辖区内还没有人员信息', 'No people registered in this area yet')} />
          ),
        }}
        columns={[
          {
            title: t('单位', 'Unit'),
            dataIndex: 'name',
            fixed: 'left',
            width: 250,
            render: (name: string, row) => (
              <Space size={4}>
                <Tag>{levelLabel(row.level)}</Tag>
                {row.level === 'village' && !villageId ? (
                  <Typography.Link
                    onClick={() => {
                      const unit = unitAt(row.path);
                      if (unit) setParams(new URLSearchParams({ villageId: unit.id, at: row.path }));
                    }}
                  >
                    {name}
                  </Typography.Link>
                ) : (
                  name
                )}
              </Space>
            ),
          },
          { title: t('在册人数', 'People'), dataIndex: 'people', width: 90, align: 'right' },
          {
            title: t('完整率', 'Complete'),
            width: 130,
            render: (_: unknown, row) => <Percent value={row.completeness.all} />,
          },
          {
            title: t('电话', 'Phone'),
            width: 130,
            render: (_: unknown, row) => <Percent value={row.completeness.phone} />,
          },
          {
            title: t('住址', 'Address'),
            width: 130,
            render: (_: unknown, row) => <Percent value={row.completeness.address} />,
          },
          {
            title: t('户籍地', 'Registration'),
            width: 130,
            render: (_: unknown, row) => <Percent value={row.completeness.hukouPlace} />,
          },
          {
            title: t('民族', 'Ethnicity'),
            width: 130,
            render: (_: unknown, row) => <Percent value={row.completeness.ethnicity} />,
          },
          {
            title: (
              <Tooltip
                title={t('出生日期缺失、不存在或晚于今天', 'Birth date missing, impossible or in the future')}
              >
                {t('日期无效', 'Bad dates')}
              </Tooltip>
            ),
            dataIndex: 'invalid',
            width: 90,
            align: 'right',
            render: (value: number) => count(value),
          },
          {
            title: (
              <Tooltip title={t('同一单位内姓名和出生日期相同', 'Same name and birth date in the unit')}>
                {t('疑似重复', 'Duplicates?')}
              </Tooltip>
            ),
            dataIndex: 'possibleDuplicates',
            width: 90,
            align: 'right',
            render: (value: number) => count(value),
          },
          {
            title: t('人员待复核', 'People due'),
            dataIndex: 'overdue',
            width: 100,
            align: 'right',
            render: (value: number) => count(value),
          },
          { title: t('近一年复核', 'Verifications'), dataIndex: 'verifications', width: 100, align: 'right' },
          {
            title: t('准确率', 'Accuracy'),
            width: 130,
            render: (_: unknown, row) => <Percent value={row.accuracy} />,
          },
          {
            title: t('户/房/组织/场所/部件', 'Households / houses / orgs / places / facilities'),
            width: 170,
            render: (_: unknown, row) =>
              `${row.records.household} / ${row.records.house} / ${row.records.organisation} / ${row.records.place} / ${row.records.facility}`,
          },
          {
            title: t('记录待复核', 'Records due'),
            dataIndex: 'recordsOverdue',
            width: 100,
            align: 'right',
            render: (value: number) => count(value),
          },
        ]}
      />
    </Card>
  );
}
