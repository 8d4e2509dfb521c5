// 考核排名: the units of a kind scored with the year's scheme for a month or a year, ranked in the
// county (ties share a rank; units with too few cases are listed after, unranked). A row opens
// the facts behind its points; the county recomputes a period after late changes; the table
// exports to Excel. A reader sees the units of his area with their county ranks.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { DownloadOutlined, QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { SCORE_FORMULA, can, shanghaiDate, type AssessedUnitKind, type Ranking, type UnitScore } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { useUser } from '../auth/auth.js';
import { downloadFile } from '../registry/registry-list.js';
import { PeriodPicker, UnitKindSelect, periodOf, type PeriodMode } from './assessment-period-picker.js';
import { IndicatorFactsDrawer, type FactsTarget } from './indicator-facts-drawer.js';
import { ScoreUnitDetail } from './score-unit-detail.js';

export function RankingsPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const user = useUser();
  const departmentOnly = user.role === 'dept_leader';
  const manager = can(user.role, 'assessment.manage');
  const [mode, setMode] = useState<PeriodMode>('month');
  // Rankings read a finished month: last month unless the reader picks another.
  const [date, setDate] = useState<Dayjs>(() => dayjs(shanghaiDate(Date.now())).subtract(1, 'month'));
  const [unitKind, setUnitKind] = useState<AssessedUnitKind>(departmentOnly ? 'department' : 'village');
  const [data, setData] = useState<Ranking | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);
  const [facts, setFacts] = useState<FactsTarget | null>(null);
  const period = periodOf(date, mode);
  const query = { period, unitKind };
  const key = JSON.stringify(query);

  useEffect(() => {
    let alive = true;
    setData(null);
    setError('');
    api.get<Ranking>('/api/assessment/scores', JSON.parse(key) as Record<string, string>).then(
      (answer) => alive && setData(answer),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [key, reload, t]);

  async function recompute() {
    setBusy(true);
    try {
      await api.post('/api/assessment/scores/recompute', query);
      message.success(t('已按现行方案重新计算', 'Recomputed with the scheme in force'));
      setReload((n) => n + 1);
    } catch (caught) {
      message.error(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  const shown = data && data.unitKind === unitKind && data.period === period ? data : null;
  const columns: ColumnsType<UnitScore> = [
    {
      title: t('排名', 'Rank'),
      dataIndex: 'rank',
      width: 110,
      render: (rank: number | null) => rank ?? <Tag>{t('样本不足', 'Too few')}</Tag>,
    },
    { title: t('单位', 'Unit'), dataIndex: 'unitName' },
    ...(unitKind === 'township' ? [] : [{ title: t('所属', 'Belongs to'), dataIndex: 'parentName', render: (name: string | null) => name ?? '—' }]),
    { title: t('得分', 'Score'), dataIndex: 'score', align: 'right', width: 100, render: (score: number) => <strong>{score.toFixed(2)}</strong> },
    {
      title: t('扣分', 'Deductions'),
      key: 'deductions',
      align: 'right',
      width: 100,
      render: (_: unknown, unit: UnitScore) => {
        const total = unit.deductions.reduce((sum, deduction) => sum + deduction.points, 0);
        return total === 0 ? '—' : <Typography.Text type="danger">{Math.round(total * 100) / 100}</Typography.Text>;
      },
    },
  ];

  return (
    <Card
      title={t('考核排名', 'Scores and rankings')}
      extra={
        <Space>
          {manager && (
            <Button icon={<ReloadOutlined />} loading={busy} onClick={() => void recompute()}>
              {t('重新计算', 'Recompute')}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadFile('/api/assessment/scores/export.xlsx', query, locale, `ranking-${unitKind}-${period}.xlsx`).catch((caught: unknown) => message.error(failureText(caught, t)))}
          >
            {t('导出 Excel', 'Export to Excel')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <PeriodPicker mode={mode} date={date} onMode={setMode} onDate={setDate} noFuture />
        <UnitKindSelect value={unitKind} onChange={setUnitKind} departmentOnly={departmentOnly} />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {shown && (
        <Typography.Paragraph type="secondary" data-testid="ranking-scheme">
          {t(`按 ${shown.schemeYear} 年考核方案第 ${shown.schemeVersion} 版计算，计算时间 ${dayjs(shown.computedAt).format('YYYY-MM-DD HH:mm')}。`, `Scored with the ${shown.schemeYear} scheme, version ${shown.schemeVersion}, at ${dayjs(shown.computedAt).format('YYYY-MM-DD HH:mm')}. `)}
          <Tooltip title={SCORE_FORMULA[locale]}>
            <span>
              {t('计分办法', 'How scores are made')} <QuestionCircleOutlined aria-hidden />
            </span>
          </Tooltip>{' '}
          <Link to="/assessment/scheme">{t('查看考核方案', 'See the scheme')}</Link>
        </Typography.Paragraph>
      )}
      <Table<UnitScore>
        rowKey="unitId"
        size="small"
        loading={shown === null && !error}
        dataSource={shown?.units ?? []}
        columns={columns}
        expandable={{ expandedRowRender: (unit) => <ScoreUnitDetail period={period} unitKind={unitKind} unitId={unit.unitId} onFacts={setFacts} />, columnTitle: t('明细', 'Details') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      />
      <IndicatorFactsDrawer period={period} unitKind={unitKind} target={facts} onClose={() => setFacts(null)} />
    </Card>
  );
}
