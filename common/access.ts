// Roles, permissions and the role → permission table: the single source both server and web read.

export const ROLES = ['sys_admin', 'sec_admin', 'audit_admin', 'sasac_staff', 'enterprise_staff', 'branch_secretary', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  sys_admin: '系统管理员',
  sec_admin: '安全管理员',
  audit_admin: '审计管理员',
  sasac_staff: '国资委党建工作人员',
  enterprise_staff: '企业党委工作人员',
  branch_secretary: '支部书记',
  member: '党员',
};

/** 三员: an account holding one of these holds no other role. */
export const ADMIN_ROLES: readonly Role[] = ['sys_admin', 'sec_admin', 'audit_admin'];

export const PERMISSIONS = {
  'org:read': '查看组织',
  'org:write': '管理组织',
  'user:read': '查看账号',
  'user:write': '管理账号',
  'security:policy': '设置安全策略',
  'session:manage': '管理会话',
  'audit:read': '查看审计日志',
  'file:read': '下载附件',
  'file:write': '上传附件',
  'member:read': '查看党员',
  'member:write': '管理党员',
  'member:import': '导入党员',
  'member:export': '导出党员',
  'pii:view': '查看完整个人信息',
  'pii:export': '导出完整个人信息',
  'self:read': '查看本人信息',
  'meeting:read': '查看组织生活',
  'meeting:write': '记录组织生活',
  'meeting:review': '审核会议记录',
  'meeting:config': '设置会议模板',
  'topic:write': '管理第一议题库',
  'study:read': '查看理论学习',
  'study:write': '管理学习资料与记录',
  'study:manage': '设置学时规则',
  'fivegood:read': '查看"五个好"创建',
  'fivegood:assess': '支部"五个好"自评与整改',
  'fivegood:review': '企业党委"五个好"考评',
  'fivegood:manage': '管理"五个好"标准与审定命名',
  'cockpit:read': '查看驾驶舱',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const businessStaff: Permission[] = [
  'org:read',
  'org:write',
  'file:read',
  'file:write',
  'member:read',
  'member:write',
  'member:import',
  'member:export',
  'pii:view',
];

/** What each role may do; the scope of every permission is the subtree of the org the role is held at. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  sys_admin: ['org:read', 'user:read', 'user:write', 'session:manage'],
  sec_admin: ['security:policy', 'session:manage', 'user:read'],
  audit_admin: ['audit:read'],
  sasac_staff: [
    ...businessStaff,
    'pii:export',
    'meeting:read',
    'meeting:write',
    'meeting:review',
    'meeting:config',
    'topic:write',
    'study:read',
    'study:write',
    'study:manage',
    'fivegood:read',
    'fivegood:review',
    'fivegood:manage',
    'cockpit:read',
  ],
  enterprise_staff: [
    ...businessStaff,
    'pii:export',
    'meeting:read',
    'meeting:write',
    'meeting:review',
    'topic:write',
    'study:read',
    'study:write',
    'fivegood:read',
    'fivegood:review',
    'cockpit:read',
  ],
  branch_secretary: [
    'org:read',
    'file:read',
    'file:write',
    'member:read',
    'member:write',
    'member:import',
    'member:export',
    'pii:view',
    'meeting:read',
    'meeting:write',
    'study:read',
    'study:write',
    'fivegood:read',
    'fivegood:assess',
    'cockpit:read',
  ],
  member: ['self:read'],
};

export const ORG_TYPES = ['committee', 'general_branch', 'branch', 'group'] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  group: '党小组',
};
/** Which child types each org type may have. */
export const ORG_CHILD_TYPES: Record<OrgType, readonly OrgType[]> = {
  committee: ['committee', 'general_branch', 'branch'],
  general_branch: ['branch'],
  branch: ['group'],
  group: [],
};
