// 网格地图: the grids in scope coloured by their open events (green none, amber some, red with
// overdue ones) and the open events as markers, each opening its page. Tiles come from the
// server's GRIDWORK_TILE_URL; without one (or when it cannot be reached) the grids stand alone.
import { useCallback, useEffect, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import type { MapEvents, MapGrids } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { MapView } from './map-view.js';
import { useLocale } from '../../app/i18n.js';

function Swatch({ colour, label }: { colour: string; label: string }) {
  return (
    <Space size={4}>
      <span
        style={{
          display: 'inline-block',
          width: 12,
          height: 12,
          background: colour,
          opacity: 0.7,
          borderRadius: 2,
        }}
      />
      <Typography.Text type="secondary">{label}</Typography.Text>
    </Space>
  );
}

export function MapPage() {
  const { t } = useLocale();
  const [data, setData] = useState<{ grids: MapGrids; events: MapEvents } | null>(null);
  const [error, setError] = useState('');
  const [tilesFailed, setTilesFailed] = useState(false);

  const load = useCallback(async () => {
    try {
      const [grids, events] = await Promise.all([
        api.get<MapGrids>('/api/map/grids'),
        api.get<MapEvents>('/api/map/events'),
      ]);
      setData({ grids, events });
      setError('');
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught.message : t('加载失败，请重试', 'Could not load; try again'),
      );
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const onTilesFailed = useCallback(() => setTilesFailed(true), []);
  const overdue = data?.events.items.filter((event) => event.overdue).length ?? 0;

  return (
    <Card
      title={t('网格地图', 'Grid map')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {t('刷新', 'Refresh')}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!data ? (
        !error && <Skeleton active paragraph={{ rows: 10 }} />
      ) : data.grids.items.length === 0 && data.events.items.length === 0 ? (
        <Empty
          description={t(
            '范围内还没有划定边界的网格，也没有带定位的办理中事件',
            'No grids with a boundary and no located open events in scope',
          )}
        />
      ) : (
        <Space direction="vertical" size="small" style={{ width: '100%' }}>
          <Space wrap size="middle">
            <Swatch colour="#389e0d" label={t('无办理中事件', 'No open events')} />
            <Swatch colour="#d48806" label={t('有办理中事件', 'Open events')} />
            <Swatch colour="#cf1322" label={t('有超时事件', 'Overdue events')} />
            <Tag data-testid="map-counts">
              {t(
                `网格 ${data.grids.items.length} 个，事件 ${data.events.items.length} 件（超时 ${overdue}）`,
                `${data.grids.items.length} grids, ${data.events.items.length} events (${overdue} overdue)`,
              )}
            </Tag>
            {data.events.truncated && <Tag color="orange">{t('仅显示最新的事件', 'Newest events only')}</Tag>}
            {!data.grids.tileUrl && (
              <Typography.Text type="secondary">
                {t('未配置底图：仅显示网格边界', 'No base map configured: grid boundaries only')}
              </Typography.Text>
            )}
          </Space>
          {tilesFailed && (
            <Alert
              type="info"
              showIcon
              closable
              title={t(
                '底图无法加载，已切换为无底图显示',
                'The base map could not be reached; showing the grids without it',
              )}
            />
          )}
          <MapView
            grids={data.grids.items}
            events={data.events.items}
            tileUrl={data.grids.tileUrl}
            onTilesFailed={onTilesFailed}
          />
        </Space>
      )}
    </Card>
  );
}
