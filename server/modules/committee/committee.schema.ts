// The /api/committees API's schemas live in common/committee.ts (one contract for the server and the web).
export * from '../../../common/committee.ts';
