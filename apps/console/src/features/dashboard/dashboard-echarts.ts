// The parts of ECharts the command center draws with (bars, lines, a canvas), registered once.
// Imported only by dashboard-chart.tsx through import(), so the charts are a chunk of their own.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
