// The study API's schemas live in common/study.ts (one contract for the server and the web).
export * from '../../../common/study.ts';
