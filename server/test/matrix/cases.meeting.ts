// Authorization-matrix rows: Meetings, 第一议题 and the compliance calendar. See cases.ts for how to write a row.
import { DEFAULT_TEMPLATES } from '../../../common/meeting.ts';
import { followUpIn, meetingIn, signinTokenFor, topicIn } from '../../modules/meeting/meeting.factory.ts';
import type { MatrixCase } from './cases.ts';

const enc = encodeURIComponent;

export const meetingCases: Record<string, MatrixCase> = {
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
};
