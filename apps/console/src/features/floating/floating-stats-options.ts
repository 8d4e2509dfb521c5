// The statistics page's chart options, built from the server's counts: pure functions of the data
// and the words to show.
import type { FloatingStats } from '@gridwork/core';
import type { DashboardChartOption } from '../dashboard/dashboard-chart.js';

const ARRIVALS = '#1458b8';
const DEPARTURES = '#cf1322';
const PRESENT = '#d46b08';

/** Arrivals and departures per month: two lines over the months, oldest first. */
export function trendOption(monthly: FloatingStats['monthly'], words: { arrivals: string; departures: string }): DashboardChartOption {
  return {
    animationDuration: 400,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [words.arrivals, words.departures] },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: monthly.map((row) => row.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: words.arrivals, type: 'line', data: monthly.map((row) => row.arrivals), itemStyle: { color: ARRIVALS } },
      { name: words.departures, type: 'line', data: monthly.map((row) => row.departures), itemStyle: { color: DEPARTURES } },
    ],
  };
}

/** Horizontal bars, largest on top: people present per place (a province, a village). */
export function presentBarsOption(rows: readonly { name: string; present: number }[], words: { present: string }, top = 10): DashboardChartOption {
  const shown = rows.slice(0, top).reverse();
  return {
    animationDuration: 400,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((row) => row.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [{ name: words.present, type: 'bar', data: shown.map((row) => row.present), itemStyle: { color: PRESENT }, barMaxWidth: 22 }],
  };
}
