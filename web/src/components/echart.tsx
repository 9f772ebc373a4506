import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { EChartProps } from './echart-impl.tsx';

const EChartImpl = lazy(() => import('./echart-impl.tsx'));

/** The one chart component of the app; ECharts loads on first use, never in the first page load. */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 300 }} />}>
      <EChartImpl {...props} />
    </Suspense>
  );
}
