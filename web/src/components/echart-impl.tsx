import type { EChartsOption } from 'echarts';
import { useEffect, useRef } from 'react';
import { echarts } from './echart-setup.ts';

export type EChartProps = {
  option: EChartsOption;
  height?: number | string;
  ariaLabel?: string;
  /** a click on a data item (bar, slice, point): its name and index in the series */
  onItemClick?: (item: { name: string; dataIndex: number }) => void;
};

/** ECharts instance bound to a div: created once, option replaced on change, resized with its box. */
export default function EChartImpl({ option, height = 300, ariaLabel, onItemClick }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);
  const onClick = useRef(onItemClick);
  onClick.current = onItemClick;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => onClick.current?.({ name: String(p.name), dataIndex: p.dataIndex }));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, true);
  }, [option]);

  return <div ref={el} role="img" aria-label={ariaLabel} style={{ width: '100%', height, cursor: onItemClick ? 'pointer' : undefined }} />;
}
