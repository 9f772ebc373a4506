import { Skeleton } from 'antd';
import type { EChartsOption } from 'echarts';
import { lazy, Suspense } from 'react';

const EChartImpl = lazy(() => import('./echart-impl.tsx'));

export type EChartProps = {
  option: EChartsOption;
  height?: number | string;
  ariaLabel?: string;
  /** a click on a data item (bar, slice, point): its name and index in the series */
  onItemClick?: (item: { name: string; dataIndex: number }) => void;
};

/** The one chart component of the app; ECharts loads on first use, never in the first page load. */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 300 }} />}>
      <EChartImpl {...props} />
    </Suspense>
  );
}
