// The 站内提醒 /api/notifications API's schemas live in common/notify.ts (one contract for the server and the web).
export * from '../../../common/notify.ts';
