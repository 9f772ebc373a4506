import { BookOutlined } from '@ant-design/icons';
import { defineFeature } from '../../lib/feature.ts';

/** 理论学习. */
export const studyFeature = defineFeature({
  name: 'study',
  menuGroups: { study: { title: '理论学习', icon: BookOutlined } },
  routes: [
    {
      path: '/study/hours',
      title: '学时统计',
      permission: 'study:read',
      group: 'study',
      page: () => import('./pages/hours-page.tsx'),
    },
    {
      path: '/study/materials',
      title: '学习资料',
      permission: 'study:read',
      group: 'study',
      page: () => import('./pages/materials-page.tsx'),
    },
    {
      path: '/study/records',
      title: '学习记录',
      permission: 'study:read',
      group: 'study',
      page: () => import('./pages/records-page.tsx'),
    },
    {
      path: '/study/plans',
      title: '学习计划',
      permission: 'study:read',
      group: 'study',
      page: () => import('./pages/plans-page.tsx'),
    },
    {
      path: '/study/quizzes',
      title: '题库与测试',
      permission: 'study:read',
      group: 'study',
      page: () => import('./pages/quizzes-page.tsx'),
    },
    {
      path: '/study/rules',
      title: '学时规则',
      permission: 'study:read',
      group: 'study',
      page: () => import('./pages/rules-page.tsx'),
    },
  ],
});
