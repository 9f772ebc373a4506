import { TrophyOutlined } from '@ant-design/icons';
import { defineFeature } from '../../lib/feature.ts';

/** "五个好"创建. */
export const fivegoodFeature = defineFeature({
  name: 'fivegood',
  menuGroups: { fivegood: { title: '"五个好"创建', icon: TrophyOutlined } },
  routes: [
    {
      path: '/fivegood/campaigns',
      title: '创建活动与公示命名',
      permission: 'fivegood:read',
      group: 'fivegood',
      page: () => import('./pages/campaigns-page.tsx'),
    },
    {
      path: '/fivegood/assessments',
      title: '支部自评与审核',
      permission: 'fivegood:read',
      group: 'fivegood',
      page: () => import('./pages/assessments-page.tsx'),
    },
    {
      path: '/fivegood/assessments/:id',
      title: '自评与考评',
      permission: 'fivegood:read',
      hideInMenu: true,
      page: () => import('./pages/assessment-page.tsx'),
    },
    {
      path: '/fivegood/board',
      title: '进度看板',
      permission: 'fivegood:read',
      group: 'fivegood',
      page: () => import('./pages/board-page.tsx'),
    },
    {
      path: '/fivegood/dynamic',
      title: '动态管理与整改台账',
      permission: 'fivegood:read',
      group: 'fivegood',
      page: () => import('./pages/dynamic-page.tsx'),
    },
    {
      path: '/fivegood/rubrics',
      title: '标准管理',
      permission: 'fivegood:read',
      group: 'fivegood',
      page: () => import('./pages/rubric-page.tsx'),
    },
  ],
});
