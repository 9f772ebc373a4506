import { SwapOutlined } from '@ant-design/icons';
import { defineFeature } from '../../lib/feature.ts';

/** 组织关系转接. */
export const transferFeature = defineFeature({
  name: 'transfer',
  routes: [
    {
      path: '/transfers',
      title: '组织关系转接',
      icon: SwapOutlined,
      permission: 'member:read',
      page: () => import('./pages/transfers-page.tsx'),
    },
  ],
});
