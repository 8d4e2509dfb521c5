// Drawing and editing a grid's boundary on the map (Leaflet with leaflet-geoman, loaded only when
// this opens): the neighbouring grids of the village are shown grey for reference, the grid's own
// polygon can be reshaped vertex by vertex or drawn anew; the server checks the polygon and says
// what is wrong with it (too few points, crossing edges, overlap).
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import L from 'leaflet';
import '@geoman-io/leaflet-geoman-free';
import 'leaflet/dist/leaflet.css';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import type { Grid } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';

type Polygon = NonNullable<Grid['boundary']>;

const toLatLngs = (polygon: Polygon) =>
  polygon.coordinates.map((ring) => ring.map(([lon, lat]) => [lat, lon] as [number, number]));

export function GridBoundaryEditor({
  grid,
  neighbours,
  onClose,
  onSaved,
}: {
  grid: Grid;
  neighbours: readonly Grid[];
  onClose(): void;
  onSaved(): void;
}) {
  const { locale, t } = useLocale();
  // The modal mounts its body after opening: the map starts once its element exists.
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const shape = useRef<L.Polygon | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [hasShape, setHasShape] = useState(grid.boundary !== null);

  useEffect(() => {
    if (!element) return;
    const map = L.map(element, { zoomControl: true, attributionControl: false });
    map.pm.setLang(locale === 'zh-CN' ? 'zh' : 'en');
    const bounds = L.latLngBounds([]);
    for (const neighbour of neighbours) {
      if (!neighbour.boundary) continue;
      const layer = L.polygon(toLatLngs(neighbour.boundary), {
        color: '#8c8c8c',
        weight: 1,
        fillOpacity: 0.08,
        pmIgnore: true,
        interactive: false,
      })
        .bindTooltip(neighbour.name, { permanent: true, direction: 'center', className: 'grid-label' })
        .addTo(map);
      bounds.extend(layer.getBounds());
    }
    if (grid.boundary) {
      shape.current = L.polygon(toLatLngs(grid.boundary), {
        color: '#1458b8',
        weight: 2,
        fillOpacity: 0.2,
      }).addTo(map);
      bounds.extend(shape.current.getBounds());
    }
    const fit = (extra?: L.LatLngBounds) => {
      if (extra?.isValid()) bounds.extend(extra);
      if (bounds.isValid()) map.fitBounds(bounds.pad(0.2));
      else map.setView([35, 105], 4);
    };
    // With nothing drawn nearby, the scope's grids (and its tiles, when configured) give the place.
    api.get<{ tileUrl: string | null; items: { boundary: Polygon }[] }>('/api/map/grids').then(
      (answer) => {
        if (answer.tileUrl) L.tileLayer(answer.tileUrl, { maxZoom: 18 }).addTo(map);
        const scope = L.latLngBounds([]);
        if (!bounds.isValid())
          for (const item of answer.items) scope.extend(L.polygon(toLatLngs(item.boundary)).getBounds());
        fit(scope);
      },
      () => fit(),
    );
    map.pm.addControls({
      position: 'topleft',
      drawMarker: false,
      drawCircleMarker: false,
      drawPolyline: false,
      drawRectangle: true,
      drawCircle: false,
      drawText: false,
      cutPolygon: false,
      rotateMode: false,
      dragMode: true,
      editMode: true,
      removalMode: true,
    });
    map.on('pm:create', (event) => {
      shape.current?.remove();
      shape.current = event.layer as L.Polygon;
      setHasShape(true);
    });
    map.on('pm:remove', (event) => {
      if (event.layer === shape.current) {
        shape.current = null;
        setHasShape(false);
      }
    });
    // The modal grows into place: measure again once it has.
    const settle = setTimeout(() => map.invalidateSize(), 350);
    return () => {
      clearTimeout(settle);
      map.remove();
    };
  }, [element, grid, neighbours, locale]);

  async function save() {
    setBusy(true);
    setError('');
    try {
      const geometry = shape.current ? (shape.current.toGeoJSON().geometry as Polygon) : null;
      await api.patch(`/api/grids/${grid.id}`, { boundary: geometry });
      onSaved();
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught.message
          : t('网络异常，请稍后重试', 'Network error, please try again'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={900}
      title={t(`网格边界 · ${grid.name}`, `Boundary of ${grid.name}`)}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(
          '用左侧工具绘制多边形或矩形；编辑模式下拖动顶点修改；灰色为本村其他网格。',
          'Draw a polygon or rectangle with the tools on the left; drag vertices in edit mode; grey shapes are the village’s other grids.',
        )}
      </Typography.Paragraph>
      <div
        ref={setElement}
        data-testid="boundary-map"
        style={{ height: 480, background: '#eef2f6', borderRadius: 4 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      <Space style={{ marginTop: 16, display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
        <Button
          type="primary"
          loading={busy}
          onClick={() => void save()}
          danger={!hasShape && grid.boundary !== null}
        >
          {hasShape ? t('保存边界', 'Save the boundary') : t('清除边界', 'Clear the boundary')}
        </Button>
      </Space>
    </Modal>
  );
}
