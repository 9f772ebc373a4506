import { ApartmentOutlined, WarningOutlined } from '@ant-design/icons';
import { defineFeature } from '../../lib/feature.ts';

/** 组织管理与组织设置预警. */
export const orgFeature = defineFeature({
  name: 'org',
  routes: [
    {
      path: '/orgs',
      title: '组织管理',
      icon: ApartmentOutlined,
      permission: 'org:read',
      page: () => import('./pages/org-page.tsx'),
    },
    {
      path: '/orgs/warnings',
      title: '组织设置预警',
      icon: WarningOutlined,
      permission: 'org:read',
      page: () => import('./pages/org-warnings-page.tsx'),
    },
  ],
});
