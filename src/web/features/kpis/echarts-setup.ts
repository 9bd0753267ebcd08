// The only module that imports ECharts: loaded on demand by <EChart>, so that no page chunk carries it. Only the
// chart types and components the dashboards use are registered (the full build is ~700 kB gzip).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export { init };
