// The grid map's frame: Leaflet arrives on first use (see map-leaflet.ts); the map is redrawn when
// the data changes and removed when the page is left.
import { useEffect, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import { useNavigate } from 'react-router';
import type { MapEvent, MapGrid } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';

interface MapViewProps {
  readonly grids: readonly MapGrid[];
  readonly events: readonly MapEvent[];
  readonly tileUrl: string | null;
  readonly onTilesFailed: () => void;
}

export function MapView({ grids, events, tileUrl, onTilesFailed }: MapViewProps) {
  const { t } = useLocale();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const tilesFailed = useRef(onTilesFailed);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  tilesFailed.current = onTilesFailed;

  useEffect(() => {
    let alive = true;
    let remove: (() => void) | null = null;
    import('./map-leaflet.js').then(
      ({ drawGridMap }) => {
        if (!alive || !container.current) return;
        remove = drawGridMap(container.current, {
          grids,
          events,
          tileUrl,
          words: {
            open: t('办理中', 'Open'),
            overdue: t('已超时', 'Overdue'),
            village: t('村（社区）', 'Village'),
            openEvent: t('办理中', 'Open'),
            overdueEvent: t('已超时', 'Overdue'),
          },
          openEvent: (id) => navigate(`/events/${id}`),
          onTilesFailed: () => tilesFailed.current(),
        });
        setReady(true);
      },
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
      remove?.();
    };
  }, [grids, events, tileUrl, t, navigate]);

  if (failed)
    return (
      <Alert
        type="error"
        showIcon
        title={t('地图加载失败，请刷新页面', 'The map could not load; reload the page')}
      />
    );
  return (
    <div style={{ position: 'relative', height: 'calc(100vh - 300px)', minHeight: 420 }}>
      <div
        ref={container}
        data-testid="grid-map"
        style={{ height: '100%', background: '#f3f5f8', borderRadius: 4 }}
      />
      {!ready && (
        <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
          <Spin />
        </div>
      )}
    </div>
  );
}
