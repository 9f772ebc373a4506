// The 审计日志 /api/audit API's schemas live in common/audit.ts (one contract for the server and the web).
export * from '../../../common/audit.ts';
