// The /api/transfers API's schemas live in common/transfer.ts (one contract for the server and the web).
export * from '../../../common/transfer.ts';
