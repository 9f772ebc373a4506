import { BarChartOutlined } from '@ant-design/icons';
import { defineFeature } from '../../lib/feature.ts';

/** 驾驶舱. */
export const cockpitFeature = defineFeature({
  name: 'cockpit',
  routes: [
    {
      path: '/cockpit',
      title: '驾驶舱',
      icon: BarChartOutlined,
      permission: 'cockpit:read',
      page: () => import('./pages/cockpit-page.tsx'),
    },
  ],
});
