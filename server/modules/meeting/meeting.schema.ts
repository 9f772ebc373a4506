// The meeting API's schemas live in common/meeting.ts (one contract for the server and the web).
export * from '../../../common/meeting.ts';
