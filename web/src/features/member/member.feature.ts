import { UserOutlined } from '@ant-design/icons';
import { defineFeature } from '../../lib/feature.ts';

/** 党员管理. */
export const memberFeature = defineFeature({
  name: 'member',
  routes: [
    {
      path: '/members',
      title: '党员管理',
      icon: UserOutlined,
      permission: 'member:read',
      page: () => import('./pages/members-page.tsx'),
    },
  ],
});
