import { HomeOutlined } from '@ant-design/icons';
import { defineFeature } from '../../lib/feature.ts';

/** 工作台. */
export const dashboardFeature = defineFeature({
  name: 'dashboard',
  routes: [{ path: '/', title: '工作台', icon: HomeOutlined, page: () => import('./pages/home-page.tsx') }],
});
