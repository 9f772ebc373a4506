// The /api/users API's schemas live in common/user.ts (one contract for the server and the web).
export * from '../../../common/user.ts';
