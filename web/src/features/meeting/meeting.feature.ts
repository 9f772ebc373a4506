import { CalendarOutlined, FileTextOutlined, FlagOutlined, ScheduleOutlined } from '@ant-design/icons';
import { defineFeature } from '../../lib/feature.ts';

/** 组织生活、合规日历、第一议题、记录模板. */
export const meetingFeature = defineFeature({
  name: 'meeting',
  routes: [
    {
      path: '/meetings',
      title: '组织生活',
      icon: ScheduleOutlined,
      permission: 'meeting:read',
      page: () => import('./pages/meetings-page.tsx'),
    },
    {
      path: '/meetings/calendar',
      title: '合规日历',
      icon: CalendarOutlined,
      permission: 'meeting:read',
      page: () => import('./pages/calendar-page.tsx'),
    },
    {
      path: '/meetings/topics',
      title: '第一议题',
      icon: FlagOutlined,
      permission: 'meeting:read',
      page: () => import('./pages/topics-page.tsx'),
    },
    {
      path: '/meetings/templates',
      title: '记录模板',
      icon: FileTextOutlined,
      permission: 'meeting:read',
      page: () => import('./pages/templates-page.tsx'),
    },
    {
      path: '/meetings/:id',
      title: '会议记录',
      permission: 'meeting:read',
      hideInMenu: true,
      page: () => import('./pages/meeting-detail-page.tsx'),
    },
  ],
});
