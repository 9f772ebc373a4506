// The 附件 /api/files API's schemas live in common/files.ts (one contract for the server and the web).
export * from '../../../common/files.ts';
