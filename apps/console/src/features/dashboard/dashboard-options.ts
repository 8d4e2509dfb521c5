// The command center's chart options, built from the server's counts: pure functions of the data
// and the words to show, so the page stays small and the charts read the same in both languages.
import type { DashboardCount, Dashboard } from '@gridwork/core';
import type { DashboardChartOption } from './dashboard-chart.js';

/** Bars shown at most per chart: the units with the most open events. */
export const TOP_BARS = 10;

const ON_TIME = '#1458b8';
const OVERDUE = '#cf1322';

/** Horizontal stacked bars, largest on top: open events still in time, and overdue ones. */
export function openBarsOption(
  rows: readonly DashboardCount[],
  words: { onTime: string; overdue: string; unnamed: string },
): DashboardChartOption {
  const shown = rows.slice(0, TOP_BARS).reverse();
  return {
    animationDuration: 400,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [words.onTime, words.overdue] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: shown.map((row) => row.name || words.unnamed),
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: [
      {
        name: words.onTime,
        type: 'bar',
        stack: 'open',
        data: shown.map((row) => row.open - row.overdue),
        itemStyle: { color: ON_TIME },
        barMaxWidth: 22,
      },
      {
        name: words.overdue,
        type: 'bar',
        stack: 'open',
        data: shown.map((row) => row.overdue),
        itemStyle: { color: OVERDUE },
        barMaxWidth: 22,
      },
    ],
  };
}

/** The row a click on bar `index` of openBarsOption(rows) means (the bars are drawn bottom-up). */
export function rowOfBar(rows: readonly DashboardCount[], index: number): DashboardCount | undefined {
  const shown = rows.slice(0, TOP_BARS);
  return shown[shown.length - 1 - index];
}

/** Reports and closures per month, the last twelve. */
export function trendOption(
  trend: Dashboard['trend'],
  words: { reported: string; closed: string },
): DashboardChartOption {
  return {
    animationDuration: 400,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [words.reported, words.closed] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((row) => row.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: words.reported,
        type: 'line',
        data: trend.map((row) => row.reported),
        itemStyle: { color: ON_TIME },
        areaStyle: { opacity: 0.08 },
      },
      {
        name: words.closed,
        type: 'line',
        data: trend.map((row) => row.closed),
        itemStyle: { color: '#389e0d' },
      },
    ],
  };
}
