// Authorization-matrix rows: Platform, org tree, members, committees, transfers, accounts, audit and cockpit. See cases.ts for how to write a row.
import { DEFAULT_SECURITY_POLICY } from '../../../common/security-policy.ts';
import { committeeIn, electionInput } from '../../modules/committee/committee.factory.ts';
import {
  branchIn,
  buildMember,
  correctionIn,
  linkSelf,
  memberIn,
  memberInput,
  memberWithAccountIn,
} from '../../modules/member/member.factory.ts';
import { importRequest } from '../../modules/member/member.xlsx-kit.ts';
import { letterIn, pendingTransferIn } from '../../modules/transfer/transfer.factory.ts';
import { TEST_PASSWORD } from '../build-test-app.ts';
import { buildOrg } from '../factories.ts';
import { fileIn, ownNotification, pngUpload } from './builders.ts';
import type { MatrixCase } from './cases.ts';

const enc = encodeURIComponent;

export const orgCases: Record<string, MatrixCase> = {
  'GET /api/health': { build: () => ({ url: '/api/health' }) },
  'GET /api/openapi.json': { build: () => ({ url: '/api/openapi.json' }) },
  'GET /api/docs': { build: () => ({ url: '/api/docs' }) },
  'GET /api/docs/json': { build: () => ({ url: '/api/docs/json' }) },
  'GET /api/docs/reader.js': { build: () => ({ url: '/api/docs/reader.js' }) },

  'POST /api/auth/login': {
    build: async (fx) => ({ url: '/api/auth/login', payload: { username: (await fx.user(fx.org.B1)).username, password: TEST_PASSWORD } }),
  },
  'POST /api/auth/logout': { freshPrincipal: true, build: () => ({ url: '/api/auth/logout' }) },
  'POST /api/auth/password': {
    freshPrincipal: true,
    build: () => ({ url: '/api/auth/password', payload: { oldPassword: TEST_PASSWORD, newPassword: 'Xq7#vR2!mLp9-Tz' } }),
  },
  'GET /api/auth/me': { build: () => ({ url: '/api/auth/me' }) },
  'GET /api/auth/password-rules': { build: () => ({ url: '/api/auth/password-rules' }) },

  'GET /api/notifications': { build: () => ({ url: '/api/notifications?unreadOnly=1&page=1&pageSize=20' }) },
  'POST /api/notifications/read-all': { build: () => ({ url: '/api/notifications/read-all' }) },
  'POST /api/notifications/:id/read': {
    build: async (fx, _orgId, caller) => ({ url: `/api/notifications/${await ownNotification(fx, caller.userId)}/read` }),
  },

  'GET /api/orgs': { build: () => ({ url: '/api/orgs?q=%E7%9F%A9%E9%98%B5' }) },
  'POST /api/orgs': {
    build: async (fx, orgId) => ({
      url: '/api/orgs',
      payload: { parentId: orgId, name: fx.unique('矩阵新建组织'), type: await fx.childType(orgId) },
    }),
  },
  'GET /api/orgs/:id': { build: (_fx, orgId) => ({ url: `/api/orgs/${orgId}` }) },
  'PATCH /api/orgs/:id': {
    build: async (fx, orgId) => ({ url: `/api/orgs/${await fx.leafOrg(orgId)}`, payload: { name: fx.unique('矩阵改名组织') } }),
  },
  'DELETE /api/orgs/:id': {
    build: async (fx, orgId) => ({ url: `/api/orgs/${await fx.leafOrg(orgId)}?reason=${enc('矩阵测试撤销')}` }),
  },
  'GET /api/members': { build: (_fx, orgId) => ({ url: `/api/members?orgId=${orgId}&q=${enc('张')}&page=1&pageSize=20` }) },
  'POST /api/members': {
    build: async (fx, orgId) => ({ url: '/api/members', payload: memberInput(await fx.inOrg(orgId, (o) => branchIn(fx.t, o))) }),
  },
  'POST /api/members/lookup': {
    build: async (fx, orgId) => {
      const m = await buildMember(fx.t, await branchIn(fx.t, orgId));
      return { url: '/api/members/lookup', payload: { idNumber: m.idNumber } };
    },
  },
  'GET /api/members/:id': { build: async (fx, orgId) => ({ url: `/api/members/${await fx.inOrg(orgId, (o) => memberIn(fx.t, o))}` }) },
  'PATCH /api/members/:id': {
    build: async (fx, orgId) => ({
      url: `/api/members/${await fx.inOrg(orgId, (o) => memberIn(fx.t, o))}`,
      payload: { position: '组织委员' },
    }),
  },
  'GET /api/members/:id/history': {
    build: async (fx, orgId) => ({ url: `/api/members/${await fx.inOrg(orgId, (o) => memberIn(fx.t, o))}/history` }),
  },
  'POST /api/members/:id/unmask': {
    build: async (fx, orgId) => ({ url: `/api/members/${await fx.inOrg(orgId, (o) => memberIn(fx.t, o))}/unmask` }),
  },
  'GET /api/members/:id/account': {
    build: async (fx, orgId) => ({ url: `/api/members/${await fx.inOrg(orgId, (o) => memberWithAccountIn(fx.t, o))}/account` }),
  },
  'POST /api/members/:id/account': {
    build: async (fx, orgId) => ({
      url: `/api/members/${await fx.inOrg(orgId, (o) => memberIn(fx.t, o))}/account`,
      payload: { username: fx.unique('mxacct') },
    }),
  },
  'POST /api/members/:id/account/reset': {
    build: async (fx, orgId) => ({ url: `/api/members/${await fx.inOrg(orgId, (o) => memberWithAccountIn(fx.t, o))}/account/reset` }),
  },
  'GET /api/members/import-template': { build: () => ({ url: '/api/members/import-template' }) },
  'POST /api/members/import': {
    build: async (fx, orgId) =>
      importRequest((await buildOrg(fx.t, { parentId: orgId, type: 'branch', name: fx.unique('矩阵导入支部') })).name),
  },
  'GET /api/members/export': { build: (_fx, orgId) => ({ url: `/api/members/export?orgId=${orgId}&category=full` }) },
  'GET /api/me/member': {
    build: async (fx, orgId, caller) => {
      await linkSelf(fx.t, caller.userId, orgId);
      return { url: '/api/me/member' };
    },
  },
  'POST /api/me/member/corrections': {
    build: async (fx, orgId, caller) => {
      await linkSelf(fx.t, caller.userId, orgId);
      return { url: '/api/me/member/corrections', payload: { position: '党员', reason: '矩阵测试更正' } };
    },
  },
  'GET /api/members/corrections': { build: (_fx, orgId) => ({ url: `/api/members/corrections?orgId=${orgId}&status=pending` }) },
  'POST /api/members/corrections/:id/approve': {
    build: async (fx, orgId) => ({
      url: `/api/members/corrections/${await fx.inOrg(orgId, (o) => correctionIn(fx.t, o))}/approve`,
      payload: {},
    }),
  },
  'POST /api/members/corrections/:id/reject': {
    build: async (fx, orgId) => ({
      url: `/api/members/corrections/${await fx.inOrg(orgId, (o) => correctionIn(fx.t, o))}/reject`,
      payload: { note: '请补充材料' },
    }),
  },

  'POST /api/files': { build: (_fx, orgId) => pngUpload(orgId) },
  'GET /api/files': { build: (_fx, orgId) => ({ url: `/api/files?orgId=${orgId}&ownerType=meeting` }) },
  'GET /api/files/:id': { build: async (fx, orgId) => ({ url: `/api/files/${await fx.inOrg(orgId, (o) => fileIn(fx, o))}` }) },
  'DELETE /api/files/:id': { build: async (fx, orgId) => ({ url: `/api/files/${await fx.inOrg(orgId, (o) => fileIn(fx, o))}` }) },
  'GET /api/orgs/warnings': { build: (_fx, orgId) => ({ url: `/api/orgs/warnings?orgId=${orgId}` }) },
  'GET /api/orgs/:id/warnings': { build: (_fx, orgId) => ({ url: `/api/orgs/${orgId}/warnings` }) },
  'GET /api/cockpit': { build: (_fx, orgId) => ({ url: `/api/cockpit?orgId=${orgId}&year=2026` }) },
  'GET /api/cockpit/export': { build: (_fx, orgId) => ({ url: `/api/cockpit/export?orgId=${orgId}&year=2026` }) },
  'GET /api/committees': { build: (_fx, orgId) => ({ url: `/api/committees?orgId=${orgId}&state=attention` }) },
  'GET /api/orgs/:orgId/committees': { build: (_fx, orgId) => ({ url: `/api/orgs/${orgId}/committees` }) },
  'POST /api/orgs/:orgId/committees': {
    build: async (fx, orgId) => ({
      url: `/api/orgs/${orgId}/committees`,
      payload: await electionInput(fx.t, fx.isGhost(orgId) ? fx.org.E1 : orgId),
    }),
  },
  'GET /api/committees/:id': {
    build: async (fx, orgId) => ({ url: `/api/committees/${await fx.inOrg(orgId, (o) => committeeIn(fx.t, o))}` }),
  },
  'PATCH /api/committees/:id': {
    build: async (fx, orgId) => ({
      url: `/api/committees/${await fx.inOrg(orgId, (o) => committeeIn(fx.t, o))}`,
      payload: { version: 1, note: '矩阵测试' },
    }),
  },
  'POST /api/committees/:id/postpone': {
    build: async (fx, orgId) => ({
      url: `/api/committees/${await fx.inOrg(orgId, (o) => committeeIn(fx.t, o))}/postpone`,
      payload: { postponedTo: '2027-06-01', reason: '矩阵测试延期', approvedBy: '上级党委', approvedOn: '2026-01-01' },
    }),
  },
  'GET /api/orgs/export': { build: () => ({ url: `/api/orgs/export?q=${enc('矩阵')}` }) },
  'GET /api/orgs/:id/report': { build: (_fx, orgId) => ({ url: `/api/orgs/${orgId}/report` }) },

  'GET /api/users': { build: (_fx, orgId) => ({ url: `/api/users?orgId=${orgId}&q=mxu&page=1&pageSize=20` }) },
  'POST /api/users': {
    build: (fx) => ({
      url: '/api/users',
      payload: {
        username: fx.unique('mxnew'),
        name: '矩阵新账号',
        password: 'Mx#Init-2026',
        roles: [{ role: 'member', orgId: fx.org.B1 }],
      },
    }),
  },
  'GET /api/users/:id': { build: async (fx, orgId) => ({ url: `/api/users/${(await fx.user(orgId)).id}` }) },
  'PATCH /api/users/:id': {
    build: async (fx, orgId) => ({ url: `/api/users/${(await fx.user(orgId)).id}`, payload: { name: '矩阵改名' } }),
  },
  'POST /api/users/:id/reset-password': {
    build: async (fx, orgId) => ({ url: `/api/users/${(await fx.user(orgId)).id}/reset-password`, payload: { password: 'Mx#Reset-2026' } }),
  },
  'POST /api/users/:id/unlock': { build: async (fx, orgId) => ({ url: `/api/users/${(await fx.user(orgId)).id}/unlock` }) },
  'POST /api/users/:id/revoke-sessions': {
    build: async (fx, orgId) => ({ url: `/api/users/${(await fx.user(orgId)).id}/revoke-sessions` }),
  },
  'GET /api/security/policy': { build: () => ({ url: '/api/security/policy' }) },
  'PUT /api/security/policy': { build: () => ({ url: '/api/security/policy', payload: DEFAULT_SECURITY_POLICY }) },
  'GET /api/audit': { build: (_fx, orgId) => ({ url: `/api/audit?orgId=${orgId}&action=org.create&page=1&pageSize=20` }) },
  'GET /api/audit/actions': { build: () => ({ url: '/api/audit/actions' }) },
  'GET /api/audit/verify': { build: () => ({ url: '/api/audit/verify' }) },
  'GET /api/transfers': { build: (_fx, orgId) => ({ url: `/api/transfers?orgId=${orgId}&open=1` }) },
  'GET /api/transfers/destinations': { build: () => ({ url: `/api/transfers/destinations?q=${enc('矩阵')}` }) },
  'GET /api/transfers/:id': {
    build: async (fx, orgId) => ({ url: `/api/transfers/${await fx.inOrg(orgId, (o) => pendingTransferIn(fx.t, o))}` }),
  },
  'POST /api/transfers': {
    build: async (fx, orgId) => ({
      url: '/api/transfers',
      payload: { memberId: await fx.inOrg(orgId, (o) => memberIn(fx.t, o)), toOrgId: fx.org.B2, reason: '矩阵测试调动' },
    }),
  },
  'POST /api/transfers/out': {
    build: async (fx, orgId) => ({
      url: '/api/transfers/out',
      payload: {
        memberId: await fx.inOrg(orgId, (o) => memberIn(fx.t, o)),
        toOrgName: '中共矩阵市某公司委员会',
        reason: '矩阵测试',
        duesPaidUntil: '2026-01',
      },
    }),
  },
  'POST /api/transfers/in': {
    build: async (fx, orgId) => ({
      url: '/api/transfers/in',
      payload: {
        member: memberInput(await fx.inOrg(orgId, (o) => branchIn(fx.t, o))),
        fromOrgName: '中共矩阵市某公司委员会',
        duesPaidUntil: '2026-01',
        reason: '矩阵测试',
      },
    }),
  },
  'POST /api/transfers/:id/confirm': {
    build: async (fx, orgId) => ({
      url: `/api/transfers/${await fx.inOrg(orgId, (o) => pendingTransferIn(fx.t, o))}/confirm`,
      payload: {},
    }),
  },
  'POST /api/transfers/:id/reject': {
    build: async (fx, orgId) => ({
      url: `/api/transfers/${await fx.inOrg(orgId, (o) => pendingTransferIn(fx.t, o))}/reject`,
      payload: { note: '矩阵测试退回' },
    }),
  },
  'POST /api/transfers/:id/cancel': {
    build: async (fx, orgId) => ({ url: `/api/transfers/${await fx.inOrg(orgId, (o) => pendingTransferIn(fx.t, o))}/cancel`, payload: {} }),
  },
  'POST /api/transfers/:id/receipt': {
    build: async (fx, orgId) => ({
      url: `/api/transfers/${await fx.inOrg(orgId, (o) => letterIn(fx.t, o))}/receipt`,
      payload: { receivedOn: '2026-02-01' },
    }),
  },
  'GET /api/transfers/:id/letter': {
    build: async (fx, orgId) => ({ url: `/api/transfers/${await fx.inOrg(orgId, (o) => letterIn(fx.t, o))}/letter` }),
  },
};
