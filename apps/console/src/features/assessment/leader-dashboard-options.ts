// The leader dashboard's chart options: cards per township (stacked bars) and twelve months of
// average scores (lines), pure functions of the server's figures and the words to show.
import type { LeaderDashboard } from '@gridwork/core';
import type { DashboardChartOption } from '../dashboard/dashboard-chart.js';

const YELLOW = '#d4b106';
const RED = '#cf1322';

export function cardsOption(rows: LeaderDashboard['cardsByTownship'], words: { yellow: string; red: string }): DashboardChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [words.yellow, words.red] },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((row) => row.townshipName), axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: words.yellow, type: 'bar', stack: 'cards', data: rows.map((row) => row.yellowCards), itemStyle: { color: YELLOW }, barMaxWidth: 28 },
      { name: words.red, type: 'bar', stack: 'cards', data: rows.map((row) => row.redCards), itemStyle: { color: RED }, barMaxWidth: 28 },
    ],
  };
}

const rounded = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function scoreTrendOption(trend: LeaderDashboard['trend'], words: { villages: string; departments: string }): DashboardChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [words.villages, words.departments] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((row) => row.period) },
    yAxis: { type: 'value', scale: true },
    series: [
      { name: words.villages, type: 'line', connectNulls: false, data: trend.map((row) => rounded(row.villageAverage)), itemStyle: { color: '#1458b8' } },
      { name: words.departments, type: 'line', connectNulls: false, data: trend.map((row) => rounded(row.departmentAverage)), itemStyle: { color: '#389e0d' } },
    ],
  };
}
