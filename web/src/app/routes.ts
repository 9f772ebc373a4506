// The one route table: path, menu title, icon and permission of every admin page. Features append a line;
// the router and the menu both read it, filtered by the `permissions` of /api/auth/me.
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileTextOutlined,
  FlagOutlined,
  HomeOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Permission } from '../../../common/access.ts';

type PageModule = { default: ComponentType };

export type AppRoute = {
  /** absolute path below the layout, e.g. '/orgs' */
  path: string;
  /** menu and breadcrumb title */
  title: string;
  icon?: ComponentType;
  /** shown (and reachable) with any one of these permissions; none = every signed-in user */
  permission?: Permission | readonly Permission[];
  /** key of a MENU_GROUPS entry to nest the item under */
  group?: string;
  /** routable but not in the menu (detail pages) */
  hideInMenu?: boolean;
  page: () => Promise<PageModule>;
};

/** Sub-menus, in menu order after the top-level items that precede their first member. */
export const MENU_GROUPS: Record<string, { title: string; icon: ComponentType }> = {
  admin: { title: '系统管理', icon: SettingOutlined },
  study: { title: '理论学习', icon: BookOutlined },
  fivegood: { title: '"五个好"创建', icon: TrophyOutlined },
};

export const routes: AppRoute[] = [
  { path: '/', title: '工作台', icon: HomeOutlined, page: () => import('../features/dashboard/pages/home-page.tsx') },
  {
    path: '/cockpit',
    title: '驾驶舱',
    icon: BarChartOutlined,
    permission: 'cockpit:read',
    page: () => import('../features/cockpit/pages/cockpit-page.tsx'),
  },
  {
    path: '/facts/:key',
    title: '指标明细',
    permission: 'cockpit:read',
    hideInMenu: true,
    page: () => import('../features/facts/pages/fact-records-page.tsx'),
  },
  {
    path: '/orgs',
    title: '组织管理',
    icon: ApartmentOutlined,
    permission: 'org:read',
    page: () => import('../features/org/pages/org-page.tsx'),
  },
  {
    path: '/orgs/warnings',
    title: '组织设置预警',
    icon: WarningOutlined,
    permission: 'org:read',
    page: () => import('../features/org/pages/org-warnings-page.tsx'),
  },
  {
    path: '/committees',
    title: '委员会与换届',
    icon: ClusterOutlined,
    permission: 'org:read',
    page: () => import('../features/committee/pages/committees-page.tsx'),
  },
  {
    path: '/transfers',
    title: '组织关系转接',
    icon: SwapOutlined,
    permission: 'member:read',
    page: () => import('../features/transfer/pages/transfers-page.tsx'),
  },
  {
    path: '/members',
    title: '党员管理',
    icon: UserOutlined,
    permission: 'member:read',
    page: () => import('../features/member/pages/members-page.tsx'),
  },
  {
    path: '/admin/users',
    title: '账号管理',
    icon: TeamOutlined,
    permission: 'user:read',
    group: 'admin',
    page: () => import('../features/admin/pages/users-page.tsx'),
  },
  {
    path: '/admin/security',
    title: '安全策略',
    icon: SafetyOutlined,
    permission: 'security:policy',
    group: 'admin',
    page: () => import('../features/admin/pages/security-page.tsx'),
  },
  {
    path: '/admin/audit',
    title: '审计日志',
    icon: AuditOutlined,
    permission: 'audit:read',
    group: 'admin',
    page: () => import('../features/admin/pages/audit-page.tsx'),
  },
  {
    path: '/meetings',
    title: '组织生活',
    icon: ScheduleOutlined,
    permission: 'meeting:read',
    page: () => import('../features/meeting/pages/meetings-page.tsx'),
  },
  {
    path: '/meetings/calendar',
    title: '合规日历',
    icon: CalendarOutlined,
    permission: 'meeting:read',
    page: () => import('../features/meeting/pages/calendar-page.tsx'),
  },
  {
    path: '/meetings/topics',
    title: '第一议题',
    icon: FlagOutlined,
    permission: 'meeting:read',
    page: () => import('../features/meeting/pages/topics-page.tsx'),
  },
  {
    path: '/meetings/templates',
    title: '记录模板',
    icon: FileTextOutlined,
    permission: 'meeting:read',
    page: () => import('../features/meeting/pages/templates-page.tsx'),
  },
  {
    path: '/meetings/:id',
    title: '会议记录',
    permission: 'meeting:read',
    hideInMenu: true,
    page: () => import('../features/meeting/pages/meeting-detail-page.tsx'),
  },
  {
    path: '/study/hours',
    title: '学时统计',
    permission: 'study:read',
    group: 'study',
    page: () => import('../features/study/pages/hours-page.tsx'),
  },
  {
    path: '/study/materials',
    title: '学习资料',
    permission: 'study:read',
    group: 'study',
    page: () => import('../features/study/pages/materials-page.tsx'),
  },
  {
    path: '/study/records',
    title: '学习记录',
    permission: 'study:read',
    group: 'study',
    page: () => import('../features/study/pages/records-page.tsx'),
  },
  {
    path: '/study/plans',
    title: '学习计划',
    permission: 'study:read',
    group: 'study',
    page: () => import('../features/study/pages/plans-page.tsx'),
  },
  {
    path: '/study/quizzes',
    title: '题库与测试',
    permission: 'study:read',
    group: 'study',
    page: () => import('../features/study/pages/quizzes-page.tsx'),
  },
  {
    path: '/study/rules',
    title: '学时规则',
    permission: 'study:read',
    group: 'study',
    page: () => import('../features/study/pages/rules-page.tsx'),
  },
  {
    path: '/fivegood/campaigns',
    title: '创建活动与公示命名',
    permission: 'fivegood:read',
    group: 'fivegood',
    page: () => import('../features/fivegood/pages/campaigns-page.tsx'),
  },
  {
    path: '/fivegood/assessments',
    title: '支部自评与审核',
    permission: 'fivegood:read',
    group: 'fivegood',
    page: () => import('../features/fivegood/pages/assessments-page.tsx'),
  },
  {
    path: '/fivegood/assessments/:id',
    title: '自评与考评',
    permission: 'fivegood:read',
    hideInMenu: true,
    page: () => import('../features/fivegood/pages/assessment-page.tsx'),
  },
  {
    path: '/fivegood/board',
    title: '进度看板',
    permission: 'fivegood:read',
    group: 'fivegood',
    page: () => import('../features/fivegood/pages/board-page.tsx'),
  },
  {
    path: '/fivegood/dynamic',
    title: '动态管理与整改台账',
    permission: 'fivegood:read',
    group: 'fivegood',
    page: () => import('../features/fivegood/pages/dynamic-page.tsx'),
  },
  {
    path: '/fivegood/rubrics',
    title: '标准管理',
    permission: 'fivegood:read',
    group: 'fivegood',
    page: () => import('../features/fivegood/pages/rubric-page.tsx'),
  },
];
