// 阵地建设: every sub-center (township) and village station in my territory with its latest
// inspection — the five items as coloured tags, the day checked, never inspected or overdue — and
// an inspection form; a unit's row opens its inspection history.
import { useEffect, useState } from 'react';
import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Empty, Image, List, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { STATION_ITEMS, STATION_ITEM_LABELS, STATION_ITEM_STATE_LABELS, can, type StationInspection, type StationStatus } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { InspectionFormModal } from './inspection-form-modal.js';
import { StationSettingsModal } from './station-settings-modal.js';
import { ITEM_STATE_COLORS } from './station-labels.js';

type UnitRow = StationStatus['units'][number];
type Show = 'all' | 'attention' | 'never' | 'stale' | 'not_met';

export function StationsPage() {
  const { locale, t } = useLocale();
  const user = useUser();
  const [data, setData] = useState<StationStatus | null>(null);
  const [error, setError] = useState('');
  const [reloads, setReloads] = useState(0);
  const [show, setShow] = useState<Show>('all');
  const [inspecting, setInspecting] = useState<UnitRow | null>(null);
  const [history, setHistory] = useState<{ unit: UnitRow; items: StationInspection[] | null } | null>(null);
  const mayWrite = can(user.role, 'station.write');
  const maySet = can(user.role, 'station.settings.manage');
  const [setting, setSetting] = useState(false);

  useEffect(() => {
    let alive = true;
    setError('');
    api.get<StationStatus>('/api/stations/status').then(
      (answer) => alive && setData(answer),
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [reloads, t]);

  function openHistory(unit: UnitRow) {
    setHistory({ unit, items: null });
    api.get<{ items: StationInspection[] }>('/api/stations/inspections', { unitId: unit.unitId }).then(
      (answer) => setHistory({ unit, items: answer.items }),
      (caught: unknown) => setError(failureText(caught, t)),
    );
  }

  const rows = (data?.units ?? []).filter((row) => (show === 'all' ? true : show === 'never' ? row.never : show === 'stale' ? row.stale : show === 'not_met' ? row.notMet.length > 0 : row.never || row.stale || row.notMet.length > 0));

  return (
    <Card
      title={t('阵地建设', 'Station standards')}
      extra={
        <Space>
          {maySet && (
            <Button icon={<SettingOutlined />} onClick={() => setSetting(true)}>
              {t('设置', 'Settings')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} aria-label={t('刷新', 'Refresh')} onClick={() => setReloads((count) => count + 1)} />
        </Space>
      }
    >
      {setting && (
        <StationSettingsModal
          onClose={() => setSetting(false)}
          onSaved={() => {
            setSetting(false);
            setReloads((count) => count + 1);
          }}
        />
      )}
      {data && (
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          <Statistic title={t('分中心和工作站', 'Sub-centers and stations')} value={data.summary.units} />
          <Statistic title={t('有未达标项', 'With items not met')} value={data.summary.withItemsNotMet} valueStyle={{ color: '#cf1322' }} />
          <Statistic title={t('从未检查', 'Never inspected')} value={data.summary.never} />
          <Statistic title={t(`超过 ${data.staleDays} 天未检查`, `Not checked for over ${data.staleDays} days`)} value={data.summary.stale} valueStyle={{ color: '#d48806' }} />
          <Select<Show>
            aria-label={t('显示', 'Show')}
            value={show}
            onChange={setShow}
            style={{ width: 170 }}
            options={[
              { value: 'all', label: t('全部单位', 'All units') },
              { value: 'attention', label: t('需关注的单位', 'Needing attention') },
              { value: 'not_met', label: t('有未达标项', 'Items not met') },
              { value: 'never', label: t('从未检查', 'Never inspected') },
              { value: 'stale', label: t('检查已过期', 'Overdue') },
            ]}
          />
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<UnitRow>
        rowKey="unitId"
        size="small"
        loading={data === null && !error}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t('没有单位', 'No units')} /> }}
        columns={[
          { title: t('乡镇', 'Township'), dataIndex: 'townshipName', width: 110 },
          {
            title: t('单位', 'Unit'),
            key: 'unit',
            width: 170,
            render: (_, row) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => openHistory(row)}>
                {row.unitKind === 'township' ? `${row.unitName}${t('分中心', ' sub-center')}` : row.unitName}
              </Button>
            ),
          },
          ...STATION_ITEMS.map((item) => ({
            title: STATION_ITEM_LABELS[item][locale],
            key: item,
            width: 96,
            render: (_: unknown, row: UnitRow) => {
              const found = row.items.find((candidate) => candidate.item === item);
              return found ? <Tag color={ITEM_STATE_COLORS[found.state]}>{STATION_ITEM_STATE_LABELS[found.state][locale]}</Tag> : <Typography.Text type="secondary">—</Typography.Text>;
            },
          })),
          {
            title: t('最近检查', 'Last checked'),
            key: 'last',
            width: 150,
            render: (_, row) =>
              row.never ? (
                <Tag>{t('从未检查', 'Never')}</Tag>
              ) : (
                <Space size={4}>
                  <span>{row.lastCheckedOn}</span>
                  {row.stale && <Tag color="orange">{t('已过期', 'Overdue')}</Tag>}
                </Space>
              ),
          },
          { title: t('检查人', 'Checked by'), key: 'by', width: 130, render: (_, row) => row.lastCheckedBy?.name ?? '' },
          ...(mayWrite
            ? [
                {
                  title: t('操作', 'Actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, row: UnitRow) => (
                    <Button size="small" onClick={() => setInspecting(row)}>
                      {t('检查', 'Inspect')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {inspecting && (
        <InspectionFormModal
          unit={{ id: inspecting.unitId, name: inspecting.unitName }}
          onClose={() => setInspecting(null)}
          onSaved={() => {
            setInspecting(null);
            setReloads((count) => count + 1);
          }}
        />
      )}
      <Drawer open={history !== null} width={560} title={`${t('检查记录', 'Inspections')} · ${history?.unit.unitName ?? ''}`} onClose={() => setHistory(null)}>
        <List<StationInspection>
          loading={history?.items === null}
          dataSource={history?.items ?? []}
          locale={{ emptyText: t('还没有检查记录', 'No inspections yet') }}
          renderItem={(inspection) => (
            <List.Item>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>
                  {inspection.checkedOn} · {inspection.checkedBy.name}
                </Typography.Text>
                {inspection.note && <Typography.Text>{inspection.note}</Typography.Text>}
                {inspection.items.map((item) => (
                  <Space key={item.item} wrap size={6}>
                    <span style={{ display: 'inline-block', width: 40 }}>{STATION_ITEM_LABELS[item.item][locale]}</span>
                    <Tag color={ITEM_STATE_COLORS[item.state]}>{STATION_ITEM_STATE_LABELS[item.state][locale]}</Tag>
                    {item.note && <Typography.Text type="secondary">{item.note}</Typography.Text>}
                    {item.photoIds.map((id) => (
                      <Image key={id} src={`/api/photos/${id}`} width={36} height={36} style={{ objectFit: 'cover' }} alt={STATION_ITEM_LABELS[item.item][locale]} />
                    ))}
                  </Space>
                ))}
              </Space>
            </List.Item>
          )}
        />
      </Drawer>
    </Card>
  );
}
