// 考核指标: every unit of a kind (villages, townships, departments, grid workers) with each
// indicator of a month or a year — the rate with its numerator and denominator, the formula in
// the column's tooltip, 样本不足 when too few cases to rank — the facts behind a figure in a
// drawer, and the same table as an Excel workbook. A department's leader sees his department only.
import { useEffect, useState } from 'react';
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { INDICATORS, shanghaiDate, type AssessedUnitKind, type IndicatorRow, type IndicatorTable } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { useUser } from '../auth/auth.js';
import { downloadFile } from '../registry/registry-list.js';
import { PlacePicker } from '../registry/registry-territory.js';
import { PeriodPicker, UnitKindSelect } from './assessment-period-picker.js';
import { IndicatorFactsDrawer, type FactsTarget } from './indicator-facts-drawer.js';
import { FigureCell, columnExtremes } from './indicator-figure.js';

const KIND_LABELS: Record<AssessedUnitKind, [string, string]> = {
  village: ['村（社区）', 'Villages'],
  township: ['乡镇', 'Townships'],
  department: ['部门', 'Departments'],
  grid_worker: ['网格员', 'Grid workers'],
};
const UNIT_COLUMN: Record<AssessedUnitKind, [string, string]> = {
  village: ['村（社区）', 'Village'],
  township: ['乡镇', 'Township'],
  department: ['部门', 'Department'],
  grid_worker: ['网格员', 'Grid worker'],
};

export function IndicatorsPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const user = useUser();
  const departmentOnly = user.role === 'dept_leader';
  const [mode, setMode] = useState<'month' | 'year'>('month');
  const [date, setDate] = useState<Dayjs>(() => dayjs(shanghaiDate(Date.now())));
  const [unitKind, setUnitKind] = useState<AssessedUnitKind>(departmentOnly ? 'department' : 'village');
  const [place, setPlace] = useState<string | null>(null);
  const [data, setData] = useState<IndicatorTable | null>(null);
  const [error, setError] = useState('');
  const [facts, setFacts] = useState<FactsTarget | null>(null);
  const period = date.format(mode === 'month' ? 'YYYY-MM' : 'YYYY');
  const query: Record<string, string> = { period, unitKind, ...(place && !departmentOnly ? { orgUnitId: place } : {}) };
  const key = JSON.stringify(query);

  useEffect(() => {
    let alive = true;
    setData(null);
    setError('');
    api.get<IndicatorTable>('/api/assessment/indicators', JSON.parse(key) as Record<string, string>).then(
      (answer) => alive && setData(answer),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [key, t]);

  const shown = data && data.unitKind === unitKind && data.period === period ? data : null;
  const columns: ColumnsType<IndicatorRow> = [
    { title: t(...UNIT_COLUMN[unitKind]), dataIndex: 'unitName', fixed: 'left', width: 210 },
    ...(unitKind === 'township' ? [] : [{ title: t('所属', 'Belongs to'), dataIndex: 'parentName', width: 110, render: (name: string | null) => name ?? '—' }]),
    ...(shown?.indicators ?? []).map((code) => {
      const extremes = columnExtremes(shown?.rows ?? [], code);
      return {
        key: code,
        align: 'right' as const,
        width: 128,
        title: (
          <Tooltip title={INDICATORS[code].formula[locale]}>
            <span>
              {INDICATORS[code].name[locale]} <QuestionCircleOutlined style={{ color: '#8c8c8c' }} aria-hidden />
            </span>
          </Tooltip>
        ),
        render: (_: unknown, row: IndicatorRow) => (
          <FigureCell figure={row.figures[code]} code={code} extremes={extremes} t={t} onOpen={() => setFacts({ unitId: row.unitId, unitName: row.unitName, code })} />
        ),
      };
    }),
  ];

  return (
    <Card
      title={t('考核指标', 'Assessment indicators')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void downloadFile('/api/assessment/indicators/export.xlsx', query, locale, `indicators-${unitKind}-${period}.xlsx`).catch((caught: unknown) =>
              message.error(failureText(caught, t)),
            )
          }
        >
          {t('导出 Excel', 'Export to Excel')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <PeriodPicker mode={mode} date={date} onMode={setMode} onDate={setDate} />
        <UnitKindSelect value={unitKind} onChange={setUnitKind} departmentOnly={departmentOnly} labels={KIND_LABELS} />
        {!departmentOnly && (
          <PlacePicker aria-label={t('乡镇/村', 'Township / village')} placeholder={t('全部乡镇和村', 'All townships and villages')} value={place} onChange={(id) => setPlace(id)} />
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {shown && (
        <Typography.Paragraph type="secondary">
          {t(
            `${shown.from} 至 ${shown.to}；比率低于 ${shown.minCases} 件（人、次）的标为“样本不足”，不参与排名。点击数值查看明细。`,
            `${shown.from} to ${shown.to}; a rate over fewer than ${shown.minCases} cases is marked too few to rank. Click a figure for the facts behind it.`,
          )}
        </Typography.Paragraph>
      )}
      <Table<IndicatorRow>
        rowKey="unitId"
        size="small"
        loading={shown === null && !error}
        dataSource={shown?.rows ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      />
      <IndicatorFactsDrawer period={period} unitKind={unitKind} target={facts} onClose={() => setFacts(null)} />
    </Card>
  );
}
