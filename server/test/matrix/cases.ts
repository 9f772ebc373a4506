/**
 * The authorization matrix: ONE ROW PER REGISTERED ROUTE. matrix.test.ts walks every /api route × every
 * principal × every org position and compares the answer with an oracle written from the role → permission
 * table (common/access.ts). It fails on a registered route without a row here, on a row naming no route,
 * and on any mismatch (printing them as a table).
 *
 * Adding your route: append a row, keyed exactly `METHOD /url/:param` as registered in Fastify.
 *
 *   'PATCH /api/things/:id': {
 *     build: async (fx, orgId) => ({
 *       url: `/api/things/${await fx.inOrg(orgId, (o) => createThing(fx, o))}`,
 *       payload: { name: fx.unique('事项') },
 *     }),
 *   },
 *
 * `build(fx, orgId)` returns a VALID request (url with query string, optional JSON payload or multipart body
 * with headers) whose target lies in `orgId`. It runs once per case, so state-changing routes get a fresh
 * object every time; a valid request means an allowed principal must get a success (< 400).
 * - Which org is `orgId`? If the route's policy names a target (`can('perm', { in, field, resource })`), the
 *   matrix calls build for each position — own (E1), descendant (B1), ancestor (root), sibling (E2), other
 *   enterprise (B3), nonexistent (`fx.ghost`) — and, for `optional` targets, `none` (omit the filter; orgId
 *   is then E1). Put `orgId` where the policy's target says: the org itself for `resource: 'org'`, otherwise
 *   an object of that resource created inside `orgId` (or in a fresh child of it, e.g. `fx.leafOrg(orgId)`).
 *   Routes without a target are called once per principal with `orgId` = E1.
 * - The nonexistent position: `fx.inOrg(orgId, create)` and `fx.user(orgId)` return a random id for
 *   `fx.ghost`, so the request names an object that does not exist; expect 404 like any out-of-scope object.
 * - Principals: one account per role held at E1, plus anonymous, a disabled account (session of a user
 *   disabled after login) and an account that must change its password. Oracle: public → success;
 *   anonymous/disabled → 401; pending password change → 403 PASSWORD_CHANGE_REQUIRED unless
 *   `anyUser({ allowPendingPasswordChange: true })`; session → success; permission missing from the role →
 *   403 FORBIDDEN; held, target outside E1's subtree or missing → 404 NOT_FOUND; held and in scope → success.
 * - `caller` (third argument: `{ kind, agent, userId }`, userId null when anonymous) is for routes on the
 *   caller's own objects (e.g. mark one's own notification read): create the object for `caller.userId`.
 * - `freshPrincipal: true` when the route changes the caller's own session or account (logout, password
 *   change): each case then gets a new principal instead of the shared one.
 * - Helpers (fixture.ts `Fx`): `fx.org.{root,E1,B1,G1,B2,E2,B3}`, `fx.unique(prefix)`, `fx.childType(orgId)`,
 *   `fx.leafOrg(orgId)`, `fx.user(orgId, role)`, `fx.inOrg(orgId, create)`, `fx.as(role)` (an agent holding
 *   `role` at the root, to create objects through the API), `fx.t` (the TestApp: db, clock, sys()).
 */

import { readFileSync } from 'node:fs';
import { DEFAULT_TEMPLATES } from '../../../common/meeting.ts';
import { DEFAULT_SECURITY_POLICY } from '../../../common/security-policy.ts';
import { committeeIn, electionInput } from '../../modules/committee/committee.factory.ts';
import { assessmentIn, deadlinesOf, objectionIn, ratingIn, rectificationIn, rubricId } from '../../modules/fivegood/fivegood.factory.ts';
import { defaultRubric } from '../../modules/fivegood/rubric.yaml.ts';
import { followUpIn, meetingIn, signinTokenFor, topicIn } from '../../modules/meeting/meeting.factory.ts';
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
import {
  attemptFor,
  classTokenFor,
  materialIn,
  planIn,
  planItemIn,
  questionIn,
  quizIn,
  readingSessionFor,
  recordIn,
  selfIn,
  studyRulesBody,
} from '../../modules/study/study.factory.ts';
import { letterIn, pendingTransferIn } from '../../modules/transfer/transfer.factory.ts';
import { TEST_PASSWORD } from '../build-test-app.ts';
import { buildOrg } from '../factories.ts';
import { fileIn, materialFileIn, ownNotification, pngUpload } from './builders.ts';
import type { Fx, MatrixRequest, Principal } from './fixture.ts';

export type MatrixCase = {
  build: (fx: Fx, orgId: string, caller: Principal) => Promise<MatrixRequest> | MatrixRequest;
  freshPrincipal?: boolean;
};

const enc = encodeURIComponent;

export const cases: Record<string, MatrixCase> = {
  'GET /api/health': { build: () => ({ url: '/api/health' }) },
  'GET /api/openapi.json': { build: () => ({ url: '/api/openapi.json' }) },

  'POST /api/auth/login': {
    build: async (fx) => ({ url: '/api/auth/login', payload: { username: (await fx.user(fx.org.B1)).username, password: TEST_PASSWORD } }),
  },
  'POST /api/auth/logout': { freshPrincipal: true, build: () => ({ url: '/api/auth/logout' }) },
  'POST /api/auth/password': {
    freshPrincipal: true,
    build: () => ({ url: '/api/auth/password', payload: { oldPassword: TEST_PASSWORD, newPassword: 'Xq7#vR2!mLp9-Tz' } }),
  },
  'GET /api/auth/me': { build: () => ({ url: '/api/auth/me' }) },

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

  'GET /api/meetings': { build: (_fx, orgId) => ({ url: `/api/meetings?orgId=${orgId}&type=theme_day&page=1&pageSize=20` }) },
  'POST /api/meetings': {
    build: (_fx, orgId) => ({
      url: '/api/meetings',
      payload: {
        orgId,
        type: 'theme_day',
        title: '矩阵主题党日',
        startsAt: '2026-03-01T08:00:00+08:00',
        endsAt: '2026-03-01T10:00:00+08:00',
        place: '活动室',
        host: '主持人',
        recorder: '记录人',
      },
    }),
  },
  'GET /api/meetings/:id': { build: async (fx, orgId) => ({ url: `/api/meetings/${await fx.inOrg(orgId, (o) => meetingIn(fx.t, o))}` }) },
  'PATCH /api/meetings/:id': {
    build: async (fx, orgId) => ({
      url: `/api/meetings/${await fx.inOrg(orgId, (o) => meetingIn(fx.t, o))}`,
      payload: { place: '矩阵会议室' },
    }),
  },
  'DELETE /api/meetings/:id': {
    build: async (fx, orgId) => ({
      url: `/api/meetings/${await fx.inOrg(orgId, (o) => meetingIn(fx.t, o))}?reason=${enc('矩阵测试取消')}`,
    }),
  },
  'PUT /api/meetings/:id/agenda': {
    build: async (fx, orgId) => ({
      url: `/api/meetings/${await fx.inOrg(orgId, (o) => meetingIn(fx.t, o))}/agenda`,
      payload: { items: [{ kind: 'regular', title: '矩阵议题' }] },
    }),
  },
  'PUT /api/meetings/:id/attendance': {
    build: async (fx, orgId) => ({
      url: `/api/meetings/${await fx.inOrg(orgId, (o) => meetingIn(fx.t, o))}/attendance`,
      payload: { items: [] },
    }),
  },
  'POST /api/meetings/:id/hold': {
    build: async (fx, orgId) => ({ url: `/api/meetings/${await fx.inOrg(orgId, (o) => meetingIn(fx.t, o))}/hold` }),
  },
  'POST /api/meetings/:id/submit': {
    build: async (fx, orgId) => ({ url: `/api/meetings/${await fx.inOrg(orgId, (o) => meetingIn(fx.t, o, { status: 'held' }))}/submit` }),
  },
  'POST /api/meetings/:id/review': {
    build: async (fx, orgId) => ({
      url: `/api/meetings/${await fx.inOrg(orgId, async (o) => meetingIn(fx.t, await fx.leafOrg(o), { status: 'submitted' }))}/review`,
      payload: { action: 'approve' },
    }),
  },
  'GET /api/meeting-templates': { build: () => ({ url: '/api/meeting-templates' }) },
  'PUT /api/meeting-templates/:type': {
    build: () => ({ url: '/api/meeting-templates/heart_talk', payload: DEFAULT_TEMPLATES.heart_talk }),
  },
  'GET /api/meeting-templates/:type/docx': { build: () => ({ url: '/api/meeting-templates/party_lecture/docx' }) },
  'GET /api/meetings/:id/docx': {
    build: async (fx, orgId) => ({ url: `/api/meetings/${await fx.inOrg(orgId, (o) => meetingIn(fx.t, o, { status: 'held' }))}/docx` }),
  },
  'GET /api/meetings/:id/signin-code': {
    build: async (fx, orgId) => ({ url: `/api/meetings/${await fx.inOrg(orgId, (o) => meetingIn(fx.t, o))}/signin-code` }),
  },
  'GET /api/m/meetings': { build: () => ({ url: '/api/m/meetings' }) },
  'POST /api/m/signin': {
    build: async (fx, orgId, caller) => ({ url: '/api/m/signin', payload: { token: await signinTokenFor(fx.t, orgId, caller.userId) } }),
  },
  'GET /api/first-topics': { build: () => ({ url: '/api/first-topics?year=2026' }) },
  'POST /api/first-topics': {
    build: (_fx, orgId) => ({
      url: '/api/first-topics',
      payload: { orgId, title: '矩阵测试议题', source: '重要讲话', publishedOn: '2026-01-15' },
    }),
  },
  'GET /api/first-topics/:id': {
    build: async (fx, orgId) => ({ url: `/api/first-topics/${await fx.inOrg(orgId, (o) => topicIn(fx.t, o))}` }),
  },
  'PATCH /api/first-topics/:id': {
    build: async (fx, orgId) => ({
      url: `/api/first-topics/${await fx.inOrg(orgId, (o) => topicIn(fx.t, o))}`,
      payload: { material: '矩阵材料' },
    }),
  },
  'POST /api/first-topics/:id/push': {
    build: async (fx, orgId) => ({ url: `/api/first-topics/${await fx.inOrg(orgId, (o) => topicIn(fx.t, o))}/push` }),
  },
  'GET /api/follow-ups': { build: (_fx, orgId) => ({ url: `/api/follow-ups?orgId=${orgId}&status=open` }) },
  'POST /api/meetings/:id/follow-ups': {
    build: async (fx, orgId) => ({
      url: `/api/meetings/${await fx.inOrg(orgId, (o) => meetingIn(fx.t, o, { status: 'held', type: 'committee_meeting', withTopic: true }))}/follow-ups`,
      payload: { measure: '矩阵落实措施', ownerName: '责任人', deadline: '2026-12-31' },
    }),
  },
  'PATCH /api/follow-ups/:id': {
    build: async (fx, orgId) => ({
      url: `/api/follow-ups/${await fx.inOrg(orgId, (o) => followUpIn(fx.t, o))}`,
      payload: { ownerName: '新责任人' },
    }),
  },
  'GET /api/first-topic-ledger': { build: (_fx, orgId) => ({ url: `/api/first-topic-ledger?orgId=${orgId}&year=2026` }) },
  'GET /api/first-topic-ledger/export': { build: (_fx, orgId) => ({ url: `/api/first-topic-ledger/export?orgId=${orgId}&year=2026` }) },
  'GET /api/meeting-calendar': { build: (_fx, orgId) => ({ url: `/api/meeting-calendar?orgId=${orgId}&year=2026` }) },
  'GET /api/meeting-calendar/heatmap': { build: (_fx, orgId) => ({ url: `/api/meeting-calendar/heatmap?orgId=${orgId}&year=2026` }) },
  'GET /api/study/materials': { build: (_fx, orgId) => ({ url: `/api/study/materials?orgId=${orgId}&theme=party_rules` }) },
  'POST /api/study/materials': {
    build: (_fx, orgId) => ({
      url: '/api/study/materials',
      payload: { orgId, title: '矩阵学习资料', theme: 'party_history', bodyHtml: '<p>正文</p>' },
    }),
  },
  'POST /api/study/materials/from-topic': {
    build: async (fx, orgId) => ({
      url: '/api/study/materials/from-topic',
      payload: { topicId: await fx.inOrg(orgId, (o) => topicIn(fx.t, o)) },
    }),
  },
  'GET /api/study/materials/:id': {
    build: async (fx, orgId) => ({ url: `/api/study/materials/${await fx.inOrg(orgId, (o) => materialIn(fx.t, o))}` }),
  },
  'PATCH /api/study/materials/:id': {
    build: async (fx, orgId) => ({
      url: `/api/study/materials/${await fx.inOrg(orgId, (o) => materialIn(fx.t, o))}`,
      payload: { title: '矩阵改标题' },
    }),
  },
  'DELETE /api/study/materials/:id': {
    build: async (fx, orgId) => ({ url: `/api/study/materials/${await fx.inOrg(orgId, (o) => materialIn(fx.t, o))}` }),
  },
  'GET /api/study/records': { build: (_fx, orgId) => ({ url: `/api/study/records?orgId=${orgId}&year=2026&form=centralized_training` }) },
  'POST /api/study/records': {
    build: (_fx, orgId) => ({
      url: '/api/study/records',
      payload: { orgId, form: 'centralized_training', title: '矩阵集中学习', occurredOn: '2026-02-01', minutes: 60 },
    }),
  },
  'GET /api/study/records/:id': {
    build: async (fx, orgId) => ({ url: `/api/study/records/${await fx.inOrg(orgId, (o) => recordIn(fx.t, o))}` }),
  },
  'DELETE /api/study/records/:id': {
    build: async (fx, orgId) => ({ url: `/api/study/records/${await fx.inOrg(orgId, (o) => recordIn(fx.t, o))}` }),
  },
  'GET /api/study/hours': { build: (_fx, orgId) => ({ url: `/api/study/hours?orgId=${orgId}&year=2026&behindOnly=1` }) },
  'GET /api/study/hours/export': { build: (_fx, orgId) => ({ url: `/api/study/hours/export?orgId=${orgId}&year=2026` }) },
  'GET /api/study/rollup': { build: (_fx, orgId) => ({ url: `/api/study/rollup?orgId=${orgId}&year=2026` }) },
  'GET /api/study/rules': { build: () => ({ url: '/api/study/rules' }) },
  'PUT /api/study/rules': { build: () => ({ url: '/api/study/rules', payload: studyRulesBody() }) },
  'GET /api/m/study/materials': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/materials' };
    },
  },
  'POST /api/m/study/materials/:id/read': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: `/api/m/study/materials/${await materialIn(fx.t, orgId)}/read` };
    },
  },
  'GET /api/m/study/materials/:id/files/:fileId': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      const { materialId, fileId } = await materialFileIn(fx, orgId);
      return { url: `/api/m/study/materials/${materialId}/files/${fileId}` };
    },
  },
  'POST /api/m/study/reading/:id/beat': {
    build: async (fx, orgId, caller) => ({
      url: `/api/m/study/reading/${await readingSessionFor(fx.t, caller.userId, orgId)}/beat`,
      payload: { visible: true, active: true },
    }),
  },
  'POST /api/m/study/self-study': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return {
        url: '/api/m/study/self-study',
        payload: { title: '矩阵自学', occurredOn: '2026-02-01', minutes: 30, reflection: '矩阵测试学习心得十个字以上' },
      };
    },
  },
  'GET /api/m/study/team': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/team' };
    },
  },
  'POST /api/m/study/classes': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/classes', payload: { title: '矩阵班组课堂', lecturer: '班组长', teamName: '一班' } };
    },
  },
  'POST /api/m/study/checkin': {
    build: async (fx, orgId, caller) => ({
      url: '/api/m/study/checkin',
      payload: { token: await classTokenFor(fx.t, caller.userId, orgId) },
    }),
  },
  'GET /api/m/study/hours': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/hours?year=2026' };
    },
  },
  'GET /api/m/study/records': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/records?year=2026' };
    },
  },
  'GET /api/study/questions': { build: (_fx, orgId) => ({ url: `/api/study/questions?orgId=${orgId}&tag=party_rules` }) },
  'POST /api/study/questions': {
    build: (_fx, orgId) => ({
      url: '/api/study/questions',
      payload: { orgId, kind: 'judge', stem: '矩阵判断题题干', options: ['正确', '错误'], answer: [0] },
    }),
  },
  'PATCH /api/study/questions/:id': {
    build: async (fx, orgId) => ({
      url: `/api/study/questions/${await fx.inOrg(orgId, (o) => questionIn(fx.t, o))}`,
      payload: { active: false },
    }),
  },
  'GET /api/study/quizzes': { build: (_fx, orgId) => ({ url: `/api/study/quizzes?orgId=${orgId}` }) },
  'POST /api/study/quizzes': {
    build: async (fx, orgId) => ({
      url: '/api/study/quizzes',
      payload: {
        orgId,
        title: '矩阵测试',
        timeLimitMinutes: 10,
        questionIds: [await questionIn(fx.t, fx.isGhost(orgId) ? fx.org.E1 : orgId)],
        opensAt: '2026-03-01T00:00:00+08:00',
        closesAt: '2026-03-31T00:00:00+08:00',
      },
    }),
  },
  'GET /api/study/quizzes/:id/results': {
    build: async (fx, orgId) => ({ url: `/api/study/quizzes/${await fx.inOrg(orgId, (o) => quizIn(fx.t, o))}/results` }),
  },
  'GET /api/m/study/quizzes': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: '/api/m/study/quizzes' };
    },
  },
  'POST /api/m/study/quizzes/:id/start': {
    build: async (fx, orgId, caller) => {
      await selfIn(fx.t, caller.userId, orgId);
      return { url: `/api/m/study/quizzes/${await quizIn(fx.t, orgId)}/start` };
    },
  },
  'POST /api/m/study/attempts/:id/submit': {
    build: async (fx, orgId, caller) => ({
      url: `/api/m/study/attempts/${await attemptFor(fx.t, caller.userId, orgId, false)}/submit`,
      payload: { answers: {} },
    }),
  },
  'GET /api/m/study/attempts/:id': {
    build: async (fx, orgId, caller) => ({ url: `/api/m/study/attempts/${await attemptFor(fx.t, caller.userId, orgId, true)}` }),
  },
  // "五个好"
  'GET /api/fivegood/rubrics': { build: () => ({ url: '/api/fivegood/rubrics' }) },
  'GET /api/fivegood/rubrics/:id': { build: async (fx) => ({ url: `/api/fivegood/rubrics/${await rubricId(fx.t)}` }) },
  'POST /api/fivegood/rubrics': {
    build: () => ({ url: '/api/fivegood/rubrics', payload: { content: defaultRubric(), note: '矩阵测试版本' } }),
  },
  'POST /api/fivegood/rubrics/import': {
    build: () => ({ url: '/api/fivegood/rubrics/import', payload: { format: 'yaml', data: fivegoodYaml(), note: '矩阵测试导入' } }),
  },
  'GET /api/fivegood/rubrics/:id/export': {
    build: async (fx) => ({ url: `/api/fivegood/rubrics/${await rubricId(fx.t)}/export?format=yaml` }),
  },
  'GET /api/fivegood/campaigns': { build: () => ({ url: '/api/fivegood/campaigns' }) },
  'POST /api/fivegood/campaigns': {
    build: async (fx, orgId) => {
      const year = 2001 + (campaignYears.get(orgId) ?? 0);
      campaignYears.set(orgId, year - 2000);
      return {
        url: '/api/fivegood/campaigns',
        payload: { orgId, year, name: fx.unique('创建活动'), rubricId: await rubricId(fx.t), deadlines: deadlinesOf(year) },
      };
    },
  },
  'GET /api/fivegood/campaigns/:id': { build: async (fx, orgId) => ({ url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId)}` }) },
  'GET /api/fivegood/campaigns/:id/assessments': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId)}/assessments?status=draft` }),
  },
  'POST /api/fivegood/campaigns/:id/publicize': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId, { status: 'confirmed' })}/publicize`,
      payload: {},
    }),
  },
  'POST /api/fivegood/campaigns/:id/name': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId, { status: 'confirmed', publicityTo: '2000-01-10' })}/name`,
    }),
  },
  'GET /api/fivegood/campaigns/:id/board': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId)}/board` }),
  },
  'GET /api/fivegood/campaigns/:id/board/export': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/campaigns/${await campaignIn(fx, orgId)}/board/export` }),
  },
  'GET /api/fivegood/assessments/:id': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId)}` }),
  },
  'GET /api/fivegood/assessments/:id/proposals': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId)}/proposals` }),
  },
  'PUT /api/fivegood/assessments/:id/self': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId)}/self`,
      payload: { scores: [], report: '矩阵测试自评' },
    }),
  },
  'POST /api/fivegood/assessments/:id/submit': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { filled: true })}/submit` }),
  },
  'PUT /api/fivegood/assessments/:id/review': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { status: 'submitted' })}/review`,
      payload: { adjustments: [] },
    }),
  },
  'POST /api/fivegood/assessments/:id/return': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { status: 'submitted' })}/return`,
      payload: { reason: '矩阵测试退回' },
    }),
  },
  'POST /api/fivegood/assessments/:id/forward': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { status: 'submitted' })}/forward`,
      payload: { reason: '矩阵测试报送' },
    }),
  },
  'POST /api/fivegood/assessments/:id/confirm': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { status: 'forwarded' })}/confirm`,
      payload: { reason: '矩阵测试审定' },
    }),
  },
  'POST /api/fivegood/assessments/:id/objections': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/assessments/${await assessmentOf(fx, orgId, { status: 'confirmed', publicityTo: '2099-12-31' })}/objections`,
      payload: { content: '矩阵测试异议' },
    }),
  },
  'POST /api/fivegood/objections/:id/resolve': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/objections/${await fx.inOrg(orgId, (o) => objectionIn(fx.t, o))}/resolve`,
      payload: { upheld: false, resolution: '矩阵测试处理' },
    }),
  },
  'GET /api/fivegood/ratings': { build: (_fx, orgId) => ({ url: `/api/fivegood/ratings?orgId=${orgId}&plaques=1` }) },
  'GET /api/fivegood/ratings/:id/certificate': {
    build: async (fx, orgId) => ({ url: `/api/fivegood/ratings/${await fx.inOrg(orgId, (o) => ratingIn(fx.t, o))}/certificate` }),
  },
  'POST /api/fivegood/vetoes': {
    build: (_fx, orgId) => ({
      url: '/api/fivegood/vetoes',
      payload: { orgId, conditionKey: 'major_accident', occurredOn: '2026-02-20', reason: '矩阵测试否决事项' },
    }),
  },
  'GET /api/fivegood/rectifications': { build: (_fx, orgId) => ({ url: `/api/fivegood/rectifications?orgId=${orgId}&status=open` }) },
  'POST /api/fivegood/rectifications': {
    build: (_fx, orgId) => ({
      url: '/api/fivegood/rectifications',
      payload: { orgId, item: '矩阵测试整改事项', owner: '支部书记', deadline: '2026-06-30' },
    }),
  },
  'POST /api/fivegood/rectifications/:id/close': {
    build: async (fx, orgId) => ({
      url: `/api/fivegood/rectifications/${await fx.inOrg(orgId, (o) => rectificationIn(fx.t, o))}/close`,
      payload: { note: '矩阵测试销号' },
    }),
  },
  'GET /api/study/plans': { build: (_fx, orgId) => ({ url: `/api/study/plans?orgId=${orgId}&year=2026` }) },
  'POST /api/study/plans': {
    build: (fx, orgId) => {
      const n = Number(fx.unique('')) % 505;
      return { url: '/api/study/plans', payload: { orgId, year: 2000 + Math.floor(n / 5), quarter: n % 5 || null, title: '矩阵学习计划' } };
    },
  },
  'POST /api/study/plans/:id/items': {
    build: async (fx, orgId) => ({
      url: `/api/study/plans/${await fx.inOrg(orgId, (o) => planIn(fx.t, o))}/items`,
      payload: { month: 5, theme: 'party_rules', form: 'self_study', title: '矩阵计划事项' },
    }),
  },
  'DELETE /api/study/plan-items/:id': {
    build: async (fx, orgId) => ({ url: `/api/study/plan-items/${await fx.inOrg(orgId, (o) => planItemIn(fx.t, o))}` }),
  },
};

const campaignYears = new Map<string, number>();
type FivegoodOpts = Parameters<typeof assessmentIn>[2];
const assessmentOf = (fx: Fx, orgId: string, o: FivegoodOpts = {}) =>
  fx.inOrg(orgId, async (x) => (await assessmentIn(fx.t, x, o)).assessmentId);
const campaignIn = (fx: Fx, orgId: string, o: FivegoodOpts = {}) =>
  fx.inOrg(orgId, async (x) => (await assessmentIn(fx.t, x, o)).campaignId);
const fivegoodYaml = () => readFileSync(new URL('../../modules/fivegood/default-rubric.yaml', import.meta.url), 'utf8');
