import { AuditOutlined, SafetyOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { defineFeature } from '../../lib/feature.ts';

/** 系统管理：账号、安全策略、审计日志. */
export const adminFeature = defineFeature({
  name: 'admin',
  menuGroups: { admin: { title: '系统管理', icon: SettingOutlined } },
  routes: [
    {
      path: '/admin/users',
      title: '账号管理',
      icon: TeamOutlined,
      permission: 'user:read',
      group: 'admin',
      page: () => import('./pages/users-page.tsx'),
    },
    {
      path: '/admin/security',
      title: '安全策略',
      icon: SafetyOutlined,
      permission: 'security:policy',
      group: 'admin',
      page: () => import('./pages/security-page.tsx'),
    },
    {
      path: '/admin/audit',
      title: '审计日志',
      icon: AuditOutlined,
      permission: 'audit:read',
      group: 'admin',
      page: () => import('./pages/audit-page.tsx'),
    },
  ],
});
