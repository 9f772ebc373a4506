import { ClusterOutlined } from '@ant-design/icons';
import { defineFeature } from '../../lib/feature.ts';

/** 委员会与换届. */
export const committeeFeature = defineFeature({
  name: 'committee',
  routes: [
    {
      path: '/committees',
      title: '委员会与换届',
      icon: ClusterOutlined,
      permission: 'org:read',
      page: () => import('./pages/committees-page.tsx'),
    },
  ],
});
