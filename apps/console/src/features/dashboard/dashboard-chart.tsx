// One chart of the command center. ECharts arrives on first use (a lazy chunk); the chart follows
// its container's size, and a click on a bar or point reports the data item's name and index.
import { useEffect, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import type { ComposeOption, ECharts } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { useLocale } from '../../app/i18n.js';

export type DashboardChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

interface DashboardChartProps {
  readonly option: DashboardChartOption;
  readonly height?: number;
  /** A name for screen readers and tests: what the chart shows. */
  readonly label: string;
  /** Called with the index of the category (bar) clicked. */
  readonly onSelect?: (index: number) => void;
}

export function DashboardChart({ option, height = 280, label, onSelect }: DashboardChartProps) {
  const { t } = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  const [chart, setChart] = useState<ECharts | null>(null);
  const [failed, setFailed] = useState(false);
  select.current = onSelect;

  useEffect(() => {
    let alive = true;
    let instance: ECharts | null = null;
    let observer: ResizeObserver | null = null;
    import('./dashboard-echarts.js').then(
      ({ echarts }) => {
        if (!alive || !container.current) return;
        instance = echarts.init(container.current);
        instance.on('click', (params) => {
          if (typeof params.dataIndex === 'number') select.current?.(params.dataIndex);
        });
        observer = new ResizeObserver(() => instance?.resize());
        observer.observe(container.current);
        setChart(instance);
      },
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  if (failed)
    return (
      <Alert
        type="warning"
        showIcon
        title={t('图表加载失败，请刷新页面', 'The chart could not load; reload the page')}
      />
    );
  return (
    <div style={{ position: 'relative', height }}>
      <div
        ref={container}
        role="img"
        aria-label={label}
        data-testid="dashboard-chart"
        style={{ height: '100%', cursor: onSelect ? 'pointer' : undefined }}
      />
      {!chart && (
        <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
          <Spin />
        </div>
      )}
    </div>
  );
}
